// Absolute URLs (hreflang alternates, later feeds and the sitemap) come from
// the one site URL setting.
import type { EleventyConfig } from "./config-types.ts";
import { currentNewsroom } from "./newsroom-data.ts";

export function absoluteUrl(siteUrl: string, url: string): string {
  return new URL(url, `${siteUrl}/`).href;
}

export function urlFiltersPlugin(config: EleventyConfig): void {
  config.addFilter("absoluteUrl", (url) => absoluteUrl(currentNewsroom().site.url, String(url)));
}

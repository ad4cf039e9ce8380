// Pressroom's Eleventy configuration: a table of contents.
//
//   lib/eleventy/templates.ts      Nunjucks options, Markdown library, static assets
//   lib/eleventy/newsroom-data.ts  loads site, locales, releases and page views per build
//   lib/eleventy/i18n-filters.ts   the `t` filter over locales/<code>/translation.json
//   lib/eleventy/client-scripts.ts bundles lib/client/*.ts (search page, service worker registration)
//   HtmlBasePlugin                 adds the path prefix to every URL in the written HTML
//   rssPlugin                      date and absolute-URL filters for the feeds in src/feeds/
//
// Post-build phases (search index, service worker, publishing) are in
// lib/build/pipeline.ts, run by `npm run build`.
//
// Everything those plugins call is plain TypeScript in lib/, unit-tested in
// tests/unit/. Page templates are in src/, layouts and partials in _includes/.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { loadSite } from "./lib/build/newsroom.ts";
import { clientScriptsPlugin } from "./lib/eleventy/client-scripts.ts";
import type { EleventyConfig } from "./lib/eleventy/config-types.ts";
import { i18nFiltersPlugin } from "./lib/eleventy/i18n-filters.ts";
import { newsroomDataPlugin } from "./lib/eleventy/newsroom-data.ts";
import { templatesPlugin } from "./lib/eleventy/templates.ts";

export default async function pressroom(config: EleventyConfig): Promise<{ pathPrefix: string }> {
  const rootDir = process.cwd();
  config.setInputDirectory("src");
  config.setIncludesDirectory("../_includes");
  config.setDataDirectory("../_data");

  config.addPlugin(templatesPlugin);
  config.addPlugin(newsroomDataPlugin, { rootDir, preview: false });
  config.addPlugin(i18nFiltersPlugin);
  config.addPlugin(clientScriptsPlugin, { rootDir });
  config.addPlugin(HtmlBasePlugin);
  config.addPlugin(rssPlugin);

  return { pathPrefix: (await loadSite(rootDir)).pathPrefix };
}

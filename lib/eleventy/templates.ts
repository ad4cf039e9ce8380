// Template engine settings: Markdown through our one markdown-it instance and
// Nunjucks that fails on undefined values, so a typo breaks the build instead
// of printing an empty string.
import { markdown } from "../markdown.ts";
import type { EleventyConfig } from "./config-types.ts";

export function templatesPlugin(config: EleventyConfig): void {
  config.setTemplateFormats(["njk"]);
  config.setLibrary("md", markdown);
  config.setNunjucksEnvironmentOptions({
    throwOnUndefined: true,
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  config.addPassthroughCopy({ "src/assets": "assets" });
}

// Template engine settings: Markdown through our one markdown-it instance and
// Nunjucks that fails on undefined values, so a typo breaks the build instead
// of printing an empty string, compiling each template once
// (nunjucks-compile-once.ts).
import { markdown } from "../content/markdown.ts";
import type { EleventyConfig } from "./config-types.ts";
import { compileNunjucksOnce } from "./nunjucks-compile-once.ts";

export function templatesPlugin(config: EleventyConfig, options: { assets: boolean }): void {
  config.setTemplateFormats(["njk"]);
  config.setLibrary("md", markdown);
  config.setNunjucksEnvironmentOptions({
    throwOnUndefined: true,
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  // Copied by the first of a build's runs only (lib/build/render-runs.ts).
  if (options.assets) config.addPassthroughCopy({ "src/assets": "assets" });
  compileNunjucksOnce(config);
}

// Pressroom's Eleventy configuration: a table of contents.
//
//   lib/eleventy/templates.ts      Nunjucks options, Markdown library, static assets
//   lib/eleventy/newsroom-data.ts  loads site, locales, releases and page views per build
//   lib/eleventy/i18n-filters.ts   the `t` filter over locales/<code>/translation.json
//   lib/eleventy/url-filters.ts    absolute URLs from the site record
//   lib/eleventy/client-scripts.ts bundles lib/client/*.ts (search page, service worker registration)
//
// Post-build phases (search index, service worker, publishing) are in
// lib/build/pipeline.ts, run by `npm run build`.
//
// Everything those plugins call is plain TypeScript in lib/, unit-tested in
// tests/unit/. Page templates are in src/, layouts and partials in _includes/.

import { clientScriptsPlugin } from "./lib/eleventy/client-scripts.ts";
import type { EleventyConfig } from "./lib/eleventy/config-types.ts";
import { i18nFiltersPlugin } from "./lib/eleventy/i18n-filters.ts";
import { newsroomDataPlugin } from "./lib/eleventy/newsroom-data.ts";
import { templatesPlugin } from "./lib/eleventy/templates.ts";
import { urlFiltersPlugin } from "./lib/eleventy/url-filters.ts";

export default function pressroom(config: EleventyConfig): void {
  config.setInputDirectory("src");
  config.setIncludesDirectory("../_includes");
  config.setDataDirectory("../_data");

  config.addPlugin(templatesPlugin);
  config.addPlugin(newsroomDataPlugin, { rootDir: process.cwd() });
  config.addPlugin(i18nFiltersPlugin);
  config.addPlugin(urlFiltersPlugin);
  config.addPlugin(clientScriptsPlugin, { rootDir: process.cwd() });
}

// Pressroom's Eleventy configuration: a table of contents.
//
// Directories: page templates in src/ (src/releases/ is content, not
// templates), layouts, partials and macros in _includes/, site settings in
// _data/site.ts (the path prefix returned below comes from there). Each
// plugin is one concern:
//
//   lib/eleventy/templates.ts       Nunjucks options, the Markdown library, static assets, and
//                                   each template compiled once (nunjucks-compile-once.ts)
//   lib/eleventy/newsroom-data.ts   loads the newsroom (lib/build/newsroom.ts) before each build
//                                   and gives templates `site` and `newsroom`, the page views;
//                                   under `npm start`, only the views an edit changed
//   lib/eleventy/i18n-filters.ts    the `t` filter over locales/<code>/translation.json
//   lib/eleventy/embargo-filters.ts the `seal` filter: embargoed previews encrypted (lib/embargo/)
//   lib/eleventy/client-scripts.ts  bundles lib/client/ (search page, service worker registration)
//   lib/eleventy/cms-admin.ts       writes the editor at /admin/ and its generated configuration (lib/cms/)
//   lib/eleventy/config-types.ts    the typed subset of Eleventy's configuration API used here
//   HtmlBasePlugin                  adds the path prefix to every URL in the written HTML
//   rssPlugin                       date and absolute-URL filters for the feeds in src/feeds/
//
// Data enters through the options of `pressroom()` only. `npm run build`
// (lib/build/pipeline.ts) calls it with the newsroom it has loaded and
// runs Eleventy without a config file, a large site in several runs, each
// given its share of the pages (lib/build/render-runs.ts); `npm start` runs
// Eleventy's command line, which reads this file's default export.
//
// `npm run build` runs Eleventy as one phase of lib/build/pipeline.ts, which
// loads and checks the content first, builds the search index
// (lib/search/) while Eleventy renders, then writes the service worker
// (lib/offline/), checks the output and publishes it. CONTRIBUTING.md walks
// through the whole flow and lists every module.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { loadSite, type Newsroom } from "./lib/build/newsroom.ts";
import type { RenderRun } from "./lib/build/render-runs.ts";
import { clientScriptsPlugin } from "./lib/eleventy/client-scripts.ts";
import { cmsAdminPlugin } from "./lib/eleventy/cms-admin.ts";
import type { EleventyConfig } from "./lib/eleventy/config-types.ts";
import { embargoFiltersPlugin } from "./lib/eleventy/embargo-filters.ts";
import { i18nFiltersPlugin } from "./lib/eleventy/i18n-filters.ts";
import { BuildNewsroom, newsroomDataPlugin } from "./lib/eleventy/newsroom-data.ts";
import { templatesPlugin } from "./lib/eleventy/templates.ts";

export interface PressroomOptions {
  /** The project: src/, _data/, locales/. */
  rootDir: string;
  /** Shows drafts and scheduled releases too, marked as such. */
  preview: boolean;
  /** Already loaded for the first build (by `npm run build`); without it, each build loads its own. */
  newsroom?: Newsroom;
  /** The CMS local backend's API address, given by `npm run cms` (scripts/cms.ts). */
  cmsLocalBackend?: string;
  /**
   * One of the runs `npm run build` renders a large site in
   * (lib/build/render-runs.ts): its views and templates. Without it, every page.
   */
  run?: RenderRun;
}

export type PressroomConfig = (config: EleventyConfig) => Promise<{ pathPrefix: string }>;

export function pressroom(options: PressroomOptions): PressroomConfig {
  return async (config) => {
    const { rootDir } = options;
    config.setInputDirectory("src");
    config.setIncludesDirectory("../_includes");
    config.setDataDirectory("../_data");

    // The newsroom of the build in progress, for the plugins that read it.
    const newsroom = new BuildNewsroom(options);
    // Static assets, browser scripts and the editor: once per build, by its first run.
    const siteFiles = options.run?.siteFiles ?? true;
    config.addPlugin(templatesPlugin, { assets: siteFiles });
    config.addPlugin(newsroomDataPlugin, { newsroom, run: options.run });
    config.addPlugin(i18nFiltersPlugin, { translator: () => newsroom.current.translator });
    config.addPlugin(embargoFiltersPlugin, { keys: () => newsroom.current.embargo });
    if (siteFiles) {
      config.addPlugin(clientScriptsPlugin, { rootDir });
      config.addPlugin(cmsAdminPlugin, { newsroom, localBackend: options.cmsLocalBackend });
    }
    config.addPlugin(HtmlBasePlugin);
    config.addPlugin(rssPlugin);

    const site = options.newsroom?.site ?? (await loadSite(rootDir));
    return { pathPrefix: site.pathPrefix };
  };
}

// `npm start`: the project in the working folder, published releases only.
export default pressroom({ rootDir: process.cwd(), preview: false });

// Loads the newsroom before each build (and each rebuild under `npm start`)
// and exposes it to templates as `site` and `newsroom`.

import { createNewsroomCache, type Newsroom, nextNewsroom } from "../build/newsroom.ts";
import { formatProblem } from "../content/problems.ts";
import { changedPages, onlyContentChanged, type PreviousViews } from "../dev/changed-pages.ts";
import { companyFallbackWarning, fallbackWarning } from "../i18n/translator.ts";
import type { SitePages } from "../view/views.ts";
import type { EleventyConfig } from "./config-types.ts";

let current: Newsroom | undefined;
/** What templates paginate over: every page, or in watch mode only the changed ones. */
let exposed: SitePages | undefined;

export function currentNewsroom(): Newsroom {
  if (!current) throw new Error("The newsroom is read before Eleventy's build started.");
  return current;
}

export interface NewsroomDataOptions {
  rootDir: string;
  /** Shows drafts and scheduled releases too. */
  preview: boolean;
  log?: (line: string) => void;
}

export function newsroomDataPlugin(config: EleventyConfig, options: NewsroomDataOptions): void {
  const log = options.log ?? ((line: string) => console.warn(line));
  config.ignores.add("src/releases/**");
  for (const target of ["src/releases/", "locales/", "_data/"]) config.addWatchTarget(target);
  // Eleventy waits for a changed file to keep its size for 150 ms before
  // rebuilding, in case it is still being written. Editors save a release in
  // one write, and a file caught half-written is reported and rebuilt on the
  // next event anyway, so a shorter wait is most of the edit-to-page time won.
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  let changedFiles: string[] | undefined;
  let previousViews: PreviousViews | undefined;
  // Kept across rebuilds under watch; a one-off build loads once.
  const cache = createNewsroomCache();
  config.on("eleventy.beforeWatch", (queue) => {
    changedFiles = queue;
  });

  config.on("eleventy.before", async ({ directories, runMode }) => {
    current = await nextNewsroom({
      rootDir: options.rootDir,
      preview: options.preview,
      outputDir: directories.output,
      cache: runMode === "build" ? undefined : cache,
      onFallback: (notice) => log(fallbackWarning(notice)),
      onCompanyFallback: (notice) => log(companyFallbackWarning(notice)),
    });
    for (const warning of current.warnings) log(`[pressroom] warning: ${formatProblem(warning)}`);
    exposed = current.pages;
    if (runMode !== "build") {
      // Watching: see lib/dev/changed-pages.ts.
      const delta = changedPages(
        current.pages,
        changedFiles && onlyContentChanged(changedFiles) ? previousViews : undefined,
      );
      exposed = delta.pages;
      previousViews = delta.views;
      changedFiles = undefined;
    }
  });
  // Every page template paginates over prepared views with `alias: view` and
  // is written to the view's URL. A function permalink is read directly;
  // a "{{ view.url }}" string would be compiled by Nunjucks for every page.
  // (Eleventy calls a function given as global data to get its value, so
  // this one returns the permalink function.)
  config.addGlobalData("permalink", () => (data: { view?: { url?: string } }) => data.view?.url);
  config.addGlobalData("site", () => currentNewsroom().site);
  config.addGlobalData("newsroom", () => exposed ?? currentNewsroom().pages);
}

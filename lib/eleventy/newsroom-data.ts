// Loads the newsroom before each build (and each rebuild under `npm start`)
// and exposes it to templates as `site` and `newsroom`.

import { changedPages, onlyContentChanged, type Signatures } from "../dev-delta.ts";
import { companyFallbackWarning, fallbackWarning } from "../i18n.ts";
import { type Newsroom, nextNewsroom } from "../newsroom.ts";
import { formatProblem } from "../problems.ts";
import type { SitePages } from "../views.ts";
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
  log?: (line: string) => void;
}

export function newsroomDataPlugin(config: EleventyConfig, options: NewsroomDataOptions): void {
  const log = options.log ?? ((line: string) => console.warn(line));
  config.ignores.add("src/releases/**");
  for (const target of ["src/releases/", "locales/", "_data/"]) config.addWatchTarget(target);

  let changedFiles: string[] | undefined;
  let signatures: Signatures | undefined;
  config.on("eleventy.beforeWatch", (queue) => {
    changedFiles = queue;
  });

  config.on("eleventy.before", async ({ directories, runMode }) => {
    current = await nextNewsroom({
      rootDir: options.rootDir,
      outputDir: directories.output,
      onFallback: (notice) => log(fallbackWarning(notice)),
      onCompanyFallback: (notice) => log(companyFallbackWarning(notice)),
    });
    for (const warning of current.warnings) log(`[pressroom] warning: ${formatProblem(warning)}`);
    exposed = current.pages;
    if (runMode !== "build") {
      // Watching: see lib/dev-delta.ts.
      const delta = changedPages(
        current.pages,
        changedFiles && onlyContentChanged(changedFiles) ? signatures : undefined,
      );
      exposed = delta.pages;
      signatures = delta.signatures;
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

// The newsroom each Eleventy build renders, and how templates see it: as
// `site` and `newsroom` (every page's view, or under watch only the views an
// edit changed). eleventy.config.ts makes one BuildNewsroom per configuration
// and hands it to the plugins that read it: no module state, so every
// Eleventy instance in a process has its own.
import { createNewsroomCache, loadNewsroom, type Newsroom } from "../build/newsroom.ts";
import type { RenderRun } from "../build/render-runs.ts";
import { shareCardCacheDir, writeShareCards } from "../build/share-cards.ts";
import { warningLine } from "../content/problems.ts";
import { changedPages, onlyContentChanged, type PreviousViews } from "../dev/changed-pages.ts";
import { companyFallbackWarning, fallbackWarning } from "../i18n/translator.ts";
import type { SitePages } from "../view/page-kinds.ts";
import type { EleventyConfig } from "./config-types.ts";

export interface BuildNewsroomOptions {
  rootDir: string;
  /** Shows drafts and scheduled releases too. */
  preview: boolean;
  /**
   * Already loaded for the first build: `npm run build` loads the newsroom as
   * a phase of its own (lib/build/pipeline.ts). Later builds load their own.
   */
  newsroom?: Newsroom;
}

/** The newsroom of the build in progress, loaded before each build of one Eleventy configuration. */
export class BuildNewsroom {
  #current: Newsroom | undefined;
  #given: Newsroom | undefined;
  // Kept across rebuilds under watch; a one-off build loads once.
  readonly #cache = createNewsroomCache();

  constructor(private readonly options: BuildNewsroomOptions) {
    this.#given = options.newsroom;
  }

  get current(): Newsroom {
    if (!this.#current) throw new Error("The newsroom is read before Eleventy's build started.");
    return this.#current;
  }

  /**
   * The given newsroom for the first build, then a fresh load for every
   * later (watch) build. The warnings of a load are printed here; those of
   * a given newsroom by whoever loaded it (lib/build/pipeline.ts), once for
   * all of a build's Eleventy runs.
   */
  async load(build: { outputDir: string; watching: boolean }): Promise<Newsroom> {
    const log = (line: string) => console.warn(line);
    const given = this.#given;
    this.#given = undefined;
    const current =
      given ??
      (await loadNewsroom({
        rootDir: this.options.rootDir,
        preview: this.options.preview,
        outputDir: build.outputDir,
        cache: build.watching ? this.#cache : undefined,
        onFallback: (notice) => log(fallbackWarning(notice)),
        onCompanyFallback: (notice) => log(companyFallbackWarning(notice)),
      }));
    // `npm run build` draws the cards of the newsroom it gave as a phase of
    // its own (lib/build/pipeline.ts); under `npm start` they are drawn here,
    // and only new or changed ones, from the cache.
    if (!given) {
      for (const warning of current.warnings) log(warningLine(warning));
      await writeShareCards(current.shareCards, {
        outputDir: build.outputDir,
        cacheDir: shareCardCacheDir(this.options.rootDir),
      });
    }
    this.#current = current;
    return current;
  }
}

export function newsroomDataPlugin(
  config: EleventyConfig,
  options: { newsroom: BuildNewsroom; run?: RenderRun },
): void {
  const { newsroom, run } = options;
  config.ignores.add("src/releases/**");
  config.ignores.add("src/pages/**");
  for (const template of run?.skipped ?? []) config.ignores.add(`src/${template}`);
  for (const target of ["src/releases/", "src/pages/", "locales/", "_data/"]) config.addWatchTarget(target);
  // Eleventy waits for a changed file to keep its size for 150 ms before
  // rebuilding, in case it is still being written. Editors save a release in
  // one write, and a file caught half-written is reported and rebuilt on the
  // next event anyway, so a shorter wait is most of the edit-to-page time won.
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  /** What templates paginate over: every page, or in watch mode only the changed ones. */
  let exposed: SitePages | undefined;
  let changedFiles: string[] | undefined;
  let previousViews: PreviousViews | undefined;
  config.on("eleventy.beforeWatch", (queue) => {
    changedFiles = queue;
  });

  config.on("eleventy.before", async ({ directories, runMode }) => {
    const watching = runMode !== "build";
    const current = await newsroom.load({ outputDir: directories.output, watching });
    exposed = run?.pages ?? current.pages;
    if (watching) {
      // See lib/dev/changed-pages.ts.
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
  config.addGlobalData("site", () => newsroom.current.site);
  config.addGlobalData("newsroom", () => exposed ?? newsroom.current.pages);
}

// The build, phase by phase: load and validate content, render with Eleventy
// into a staging folder, check the output, then publish it (two renames, publish.ts).
// Each phase is timed for the summary printed at the end.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { warningLine } from "../content/problems.ts";
import { headersFileText } from "../deploy/headers.ts";
import { companyFallbackWarning, fallbackWarning } from "../i18n/translator.ts";
import { indexDocument } from "../search/documents.ts";
import { buildSearchIndex, checkPagefindReport, isSearchIndexFolder } from "../search/pagefind.ts";
import { absoluteUrl, EMBARGO_SEGMENT } from "../view/urls.ts";
import { clearLeftovers } from "./leftovers.ts";
import { loadNewsroom, type Newsroom } from "./newsroom.ts";
import { claimOutputFolder, readOutputFolder } from "./output-dir.ts";
import { countPagesByLocale, findPagesWithoutRegistryLang, listFiles, totalBytes } from "./output-files.ts";
import { discardStaging, prepareStaging, publishStaging, stagingDirFor } from "./publish.ts";
import { type RenderRun, RUN_PAGES, renderRuns } from "./render-runs.ts";
import { type ShareCardStats, shareCardCacheDir, writeShareCards } from "./share-cards.ts";

interface PhaseTiming {
  name: string;
  ms: number;
}

export interface BuildReport {
  outputDir: string;
  preview: boolean;
  /** The "now" that decided what is published (BUILD_TIME or the clock), in the site's time zone. */
  buildTime: DateTime;
  /** Wall time of the whole build (phases overlap: search runs alongside eleventy, checks, images and offline). */
  wallMs: number;
  phases: PhaseTiming[];
  pagesByLocale: Map<string, number>;
  published: number;
  scheduled: number;
  drafts: number;
  fallbacks: number;
  warnings: number;
  files: number;
  bytes: number;
  search: { languages: string[]; pages: number; parts: number; files: number; bytes: number };
  shareImages: ShareCardStats;
  /** Embargoed previews written (scheduled releases, per language); undefined without the secret. */
  embargoPreviews: number | undefined;
  offline: { files: number; bytes: number };
  /**
   * Under a path prefix, the line the host's own /robots.txt needs: crawlers
   * read robots.txt only at the root, so the one written under the prefix
   * is never read.
   */
  rootRobotsLine: string | undefined;
}

export interface BuildOptions {
  rootDir: string;
  outputDir: string;
  /** Builds drafts and scheduled releases too, each marked, for the team (npm run build:preview). */
  preview: boolean;
  log?: (line: string) => void;
  /** Let Eleventy print its own report of a failure, stack trace included (--debug). */
  debug?: boolean;
  /** Pages one Eleventy run writes at most (lib/build/render-runs.ts); smaller in tests. */
  runPages?: number;
}

export class BuildFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuildFailure";
  }
}

const withoutErrors = { log: console.log, info: console.info, warn: console.warn, error: () => {} };

async function timed<T>(phases: PhaseTiming[], name: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    phases.push({ name, ms: performance.now() - start });
  }
}

/** Eleventy and the project's configuration, which loads Eleventy's plugins. */
interface Renderer {
  Eleventy: typeof import("@11ty/eleventy").Eleventy;
  pressroom: typeof import("../../eleventy.config.ts").pressroom;
}

/**
 * Renders the pages in as many Eleventy runs as lib/build/render-runs.ts
 * cuts them into, one after the other. Eleventy is loaded here, once the
 * search index has started, not with the build: loading it takes about a
 * second, which the indexer's processes then use (docs/performance.md).
 */
async function renderSite(options: BuildOptions, newsroom: Newsroom, stagingDir: string): Promise<void> {
  // Eleventy's module resolver hook (a loader thread that every later
  // import waits on) lets `npm start` reload edited JavaScript; a build
  // imports each module once. Eleventy's own switch turns it off.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  const [{ Eleventy }, { pressroom }] = await Promise.all([
    import("@11ty/eleventy"),
    import("../../eleventy.config.ts"),
  ]);
  for (const run of renderRuns(newsroom.pages, options.runPages ?? RUN_PAGES)) {
    await renderRun({ Eleventy, pressroom }, options, newsroom, run, stagingDir);
  }
}

async function renderRun(
  { Eleventy, pressroom }: Renderer,
  options: BuildOptions,
  newsroom: Newsroom,
  run: RenderRun,
  stagingDir: string,
): Promise<void> {
  const { rootDir, preview, debug = false } = options;
  const eleventy = new Eleventy(path.join(rootDir, "src"), stagingDir, {
    // The project's configuration, given this build's newsroom; Eleventy's
    // search for a config file is turned off so that it is not applied twice.
    configPath: false,
    config: pressroom({ rootDir, preview, newsroom, run }),
    // Eleventy reads the path prefix a config file returns, not what the
    // config callback returns.
    pathPrefix: newsroom.site.pathPrefix,
    quietMode: true,
  });
  // The error Eleventy throws is reported by the caller, one line per
  // message; its own report repeats them with a stack trace.
  if (!debug) eleventy.logger.overrideLogger(withoutErrors);
  await eleventy.write();
}

export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const { rootDir, outputDir, preview } = options;
  const phases: PhaseTiming[] = [];
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.warn(line));
  const kind = preview ? "preview" : "site";
  // Leftovers first: a site a stopped build moved aside is put back before
  // the folder is judged, so a preview cannot take the place of a published build.
  clearLeftovers(readOutputFolder(rootDir, outputDir).path, log);
  const outputPath = claimOutputFolder(rootDir, outputDir, kind);
  const stagingDir = stagingDirFor(outputPath);
  prepareStaging(stagingDir);
  try {
    const newsroom = await timed(phases, "content", () =>
      loadNewsroom({
        rootDir,
        preview,
        outputDir: stagingDir,
        onFallback: (notice) => log(fallbackWarning(notice)),
        onCompanyFallback: (notice) => log(companyFallbackWarning(notice)),
      }),
    );
    for (const warning of newsroom.warnings) log(warningLine(warning));
    // The index is built from the content, not from Eleventy's output, so
    // Pagefind (multi-threaded) runs while Eleventy (single-threaded) renders.
    const searchDir = path.join(stagingDir, "pagefind");
    const indexing = timed(phases, "search", async () => {
      const report = await buildSearchIndex(
        newsroom.pages.releases.map((view) => indexDocument(view)),
        searchDir,
        {
          memoryBudgetMb: newsroom.site.searchIndexMemory,
        },
      );
      const indexed = new Set(newsroom.pages.releases.map((view) => view.locale.code));
      const problems = checkPagefindReport(report, newsroom.registry, indexed);
      if (problems.length > 0)
        throw new BuildFailure(`Search index refused:\n  - ${problems.join("\n  - ")}`);
      return report;
    });
    // Its failure is reported when it is awaited below; until then an
    // unhandled rejection would end the process with a stack trace.
    indexing.catch(() => undefined);
    try {
      await timed(phases, "eleventy", () => renderSite(options, newsroom, stagingDir));
    } catch (error) {
      // Let the index finish (or fail) before the staging folder is removed.
      await Promise.allSettled([indexing]);
      throw error;
    }
    // Share cards are drawn once Eleventy is done, alongside the search
    // index: Eleventy holds every page it renders until the end, and card
    // workers beside it put a first build over the memory a later one needs
    // (docs/performance.md, Memory). Cold, the cards take longer than
    // Eleventy and the index anyway, and the cores were already all busy.
    const drawing = timed(phases, "images", () =>
      writeShareCards(newsroom.shareCards, { outputDir: stagingDir, cacheDir: shareCardCacheDir(rootDir) }),
    );
    // The service worker precaches pages Eleventy wrote, never the index,
    // so it is written while the index is still being built. esbuild and
    // Workbox are loaded here, not with the build (a fifth of a second).
    const offline = timed(phases, "offline", async () => {
      const { writeServiceWorker } = await import("../offline/service-worker.ts");
      return writeServiceWorker(rootDir, stagingDir, newsroom.registry);
    });
    // Then every file but the index's is written. They are listed once,
    // while the index is still being built (leaving out its folders: its
    // input holds pages in Pagefind's own languages), for the pages' check
    // and the report.
    const inSearch = (folder: string) => isSearchIndexFolder(searchDir, folder);
    const checking = Promise.all([drawing, offline]).then(() =>
      timed(phases, "checks", () => {
        const files = listFiles(stagingDir, inSearch);
        const pages = files.filter((file) => file.endsWith(".html"));
        const missingLang = findPagesWithoutRegistryLang(stagingDir, pages, newsroom.registry);
        if (missingLang.length > 0) {
          throw new BuildFailure(`Pages without a registry language:\n  - ${missingLang.join("\n  - ")}`);
        }
        // Embargoed previews are counted on their own line, never among a language's pages.
        const embargoDir = `${path.join(stagingDir, EMBARGO_SEGMENT)}${path.sep}`;
        const published = pages.filter((file) => !file.startsWith(embargoDir));
        const pagesByLocale = countPagesByLocale(stagingDir, published, newsroom.registry);
        return { files, bytes: totalBytes(files), pagesByLocale };
      }),
    );
    const all = [indexing, drawing, offline, checking] as const;
    const [pagefind, shareImages, offlineReport, outside] = await Promise.all(all).catch(async (error) => {
      await Promise.allSettled(all);
      throw error;
    });
    const searchFiles = existsSync(searchDir) ? listFiles(searchDir) : [];
    const searchBytes = totalBytes(searchFiles);
    const files = [...outside.files, ...searchFiles];
    // Written last, from the list of everything else: its rules cover the
    // folders and files this build wrote (lib/deploy/headers.ts).
    const headersFile = path.join(stagingDir, "_headers");
    await timed(phases, "headers", () => {
      writeFileSync(headersFile, headersFileText(stagingDir, files, newsroom.site));
    });
    files.push(headersFile);
    const report: BuildReport = {
      outputDir,
      preview: newsroom.pages.preview,
      buildTime: newsroom.buildTime,
      wallMs: 0,
      phases,
      pagesByLocale: outside.pagesByLocale,
      published: newsroom.releases.filter((r) => r.status === "published").length,
      scheduled: newsroom.releases.filter((r) => r.status === "scheduled").length,
      drafts: newsroom.releases.filter((r) => r.status === "draft").length,
      fallbacks: newsroom.translator.fallbacks.length,
      warnings: newsroom.warnings.length,
      files: files.length,
      bytes: outside.bytes + searchBytes + totalBytes([headersFile]),
      search: {
        languages: pagefind.languages,
        pages: pagefind.pages,
        parts: pagefind.parts,
        files: searchFiles.length,
        bytes: searchBytes,
      },
      offline: { files: offlineReport.precachedFiles, bytes: offlineReport.precachedBytes },
      shareImages,
      embargoPreviews: newsroom.embargo
        ? newsroom.pages.embargo.filter((view) => view.kind === "embargo-preview").length
        : undefined,
      rootRobotsLine:
        newsroom.site.pathPrefix === "/"
          ? undefined
          : `Sitemap: ${absoluteUrl(newsroom.site.url, newsroom.site.pathPrefix, "/sitemap.xml")}`,
    };
    await timed(phases, "publish", () => publishStaging(stagingDir, outputPath, kind));
    report.wallMs = performance.now() - started;
    return report;
  } catch (error) {
    discardStaging(stagingDir);
    throw error;
  }
}

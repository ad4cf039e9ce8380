// The search phase, run by lib/build/pipeline.ts alongside Eleventy: builds
// the Pagefind index from the release documents (lib/search/documents.ts)
// with Pagefind's CLI, one index per <html lang>, each language in its own
// run.
// The build refuses an index made without Chinese word segmentation (the
// CLI names its binary "Extended") or for other languages than the
// registry's, since either would silently degrade search.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildTempDir } from "../build/leftovers.ts";
import { runCommand } from "../build/run-command.ts";
import type { LocaleRegistry } from "../i18n/locales.ts";
import type { IndexDocument } from "./documents.ts";
import { writeIndexFileLists } from "./offline-files.ts";

export interface PagefindReport {
  version: string;
  extended: boolean;
  languages: string[];
  pages: number;
}

export function pagefindRunner(): string {
  // The CLI runner shipped in the npm package; it starts the platform's
  // extended binary. The CLI indexes files on all cores, faster than feeding
  // the same documents through the Node API's service (docs/performance.md).
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  return path.join(path.dirname(entry), "runner", "bin.cjs");
}

export function parsePagefindOutput(output: string): PagefindReport {
  const running = /Running Pagefind v(\S+)(?: \((\w+)\))?/.exec(output);
  const languages = /Discovered \d+ languages?: (.+)/.exec(output);
  const pages = /Indexed (\d+) pages?/.exec(output);
  return {
    version: running?.[1] ?? "unknown",
    extended: running?.[2] === "Extended",
    languages: (languages?.[1]?.split(",").map((l) => l.trim()) ?? []).sort(),
    pages: Number(pages?.[1] ?? 0),
  };
}

/** Writes the documents as files, one folder per URL, as Pagefind's CLI reads a site. */
function writeDocuments(documents: readonly IndexDocument[], dir: string): void {
  for (const doc of documents) {
    const file = path.join(dir, doc.url, "index.html");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, doc.html);
  }
}

/**
 * Pagefind also writes its prebuilt search UIs; the search page draws its
 * own from the bundles (lib/client/search/render.ts), so they go.
 */
function removeUnusedUi(outputPath: string): void {
  for (const name of readdirSync(outputPath)) {
    if (/^pagefind-(.*ui\.(js|css)|highlight\.js)$/.test(name)) rmSync(path.join(outputPath, name));
  }
}

interface PagefindEntry {
  languages: Record<string, unknown>;
}

const ENTRY = "pagefind-entry.json";

function readEntry(outputPath: string): PagefindEntry {
  return JSON.parse(readFileSync(path.join(outputPath, ENTRY), "utf8")) as PagefindEntry;
}

/** One report for runs over different languages. */
function mergeReports(reports: readonly PagefindReport[]): PagefindReport {
  return {
    version: reports[0]?.version ?? "unknown",
    extended: reports.length > 0 && reports.every((r) => r.extended),
    languages: [...new Set(reports.flatMap((r) => r.languages))].sort(),
    pages: reports.reduce((sum, r) => sum + r.pages, 0),
  };
}

/** Moves every file of a language's bundle into the shared one (the runtime files are the same in each). */
function moveInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      moveInto(source, target);
    } else {
      renameSync(source, target);
    }
  }
}

export interface SearchIndexOptions {
  /** Index one language after the other instead of all at once: slower, but the memory peak is one language's. */
  oneLanguageAtATime?: boolean;
}

/**
 * Indexes each language in its own Pagefind process, into one bundle.
 * Pagefind keeps everything it read in memory until it writes the index
 * (figures in docs/performance.md; large sites running out of memory are
 * discussed in https://github.com/Pagefind/pagefind/issues/842, with no
 * setting to limit it yet), so separate processes let a site trade time
 * for memory: all at once by default, one
 * after the other when asked. A language's index, fragments and filters do
 * not depend on other languages' pages and their file names carry the
 * language, so the runs add up to what one run over every page writes; only
 * the entry file, which lists the languages, is merged here.
 */
export async function buildSearchIndex(
  documents: readonly IndexDocument[],
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<PagefindReport> {
  // Pagefind refuses to write an index of nothing (a newsroom before its
  // first release); the search page then says search is unavailable.
  if (documents.length === 0) return mergeReports([]);
  // Named after this build, so the next one removes it if this one is killed.
  const work = buildTempDir("pressroom-index");
  // Beside the output, so that moving a language's files in is a rename.
  const bundles = mkdtempSync(`${outputPath}-languages-`);
  try {
    // Map.groupBy is not in Node 20.
    const byLanguage = new Map<string, IndexDocument[]>();
    for (const doc of documents) {
      const group = byLanguage.get(doc.language);
      if (group) group.push(doc);
      else byLanguage.set(doc.language, [doc]);
    }
    const index = async ([language, docs]: [string, IndexDocument[]]) => {
      const site = path.join(work, language);
      writeDocuments(docs, site);
      const bundle = path.join(bundles, language);
      const run = await runCommand(process.execPath, [
        pagefindRunner(),
        "--site",
        site,
        "--output-path",
        bundle,
      ]);
      rmSync(site, { recursive: true, force: true });
      const output = `${run.stdout}${run.stderr}`;
      if (run.code !== 0) throw new Error(`Pagefind exited with ${run.code} (${language}):\n${output}`);
      return { language, bundle, report: parsePagefindOutput(output) };
    };
    // The language with the most text takes longest: it starts first.
    const size = (docs: IndexDocument[]) => docs.reduce((sum, doc) => sum + doc.html.length, 0);
    const groups = [...byLanguage]
      .map(([language, docs]) => ({ language, docs, size: size(docs) }))
      .sort((a, b) => b.size - a.size || a.language.localeCompare(b.language))
      .map(({ language, docs }): [string, IndexDocument[]] => [language, docs]);
    const runs = [];
    if (options.oneLanguageAtATime) {
      for (const group of groups) runs.push(await index(group));
    } else {
      // Every run ends before a failure is reported, so none is left writing.
      for (const settled of await Promise.allSettled(groups.map(index))) {
        if (settled.status === "rejected") throw settled.reason;
        runs.push(settled.value);
      }
    }

    const languages: Record<string, unknown> = {};
    let entry: PagefindEntry | undefined;
    mkdirSync(outputPath, { recursive: true });
    for (const run of runs) {
      entry = readEntry(run.bundle);
      Object.assign(languages, entry.languages);
      moveInto(run.bundle, outputPath);
    }
    if (entry) {
      entry.languages = Object.fromEntries(Object.entries(languages).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(path.join(outputPath, ENTRY), JSON.stringify(entry));
      removeUnusedUi(outputPath);
      writeIndexFileLists(outputPath);
    }
    return mergeReports(runs.map((run) => run.report));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(bundles, { recursive: true, force: true });
  }
}

/**
 * Problems with an index: not built by the extended binary, or languages
 * other than the registry's `htmlLang`s (Pagefind lowercases them) for the
 * locales that have releases to index.
 */
export function checkPagefindReport(
  report: PagefindReport,
  registry: LocaleRegistry,
  localesWithReleases: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  // With no release to index yet, Pagefind is not run at all.
  if (localesWithReleases.size === 0) return problems;
  if (!report.extended) {
    problems.push(
      `Pagefind v${report.version} is not the extended binary: Chinese text would be indexed without word segmentation`,
    );
  }
  const expected = registry.all
    .filter((l) => localesWithReleases.has(l.code))
    .map((l) => l.htmlLang.toLowerCase())
    .sort();
  const actual = [...report.languages].sort();
  if (expected.join(",") !== actual.join(",")) {
    problems.push(
      `Pagefind indexed languages [${actual.join(", ")}] but the registry's languages with releases are [${expected.join(", ")}]`,
    );
  }
  return problems;
}

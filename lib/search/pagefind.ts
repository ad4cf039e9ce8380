// The search phase, run by lib/build/pipeline.ts alongside Eleventy: builds
// the Pagefind index from the release documents (lib/search/documents.ts)
// with Pagefind's CLI, in parts (lib/search/parts.ts), each part in its own
// run, as many at once as the memory budget allows.
// The build refuses an index for other languages than the registry's,
// which would silently leave a language without search. Chinese does not
// need Pagefind's extended binary and its segmentation: Han text is given
// to it as character pairs (lib/search/han.ts).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCommand } from "../build/run-command.ts";
import type { LocaleRegistry } from "../i18n/locales.ts";
import type { IndexDocument } from "./documents.ts";
import { writeIndexFileLists } from "./offline-files.ts";
import {
  type IndexPart,
  indexingWork,
  type LanguageManifest,
  languageManifest,
  MANIFEST,
  splitIntoParts,
} from "./parts.ts";

export interface PagefindReport {
  version: string;
  extended: boolean;
  languages: string[];
  pages: number;
  /** Pagefind runs, one per part of the index (lib/search/parts.ts). */
  parts: number;
}

/** The folder of the npm package's modules. */
const pagefindLib = (): string => path.dirname(fileURLToPath(import.meta.resolve("pagefind")));

/**
 * The CLI runner shipped in the npm package (`npx pagefind`), which starts
 * the platform's binary. The CLI indexes files on all cores, faster than
 * feeding the same documents through the Node API's service
 * (docs/performance.md).
 */
export function pagefindRunner(): string {
  return path.join(pagefindLib(), "runner", "bin.cjs");
}

/** The binaries the resolver looks for, in order; each may be given by `<NAME>_BINARY_PATH`. */
const BINARY_NAMES = ["pagefind_extended", "pagefind"];
const BINARY_PATH_VARIABLES = BINARY_NAMES.map((name) => `${name.toUpperCase()}_BINARY_PATH`).join(" or ");

/**
 * The platform's binary, found as the runner finds it (its
 * `PAGEFIND_BINARY_PATH` included). The build starts it directly: the
 * runner is a Node process of its own, about 0.17 s of CPU a run, and a
 * large archive is indexed in dozens of runs.
 */
export async function pagefindBinary(): Promise<string> {
  const resolver = pathToFileURL(path.join(pagefindLib(), "resolveBinary.js")).href;
  const { resolveBinaryPath } = (await import(resolver)) as {
    resolveBinaryPath: (execnames: string[]) => string;
  };
  return resolveBinaryPath(BINARY_NAMES);
}

/**
 * Pagefind's Linux binary allocates with jemalloc, which backs its heap
 * with 4 KB pages unless told otherwise: indexing 1,000 Chinese releases
 * took 117,000 page faults, and much of its CPU went to faults and missed
 * address translations. With transparent huge pages for the heap and for
 * jemalloc's own metadata, the same run took 5,500 faults and a third less
 * CPU, and a 10,000-release build's Pagefind runs 47 s of CPU instead of
 * 105 s, for about 15% more memory (docs/performance.md, Pagefind's allocator).
 * Where the system has no huge pages, jemalloc leaves the setting unused;
 * other platforms' binaries ignore it.
 */
const PAGEFIND_ALLOCATOR = "thp:always,metadata_thp:always";

/** The environment of a Pagefind run: the allocator setting, unless the user set one. */
export function pagefindEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env._RJEM_MALLOC_CONF === undefined ? { ...env, _RJEM_MALLOC_CONF: PAGEFIND_ALLOCATOR } : env;
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
    parts: 1,
  };
}

/**
 * Writes a part's documents as files, one folder per URL, as Pagefind's CLI
 * reads a site; returns their size as strings in memory (UTF-16 bytes), what
 * estimateMemoryMb is calibrated on.
 */
function writeDocuments(part: IndexPart<IndexDocument>, dir: string): number {
  let bytes = 0;
  for (const doc of part.documents) {
    const html = doc.html();
    bytes += html.length * 2;
    const file = path.join(dir, doc.url, "index.html");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<!DOCTYPE html><html lang="${part.key}">${html}</html>`);
  }
  return bytes;
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
  languages: Record<string, { wasm?: string | null }>;
}

/**
 * Pagefind writes a WebAssembly file per language, named after it, though
 * every part of a language (en-x-y2024, en-x-y2025) gets the same stemmer's
 * bytes: the parts are pointed at one file, named after the primary
 * language, so a browser downloads it once whichever parts it searches.
 */
function shareWasm(outputPath: string, languages: PagefindEntry["languages"]): void {
  for (const info of Object.values(languages)) {
    const own = info.wasm;
    const shared = own?.split("-")[0];
    if (!own || !shared || own === shared) continue;
    const from = path.join(outputPath, `wasm.${own}.pagefind`);
    const to = path.join(outputPath, `wasm.${shared}.pagefind`);
    if (!existsSync(to)) renameSync(from, to);
    else if (readFileSync(from).equals(readFileSync(to))) rmSync(from);
    else throw new Error(`Pagefind wrote different WebAssembly for ${own} and ${shared}`);
    info.wasm = shared;
  }
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
    parts: reports.reduce((sum, r) => sum + r.parts, 0),
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
  /**
   * Megabytes the indexer processes may use together (the site's
   * `searchIndexMemory`): parts are indexed at the same time while their
   * estimated memory fits (one always runs).
   */
  memoryBudgetMb: number;
  /** Releases in a part at most (lib/search/parts.ts); smaller in tests. */
  maxPartPages?: number;
}

/**
 * Estimated peak memory of Pagefind indexing a part, in MB, from the size
 * of its documents (UTF-16 bytes): on the bench corpus with Pagefind 1.5.2
 * and the allocator setting above, 1,000 Chinese releases (7.5 MB) peaked
 * at 401 MB and 1,000 English ones (7.1 MB) at 200 MB (docs/performance.md,
 * Memory); this is the Chinese rate.
 */
export function estimateMemoryMb(documentBytes: number): number {
  return 30 + (documentBytes / 1024 / 1024) * 50;
}

/**
 * Runs the tasks, several at once while their weights fit the budget and
 * there is a core for each (`parallel`); one always runs. A task's weight
 * is read when a core is free for it, not before (it may be a getter that
 * prepares the task).
 */
export async function runWithinBudget<T>(
  tasks: readonly { readonly weight: number; run: () => Promise<T> }[],
  budget: number,
  parallel = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let used = 0;
  let running = 0;
  let next = 0;
  let failure: unknown;
  let failed = false;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (running === 0 && (failed || next >= tasks.length)) {
        if (failed) reject(failure);
        else resolve(results);
        return;
      }
      // After a failure nothing new starts; running tasks end first, so none is left writing.
      while (!failed && next < tasks.length) {
        const task = tasks[next] as (typeof tasks)[number];
        if (running > 0 && (running >= parallel || used + task.weight > budget)) break;
        const index = next++;
        const weight = task.weight;
        used += weight;
        running++;
        task
          .run()
          .then(
            (value) => {
              results[index] = value;
            },
            (error: unknown) => {
              if (!failed) failure = error;
              failed = true;
            },
          )
          .finally(() => {
            used -= weight;
            running--;
            pump();
          });
      }
    };
    pump();
  });
}

/** The prefixes of the parts' input and bundles, beside the index. */
const INPUT_FOLDER = "-input-";
const PARTS_FOLDER = "-parts-";
const WORK_FOLDERS = [INPUT_FOLDER, PARTS_FOLDER];

/**
 * Whether `folder` is one buildSearchIndex writes for an index at
 * `outputPath`: the index itself, or the parts' input and bundles beside
 * it, which are written and removed while the index is built.
 */
export function isSearchIndexFolder(outputPath: string, folder: string): boolean {
  return folder === outputPath || WORK_FOLDERS.some((suffix) => folder.startsWith(`${outputPath}${suffix}`));
}

/**
 * Indexes every part in its own Pagefind process, into one bundle. A
 * part's index, fragments and filters do not depend on other parts and
 * their file names carry the part's language, so the runs add up to one
 * bundle; the entry file, which lists the languages, is merged here. Beside
 * it go the manifest of parts (lib/search/parts.ts) and each page language's
 * file list (lib/search/offline-files.ts).
 */
export async function buildSearchIndex(
  documents: readonly IndexDocument[],
  outputPath: string,
  options: SearchIndexOptions,
): Promise<PagefindReport> {
  // Pagefind refuses to write an index of nothing (a newsroom before its
  // first release); the search page then says search is unavailable.
  if (documents.length === 0) return mergeReports([]);
  // The parts' input and bundles go beside the output, in the build's
  // staging folder, removed with them if the build is killed: a bundle's
  // files then move in by renames, and Pagefind reads its input from the
  // disk the site is written to, which need not be the temp folder's
  // (docs/performance.md).
  const work = mkdtempSync(`${outputPath}${INPUT_FOLDER}`);
  const bundles = mkdtempSync(`${outputPath}${PARTS_FOLDER}`);
  // Each part's input, removed once Pagefind has read it.
  const removals: Promise<void>[] = [];
  try {
    // Map.groupBy is not in Node 20.
    const byLanguage = new Map<string, IndexDocument[]>();
    for (const doc of documents) {
      const group = byLanguage.get(doc.language);
      if (group) group.push(doc);
      else byLanguage.set(doc.language, [doc]);
    }
    const partsByLanguage = new Map(
      [...byLanguage].map(([language, docs]) => [language, splitIntoParts(docs, options.maxPartPages)]),
    );
    const binary = await pagefindBinary();
    const env = pagefindEnvironment(process.env);
    const index = async (part: IndexPart<IndexDocument>, site: string) => {
      const bundle = path.join(bundles, part.key);
      const run = await runCommand(binary, ["--site", site, "--output-path", bundle], { env }).catch(
        (error: Error) => {
          throw new Error(
            `Pagefind could not be started from ${binary}: ${error.message}. That is the binary of ` +
              `the @pagefind package for this platform, or the path in ${BINARY_PATH_VARIABLES}; ` +
              "npm ci installs the package again.",
          );
        },
      );
      // Asynchronously, and awaited with the last part's: the build's
      // thread renders pages meanwhile, then merges the bundles.
      removals.push(rm(site, { recursive: true, force: true }));
      const output = `${run.stdout}${run.stderr}`;
      if (run.code !== 0) throw new Error(`Pagefind exited with ${run.code} (${part.key}):\n${output}`);
      const report = parsePagefindOutput(output);
      if (report.languages.join(",") !== part.key) {
        throw new Error(
          `Pagefind indexed [${report.languages.join(", ")}] for the part ${part.key}:\n${output}`,
        );
      }
      const language = part.documents[0]?.language ?? part.key;
      return { bundle, report: { ...report, languages: [language] } };
    };
    // A part's documents are written, and weighed, when a core is free to
    // index them. The parts that take Pagefind longest (known before any is
    // written) start first, so the last to finish is a short one.
    const tasks = [...partsByLanguage.values()]
      .flat()
      .sort((a, b) => indexingWork(b) - indexingWork(a) || a.key.localeCompare(b.key))
      .map((part) => {
        const site = path.join(work, part.key);
        let weight: number | undefined;
        return {
          get weight() {
            weight ??= estimateMemoryMb(writeDocuments(part, site));
            return weight;
          },
          run: () => index(part, site),
        };
      });
    // Each run is multi-threaded, but mostly busy on one core.
    const runs = await runWithinBudget(tasks, options.memoryBudgetMb, availableParallelism());

    const languages: PagefindEntry["languages"] = {};
    let entry: PagefindEntry | undefined;
    mkdirSync(outputPath, { recursive: true });
    for (const run of runs) {
      entry = readEntry(run.bundle);
      Object.assign(languages, entry.languages);
      moveInto(run.bundle, outputPath);
    }
    if (entry) {
      entry.languages = Object.fromEntries(Object.entries(languages).sort(([a], [b]) => a.localeCompare(b)));
      shareWasm(outputPath, entry.languages);
      writeFileSync(path.join(outputPath, ENTRY), JSON.stringify(entry));
      removeUnusedUi(outputPath);
      const manifest: Record<string, LanguageManifest> = {};
      for (const [language, parts] of [...partsByLanguage].sort(([a], [b]) => a.localeCompare(b))) {
        manifest[language] = languageManifest(parts);
      }
      writeFileSync(path.join(outputPath, MANIFEST), JSON.stringify({ languages: manifest }));
      writeIndexFileLists(
        outputPath,
        Object.fromEntries(
          Object.entries(manifest).map(([language, m]) => [language, m.parts.map((p) => p.key)]),
        ),
      );
    }
    await Promise.all(removals);
    return mergeReports(runs.map((run) => run.report));
  } finally {
    await Promise.allSettled(removals);
    rmSync(work, { recursive: true, force: true });
    rmSync(bundles, { recursive: true, force: true });
  }
}

/**
 * Problems with an index: languages other than the registry's `htmlLang`s (Pagefind lowercases them) for the
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

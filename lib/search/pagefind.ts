// Post-build phase: builds the Pagefind index from the release documents
// (lib/search/documents.ts) with Pagefind's CLI, one index per <html lang>.
// The build refuses an index made without Chinese word segmentation (the
// CLI names its binary "Extended") or for other languages than the
// registry's, since either would silently degrade search.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LocaleRegistry } from "../locales.ts";
import { runCommand } from "../run-command.ts";
import type { IndexDocument } from "./documents.ts";

export interface PagefindReport {
  version: string;
  extended: boolean;
  languages: string[];
  pages: number;
}

function pagefindRunner(): string {
  // The CLI runner shipped in the npm package; it starts the platform's
  // extended binary. The CLI indexes files on all cores, about twice as fast
  // as feeding the same documents through the Node API's service.
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
 * Pagefind also writes its prebuilt search UIs (about 400 KB); the search
 * page draws its own from the bundles (lib/client/search.ts), so they go.
 */
function removeUnusedUi(outputPath: string): void {
  for (const name of readdirSync(outputPath)) {
    if (/^pagefind-(.*ui\.(js|css)|highlight\.js)$/.test(name)) rmSync(path.join(outputPath, name));
  }
}

export async function buildSearchIndex(
  documents: readonly IndexDocument[],
  outputPath: string,
): Promise<PagefindReport> {
  const work = mkdtempSync(path.join(tmpdir(), "pressroom-index-"));
  try {
    writeDocuments(documents, work);
    const run = await runCommand(process.execPath, [
      pagefindRunner(),
      "--site",
      work,
      "--output-path",
      outputPath,
    ]);
    const output = `${run.stdout}${run.stderr}`;
    if (run.code !== 0) throw new Error(`Pagefind exited with ${run.code}:\n${output}`);
    removeUnusedUi(outputPath);
    return parsePagefindOutput(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
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

// Post-build phase: builds the Pagefind index from the release documents
// (lib/search/documents.ts) through Pagefind's Node API, one index per
// <html lang>. The build refuses an index made without Chinese word
// segmentation (the extended binary) or for other languages than the
// registry's, since either would silently degrade search.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { LocaleRegistry } from "../locales.ts";
import type { IndexDocument } from "./documents.ts";

export interface PagefindReport {
  version: string;
  extended: boolean;
  languages: string[];
  pages: number;
}

/** Documents are sent in batches: fast over the service's pipe, bounded in memory. */
const BATCH = 200;

function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"));
  return String(manifest.version);
}

/**
 * Only the extended binary segments Chinese: it splits 新能源汽车 into more
 * than one word, the standard binary keeps it whole. Asking the running
 * service is the one check that cannot be fooled by environment overrides.
 */
async function usesExtendedBinary(): Promise<boolean> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind did not start: ${errors.join("; ")}`);
  const probe = await index.addHTMLFile({
    url: "/probe/",
    content: '<html lang="zh-CN"><body><main>新能源汽车</main></body></html>',
  });
  await index.deleteIndex();
  return probe.file.uniqueWords > 1;
}

function fail(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${what}:\n  - ${errors.join("\n  - ")}`);
}

export async function buildSearchIndex(
  documents: readonly IndexDocument[],
  outputPath: string,
): Promise<PagefindReport> {
  try {
    const extended = await usesExtendedBinary();
    const { index, errors } = await pagefind.createIndex({});
    fail("start", errors);
    if (!index) throw new Error("Pagefind did not start");
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      const added = await Promise.all(batch.map((d) => index.addHTMLFile({ url: d.url, content: d.html })));
      fail(
        "index every release",
        added.flatMap((a, j) => a.errors.map((e) => `${batch[j]?.url}: ${e}`)),
      );
    }
    fail("write the index", (await index.writeFiles({ outputPath })).errors);
    const entry = JSON.parse(readFileSync(path.join(outputPath, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.keys(entry.languages).sort();
    return {
      version: pagefindVersion(),
      extended,
      languages,
      pages: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0),
    };
  } finally {
    await pagefind.close();
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

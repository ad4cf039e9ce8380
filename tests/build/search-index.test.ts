// The search index is built one language per Pagefind process, so that the
// peak memory is the largest language's rather than the sum. This checks
// that the bundle those runs add up to is the one a single run over every
// page writes: the same index chunks, fragments and languages, byte for byte.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { runCommand } from "../../lib/build/run-command.ts";
import type { IndexDocument } from "../../lib/search/documents.ts";
import { buildSearchIndex, pagefindRunner } from "../../lib/search/pagefind.ts";

const work = mkdtempSync(path.join(tmpdir(), "pressroom-index-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function doc(language: string, url: string, title: string, body: string, tag: string): IndexDocument {
  return {
    url,
    language,
    html: `<!DOCTYPE html><html lang="${language}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><span data-pagefind-filter="tag">${tag}</span><p>${body}</p></main></body></html>`,
  };
}

const documents: IndexDocument[] = [
  doc("en", "/en/releases/plant/", "Plant opens", "A battery plant opens in Wuxi.", "plants"),
  doc("en", "/en/releases/wind/", "Wind farm", "Turbines and batteries at sea.", "wind"),
  doc(
    "zh-cn",
    "/zh/releases/plant/",
    "工厂投产",
    "锂\u200B电\u200B池\u200B工\u200B厂\u200B投\u200B产。",
    "工厂",
  ),
  doc("zh-cn", "/zh/releases/wind/", "风电场", "海\u200B上\u200B风\u200B电\u200B场。", "风电"),
];

/** Every file of the bundle whose name and bytes Pagefind derives from content alone. */
function contentFiles(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir)
      .map((file) => path.relative(dir, file))
      .filter((file) => /^(index|fragment)\//.test(file) || file.startsWith("wasm."))
      .map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]),
  );
}

describe("the search index, one language per process", () => {
  it("writes the bundle one Pagefind run over all pages writes", async () => {
    const site = path.join(work, "site");
    for (const d of documents) {
      mkdirSync(path.join(site, d.url), { recursive: true });
      writeFileSync(path.join(site, d.url, "index.html"), d.html);
    }
    const single = path.join(work, "single");
    const run = await runCommand(process.execPath, [
      pagefindRunner(),
      "--site",
      site,
      "--output-path",
      single,
    ]);
    expect(run.code).toBe(0);

    for (const oneLanguageAtATime of [false, true]) {
      const split = path.join(work, `split-${oneLanguageAtATime}`);
      const report = await buildSearchIndex(documents, split, { oneLanguageAtATime });
      expect(report).toMatchObject({ languages: ["en", "zh-cn"], pages: 4, extended: true });
      expectSameBundle(split, single);
    }
    expect(readdirSync(work).filter((name) => name.includes("-languages-"))).toEqual([]);
  }, 60_000);
});

function expectSameBundle(split: string, single: string): void {
  const expected = contentFiles(single);
  expect(expected.size).toBeGreaterThan(6);
  // Filter chunks, and the metadata files that name them, are left out:
  // Pagefind writes filter values in hash-map order, so their names differ
  // even between two identical runs.
  expect(contentFiles(split)).toEqual(expected);
  const entry = (dir: string) => JSON.parse(readFileSync(path.join(dir, "pagefind-entry.json"), "utf8"));
  const languages = (dir: string) =>
    Object.fromEntries(
      Object.entries(entry(dir).languages as Record<string, { page_count: number; wasm: string | null }>).map(
        ([code, { page_count, wasm }]) => [code, { page_count, wasm }],
      ),
    );
  expect(languages(split)).toEqual(languages(single));
  expect(languages(split)).toEqual({
    en: { page_count: 2, wasm: "en" },
    "zh-cn": { page_count: 2, wasm: null },
  });
  const count = (dir: string, pattern: RegExp) => readdirSync(dir).filter((f) => pattern.test(f)).length;
  expect(count(path.join(split, "filter"), /./)).toBe(count(path.join(single, "filter"), /./));
  expect(count(split, /\.pf_meta$/)).toBe(2);
}

// The search index is built in parts (by language and year), one Pagefind
// process each, so that the peak memory is a part's rather than the
// archive's. This checks that the bundle those runs add up to is the one a
// single run over every page writes: the same index chunks, fragments and
// languages, byte for byte, whatever the memory budget; and the manifest
// the search page reads.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { runCommand } from "../../lib/build/run-command.ts";
import type { IndexDocument } from "../../lib/search/documents.ts";
import { encodeHan } from "../../lib/search/han.ts";
import { buildSearchIndex, pagefindRunner } from "../../lib/search/pagefind.ts";
import { MANIFEST, splitIntoParts } from "../../lib/search/parts.ts";

const work = mkdtempSync(path.join(tmpdir(), "pressroom-index-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function doc(
  language: string,
  url: string,
  year: number,
  title: string,
  body: string,
  tag: string,
): IndexDocument {
  return {
    url,
    language,
    year,
    sortKey: `${year}-06-01`,
    filters: { year: [String(year)], tag: [tag] },
    html: () =>
      `<head><title>${title}</title></head><body><main data-pagefind-body><h1>${encodeHan(title)}</h1><span data-pagefind-filter="tag">${tag}</span><span data-pagefind-filter="year">${year}</span><p>${encodeHan(body)}</p></main></body>`,
  };
}

const documents: IndexDocument[] = [
  doc("en", "/en/releases/plant/", 2025, "Plant opens", "A battery plant opens in Wuxi.", "plants"),
  doc("en", "/en/releases/wind/", 2024, "Wind farm", "Turbines and batteries at sea.", "wind"),
  doc("en", "/en/releases/grid/", 2024, "Grid link", "A battery links the grid.", "wind"),
  doc("zh-cn", "/zh/releases/plant/", 2025, "工厂投产", "锂电池工厂投产。", "工厂"),
  doc("zh-cn", "/zh/releases/wind/", 2024, "风电场", "海上风电场。", "风电"),
];

/** Every file of the bundle whose name and bytes Pagefind derives from content alone. */
function contentFiles(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir)
      .map((file) => path.relative(dir, file))
      .filter((file) => /^(index|fragment)\//.test(file))
      .map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]),
  );
}

describe("the search index, one part per process", () => {
  it("writes the bundle one Pagefind run over all pages writes, and the manifest of parts", async () => {
    const site = path.join(work, "site");
    for (const language of ["en", "zh-cn"]) {
      for (const part of splitIntoParts(
        documents.filter((d) => d.language === language),
        1,
      )) {
        for (const d of part.documents) {
          mkdirSync(path.join(site, d.url), { recursive: true });
          writeFileSync(
            path.join(site, d.url, "index.html"),
            `<!DOCTYPE html><html lang="${part.key}">${d.html()}</html>`,
          );
        }
      }
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

    // 256 MB: one part at a time; 100 GB: all at once.
    for (const memoryBudgetMb of [256, 100_000]) {
      const split = path.join(work, `split-${memoryBudgetMb}`);
      // One release a part at most: every year is a part, the busy one two.
      const report = await buildSearchIndex(documents, split, { memoryBudgetMb, maxPartPages: 1 });
      expect(report).toMatchObject({ languages: ["en", "zh-cn"], pages: 5, extended: true });
      expectSameBundle(split, single);
      const manifest = JSON.parse(readFileSync(path.join(split, MANIFEST), "utf8"));
      expect(manifest).toEqual({
        languages: {
          en: {
            parts: [
              { key: "en-x-y2025", years: [2025], pages: 1 },
              { key: "en-x-y2024b", years: [2024], pages: 1 },
              { key: "en-x-y2024", years: [2024], pages: 1 },
            ],
            filters: { year: { "2025": 1, "2024": 2 }, tag: { plants: 1, wind: 2 } },
          },
          "zh-cn": {
            parts: [
              { key: "zxx-x-zh-cn-y2025", years: [2025], pages: 1 },
              { key: "zxx-x-zh-cn-y2024", years: [2024], pages: 1 },
            ],
            filters: { year: { "2025": 1, "2024": 1 }, tag: { 工厂: 1, 风电: 1 } },
          },
        },
      });
      // Each page language's file list has all its parts' files and no other language's.
      const list = JSON.parse(readFileSync(path.join(split, "pressroom-files.zh-cn.json"), "utf8"));
      const paths = list.files.map((f: { path: string }) => f.path);
      expect(paths).toContain(MANIFEST);
      expect(paths.filter((p: string) => p.startsWith("fragment/zxx-x-zh-cn-y2024_"))).toHaveLength(1);
      expect(paths.filter((p: string) => p.startsWith("fragment/zxx-x-zh-cn-y2025_"))).toHaveLength(1);
      expect(paths.some((p: string) => p.includes("/en-"))).toBe(false);
    }
    // The parts' input and bundles, written beside the output, are gone.
    expect(readdirSync(work).filter((name) => /-(parts|input)-/.test(name))).toEqual([]);
  }, 60_000);

  it("says which Pagefind binary it could not start, and where that path comes from", async () => {
    const missing = path.join(work, "no-such-pagefind");
    await withEnvironment({ PAGEFIND_EXTENDED_BINARY_PATH: missing }, () =>
      expect(
        buildSearchIndex(documents, path.join(work, "unstarted"), { memoryBudgetMb: 1024 }),
      ).rejects.toThrow(
        `Pagefind could not be started from ${missing}: spawn ${missing} ENOENT. That is the binary of the @pagefind package for this platform, or the path in PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH`,
      ),
    );
    expect(readdirSync(work).filter((name) => /^unstarted-(parts|input)-/.test(name))).toEqual([]);
  });

  it("starts Pagefind with huge pages for its allocator, unless the user chose a setting", async () => {
    // A stand-in binary that prints the setting it was given and fails, so the build reports it.
    const binary = path.join(work, "print-allocator");
    writeFileSync(binary, '#!/bin/sh\necho "allocator: [$_RJEM_MALLOC_CONF]"\nexit 3\n', { mode: 0o755 });
    const run = (allocator: string | undefined) =>
      withEnvironment({ PAGEFIND_EXTENDED_BINARY_PATH: binary, _RJEM_MALLOC_CONF: allocator }, () =>
        buildSearchIndex(documents.slice(0, 1), path.join(work, "allocator"), { memoryBudgetMb: 1024 }),
      );
    await expect(run(undefined)).rejects.toThrow(
      /Pagefind exited with 3 \(en-x-y2025\):\nallocator: \[thp:always,metadata_thp:always\]/,
    );
    await expect(run("narenas:1")).rejects.toThrow(/allocator: \[narenas:1\]/);
    await expect(run("")).rejects.toThrow(/allocator: \[\]/);
  });
});

/** Runs `action` with the variables set (or unset, for undefined), then puts them back. */
async function withEnvironment<T>(
  variables: Record<string, string | undefined>,
  action: () => Promise<T>,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(variables);
  try {
    return await action();
  } finally {
    assign(saved);
  }
}

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
  // One run writes a WebAssembly file per part; the parts share one (shareWasm).
  const shared = Object.fromEntries(
    Object.entries(languages(single)).map(([code, info]) => [
      code,
      { ...info, wasm: info.wasm?.split("-")[0] ?? null },
    ]),
  );
  expect(languages(split)).toEqual(shared);
  expect(readdirSync(split).filter((f) => f.startsWith("wasm."))).toEqual([
    "wasm.en.pagefind",
    "wasm.unknown.pagefind",
  ]);
  // English parts keep English stemming; Chinese parts are neither stemmed nor segmented.
  expect(languages(split)).toEqual({
    "en-x-y2024": { page_count: 1, wasm: "en" },
    "en-x-y2024b": { page_count: 1, wasm: "en" },
    "en-x-y2025": { page_count: 1, wasm: "en" },
    "zxx-x-zh-cn-y2024": { page_count: 1, wasm: null },
    "zxx-x-zh-cn-y2025": { page_count: 1, wasm: null },
  });
  const count = (dir: string, pattern: RegExp) => readdirSync(dir).filter((f) => pattern.test(f)).length;
  expect(count(path.join(split, "filter"), /./)).toBe(count(path.join(single, "filter"), /./));
  expect(count(split, /\.pf_meta$/)).toBe(5);
}

// Which Pagefind files belong to one language's index, and which are named by
// their content: what the service worker stores cache-first and what the
// search page saves for offline use.
import { describe, expect, it } from "vitest";
import { belongsToIndex, fileListName, isHashedIndexFile } from "../../../lib/search/index-files.ts";

describe("isHashedIndexFile", () => {
  it.each([
    "/pagefind/index/en_de96fc5.pf_index",
    "/newsroom/pagefind/fragment/zh-cn_386bf46.pf_fragment",
    "/pagefind/filter/en_8610c2f.pf_filter",
    "/pagefind/pagefind.zh-cn_fceae7a836357.pf_meta",
  ])("is true for %s", (path) => {
    expect(isHashedIndexFile(path)).toBe(true);
  });

  it.each([
    "/pagefind/pagefind.js",
    "/pagefind/pagefind-worker.js",
    "/pagefind/pagefind-entry.json",
    "/pagefind/wasm.en.pagefind",
    "/pagefind/pressroom-files.en.json",
    "/en/releases/index/en_1.pf_index",
  ])("is false for %s, which a new build may change under the same name", (path) => {
    expect(isHashedIndexFile(path)).toBe(false);
  });
});

describe("belongsToIndex", () => {
  it("takes the Pagefind language's own files, the runtime and its WebAssembly", () => {
    const files = [
      "pagefind.js",
      "pagefind-worker.js",
      "pagefind-entry.json",
      "wasm.en.pagefind",
      "wasm.unknown.pagefind",
      "pagefind.en_9c47e367c9.pf_meta",
      "pagefind.en-us_1.pf_meta",
      "index/en_de96fc5.pf_index",
      "index/en-us_de96fc5.pf_index",
      "fragment/zh-cn_2.pf_fragment",
      "filter/en_3.pf_filter",
    ];
    expect(files.filter((f) => belongsToIndex(f, "en", "en"))).toEqual([
      "pagefind.js",
      "pagefind-worker.js",
      "pagefind-entry.json",
      "wasm.en.pagefind",
      "pagefind.en_9c47e367c9.pf_meta",
      "index/en_de96fc5.pf_index",
      "filter/en_3.pf_filter",
    ]);
    // No stemmer for Chinese: Pagefind's entry file says wasm: null.
    expect(files.filter((f) => belongsToIndex(f, "zh-CN", null))).toEqual([
      "pagefind.js",
      "pagefind-worker.js",
      "pagefind-entry.json",
      "wasm.unknown.pagefind",
      "fragment/zh-cn_2.pf_fragment",
    ]);
  });

  it("names each language's list in lower case", () => {
    expect(fileListName("zh-CN")).toBe("pressroom-files.zh-cn.json");
  });
});

// The arithmetic of saving an index for offline use: which listed files a
// cache lacks, which stored files a new build no longer uses, and sizes in
// the reader's language.
import { describe, expect, it } from "vitest";
import { difference, formatSize } from "../../../../lib/client/search/offline-index.ts";
import type { IndexFileList } from "../../../../lib/search/index-files.ts";

const base = new URL("https://example.com/newsroom/pagefind/");
const list: IndexFileList = {
  language: "zh-cn",
  files: [
    { path: "pagefind.js", bytes: 10 },
    { path: "pagefind.zh-cn_new.pf_meta", bytes: 20 },
    { path: "index/zh-cn_a.pf_index", bytes: 30 },
    { path: "fragment/zh-cn_b.pf_fragment", bytes: 40 },
  ],
  bytes: 100,
};

describe("difference", () => {
  it("lists what is missing and what a new build left behind, this language only", () => {
    const stored = [
      "/newsroom/pagefind/pagefind.js",
      "/newsroom/pagefind/index/zh-cn_a.pf_index",
      "/newsroom/pagefind/index/zh-cn_old.pf_index",
      "/newsroom/pagefind/pagefind.zh-cn_old.pf_meta",
      "/newsroom/pagefind/index/en_x.pf_index",
      "/other/pagefind/index/zh-cn_z.pf_index",
    ];
    expect(difference(list, base, stored)).toEqual({
      missing: [
        { path: "pagefind.zh-cn_new.pf_meta", bytes: 20 },
        { path: "fragment/zh-cn_b.pf_fragment", bytes: 40 },
      ],
      stale: ["/newsroom/pagefind/index/zh-cn_old.pf_index", "/newsroom/pagefind/pagefind.zh-cn_old.pf_meta"],
    });
  });

  it("finds nothing missing once everything is stored", () => {
    const stored = list.files.map((f) => new URL(f.path, base).pathname);
    expect(difference(list, base, stored)).toEqual({ missing: [], stale: [] });
  });
});

describe("formatSize", () => {
  it("uses the reader's language and megabytes from 1 MiB", () => {
    const mb = 3.4 * 1024 * 1024;
    expect(formatSize(mb, "en")).toBe(
      new Intl.NumberFormat("en", { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(3.4),
    );
    expect(formatSize(mb, "zh-CN")).toBe(
      new Intl.NumberFormat("zh-CN", { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
        3.4,
      ),
    );
    expect(formatSize(10 * 1024 ** 3, "en")).toBe(
      new Intl.NumberFormat("en", { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 }).format(10),
    );
    expect(formatSize(512, "en")).toBe(
      new Intl.NumberFormat("en", { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(1),
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  checkPagefindReport,
  isSearchIndexFolder,
  type PagefindReport,
  parsePagefindOutput,
} from "../../../lib/search/pagefind.ts";
import { testRegistry } from "../../support/temp-project.ts";

const good: PagefindReport = {
  version: "1.5.2",
  extended: true,
  languages: ["en", "zh-cn"],
  pages: 21,
  parts: 2,
};
const both = new Set(["en", "zh"]);

describe("the search index check", () => {
  it("passes with the registry's languages, with or without Pagefind's extended binary", () => {
    expect(checkPagefindReport(good, testRegistry, both)).toEqual([]);
    expect(checkPagefindReport({ ...good, extended: false }, testRegistry, both)).toEqual([]);
  });

  it("refuses languages that differ from the registry's", () => {
    expect(checkPagefindReport({ ...good, languages: ["en", "zh-hans"] }, testRegistry, both)).toEqual([
      "Pagefind indexed languages [en, zh-hans] but the registry's languages with releases are [en, zh-cn]",
    ]);
  });

  it("expects nothing before the first release, when Pagefind is not run", () => {
    expect(
      checkPagefindReport(
        { version: "unknown", extended: false, languages: [], pages: 0, parts: 0 },
        testRegistry,
        new Set(),
      ),
    ).toEqual([]);
  });

  it("does not expect an index for a language with no releases yet", () => {
    expect(checkPagefindReport({ ...good, languages: ["en"] }, testRegistry, new Set(["en"]))).toEqual([]);
  });
});

describe("Pagefind's CLI report", () => {
  const run = `
Running Pagefind v1.5.2 (Extended)
[Reading languages]
Discovered 2 languages: zh-cn, en
Total:
  Indexed 2 languages
  Indexed 21 pages
`;

  it("is read for version, binary, languages and pages", () => {
    expect(parsePagefindOutput(run)).toEqual({
      version: "1.5.2",
      extended: true,
      languages: ["en", "zh-cn"],
      pages: 21,
      parts: 1,
    });
  });

  it("notices a binary that is not the extended one", () => {
    expect(parsePagefindOutput(run.replace(" (Extended)", "")).extended).toBe(false);
  });
});

describe("isSearchIndexFolder", () => {
  it("tells the index and the folders it is built in from the site's own", () => {
    const index = "/site/pagefind";
    const folders = ["/site/pagefind", "/site/pagefind-input-Ab12Cd", "/site/pagefind-parts-Xy34Zw"];
    expect(folders.map((folder) => isSearchIndexFolder(index, folder))).toEqual([true, true, true]);
    const others = ["/site/en", "/site/pagefinder", "/site/pagefind-extra", "/site/assets"];
    expect(others.map((folder) => isSearchIndexFolder(index, folder))).toEqual([false, false, false, false]);
  });
});

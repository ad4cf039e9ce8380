import { describe, expect, it } from "vitest";
import { checkPagefindReport, parsePagefindOutput } from "../../lib/search/pagefind.ts";
import { testRegistry } from "../helpers/temp-project.ts";

const extendedRun = `
Running Pagefind v1.5.2 (Extended)
[Reading languages]
Discovered 2 languages: en, zh-cn
[Building search indexes]
Total:
  Indexed 2 languages
  Indexed 21 pages
`;

describe("Pagefind's report", () => {
  it("is read for version, binary, languages and pages", () => {
    expect(parsePagefindOutput(extendedRun)).toMatchObject({
      version: "1.5.2",
      extended: true,
      languages: ["en", "zh-cn"],
      pages: 21,
    });
  });

  it("passes with the extended binary and the registry's languages", () => {
    const report = parsePagefindOutput(extendedRun);
    expect(checkPagefindReport(report, testRegistry, new Set(["en", "zh"]))).toEqual([]);
  });

  it("refuses an index built without Chinese segmentation", () => {
    const report = parsePagefindOutput(extendedRun.replace(" (Extended)", ""));
    expect(checkPagefindReport(report, testRegistry, new Set(["en", "zh"]))).toEqual([
      expect.stringContaining("not the extended binary"),
    ]);
  });

  it("refuses languages that differ from the registry's", () => {
    const report = parsePagefindOutput(extendedRun.replace("en, zh-cn", "en, zh-hans"));
    expect(checkPagefindReport(report, testRegistry, new Set(["en", "zh"]))).toEqual([
      "Pagefind indexed languages [en, zh-hans] but the registry's languages with releases are [en, zh-cn]",
    ]);
  });

  it("does not expect an index for a language with no releases yet", () => {
    const report = parsePagefindOutput(extendedRun.replace("2 languages: en, zh-cn", "1 language: en"));
    expect(checkPagefindReport(report, testRegistry, new Set(["en"]))).toEqual([]);
  });
});

// Company texts a language lacks and translations whose keys (company:,
// tags:) differ from their source: the notes check:i18n and the status report show.
import { describe, expect, it } from "vitest";
import type { Company } from "../../../lib/content/companies.ts";
import {
  missingCompanyTexts,
  releaseKeyDifferences,
  type TranslatedRelease,
} from "../../../lib/i18n/translated-content.ts";
import { testCompany, testRegistry } from "../../support/temp-project.ts";

const company = (fields: Partial<Company>): Company =>
  testCompany("acme", { name: { en: "Acme" }, ...fields });

describe("missingCompanyTexts", () => {
  it("names each text a language lacks where the source has it", () => {
    const acme = company({ about: { en: "About Acme." }, contacts: { en: [{ name: "Kim" }] } });
    expect(
      missingCompanyTexts(new Map([["acme", acme]]), testRegistry).map((n) => `${n.locale} ${n.field}`),
    ).toEqual(["zh name.zh", "zh about.zh", "zh contacts.zh"]);
  });

  it("asks for nothing the source lacks, nor for a translated company", () => {
    const done = company({ name: { en: "Acme", zh: "极致" }, about: { en: "A.", zh: "甲。" } });
    expect(missingCompanyTexts(new Map([["acme", done]]), testRegistry)).toEqual([]);
  });
});

describe("releaseKeyDifferences", () => {
  const release = (locale: string, fields: Partial<TranslatedRelease> = {}): TranslatedRelease => ({
    file: `src/releases/${locale}/a.md`,
    locale,
    translationKey: "a",
    company: "acme",
    tags: ["batteries", "people"],
    ...fields,
  });

  it("passes a translation with the source's company and tags, in any order", () => {
    expect(
      releaseKeyDifferences([release("en"), release("zh", { tags: ["people", "batteries"] })], testRegistry),
    ).toEqual([]);
  });

  it("reports a translated company and translated tags, naming the source's values", () => {
    const notes = releaseKeyDifferences(
      [release("en"), release("zh", { company: "极致", tags: ["电池", "people"] })],
      testRegistry,
    );
    expect(notes.map((n) => `${n.file} ${n.field}: ${n.message.split(":")[0]}`)).toEqual([
      'src/releases/zh/a.md company: "极致" differs from src/releases/en/a.md ("acme")',
      "src/releases/zh/a.md tags: [电池, people] differs from src/releases/en/a.md ([batteries, people])",
    ]);
  });

  it("leaves a translation without a source alone", () => {
    expect(releaseKeyDifferences([release("zh", { company: "x" })], testRegistry)).toEqual([]);
  });
});

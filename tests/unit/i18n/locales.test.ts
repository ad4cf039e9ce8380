import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openGraphLocale, parseRegistry } from "../../../lib/i18n/locales.ts";
import { projectRoot } from "../../support/fixture-site.ts";

const en = { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English" };

describe("the locale registry", () => {
  it("defaults the URL segment to the code and text direction to ltr", () => {
    const registry = parseRegistry({ sourceLocale: "en", locales: [en] });
    expect(registry.source).toMatchObject({ code: "en", urlSegment: "en", dir: "ltr" });
  });

  it("rejects a source locale that is not listed", () => {
    expect(() => parseRegistry({ sourceLocale: "de", locales: [en] })).toThrow(/sourceLocale: "de"/);
  });

  it("rejects a locale listed twice", () => {
    expect(() => parseRegistry({ sourceLocale: "en", locales: [en, en] })).toThrow(
      /each code may appear once/,
    );
  });

  it("names the field of an invalid entry", () => {
    expect(() => parseRegistry({ sourceLocale: "en", locales: [{ ...en, dir: "sideways" }] })).toThrow(
      /locales\/registry.json: locales.0.dir/,
    );
  });

  it("ships English as the source and Simplified Chinese with zh-CN as the page language, among any others", () => {
    const raw = JSON.parse(readFileSync(path.join(projectRoot, "locales", "registry.json"), "utf8"));
    const registry = parseRegistry(raw);
    expect(registry.source.code).toBe("en");
    expect(registry.all.map((l) => [l.code, l.htmlLang])).toContainEqual(["zh", "zh-CN"]);
  });
});

describe("Open Graph locales", () => {
  it("give a tag its likely territory in language_TERRITORY form", () => {
    expect(openGraphLocale("en")).toBe("en_US");
    expect(openGraphLocale("zh-CN")).toBe("zh_CN");
    expect(openGraphLocale("zh-Hant")).toBe("zh_TW");
    expect(openGraphLocale("fr-CA")).toBe("fr_CA");
  });

  it("are derived for every locale, or taken from the registry's ogLocale", () => {
    const registry = parseRegistry({
      sourceLocale: "en",
      locales: [en, { ...en, code: "pt", htmlLang: "pt", ogLocale: "pt_PT" }],
    });
    expect(registry.get("en")?.ogLocale).toBe("en_US");
    expect(registry.get("pt")?.ogLocale).toBe("pt_PT");
  });

  it("refuse an ogLocale not in Open Graph's form, and a tag without a territory, naming the field", () => {
    expect(() => parseRegistry({ sourceLocale: "en", locales: [{ ...en, ogLocale: "en-GB" }] })).toThrow(
      /locales.0.ogLocale: Open Graph's language_TERRITORY/,
    );
    expect(() => parseRegistry({ sourceLocale: "en", locales: [{ ...en, htmlLang: "qq" }] })).toThrow(
      /locales.0.htmlLang: "qq" is not a language tag with a known territory; .*add ogLocale/,
    );
  });
});

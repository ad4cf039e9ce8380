import { describe, expect, it } from "vitest";
import {
  type Bundle,
  createTranslator,
  type FallbackNotice,
  loadBundles,
} from "../../../lib/i18n/translator.ts";
import { problemsThrownBy, tempProject, testRegistry } from "../../support/temp-project.ts";

const registry = testRegistry;

const bundles = new Map<string, Bundle>([
  [
    "en",
    {
      release: { time: "Release time" },
      home: { count_one: "{{count}} release", count_other: "{{count}} releases" },
      greeting: "Hello {{name}}",
      onlyEnglish: "Only in English",
    },
  ],
  [
    "zh",
    {
      release: { time: "发布时间" },
      home: { count_other: "共 {{count}} 篇新闻稿" },
      greeting: "你好，{{name}}",
    },
  ],
]);

describe("the t filter's translator", () => {
  it("translates labels per locale", () => {
    const { t } = createTranslator(registry, bundles);
    expect(t("en", "release.time")).toBe("Release time");
    expect(t("zh", "release.time")).toBe("发布时间");
  });

  it("interpolates without HTML-escaping (Nunjucks escapes the result)", () => {
    const { t } = createTranslator(registry, bundles);
    expect(t("en", "greeting", { name: "R&D <team>" })).toBe("Hello R&D <team>");
  });

  it("picks plural forms by each language's rules", () => {
    const { t } = createTranslator(registry, bundles);
    expect(t("en", "home.count", { count: 1 })).toBe("1 release");
    expect(t("en", "home.count", { count: 3 })).toBe("3 releases");
    expect(t("zh", "home.count", { count: 1 })).toBe("共 1 篇新闻稿");
    expect(t("zh", "home.count", { count: 3 })).toBe("共 3 篇新闻稿");
  });

  it("falls back to the source language and reports the key once", () => {
    const notices: FallbackNotice[] = [];
    const translator = createTranslator(registry, bundles, (n) => notices.push(n));
    expect(translator.t("zh", "onlyEnglish")).toBe("Only in English");
    translator.t("zh", "onlyEnglish");
    expect(notices).toEqual([{ locale: "zh", key: "onlyEnglish" }]);
    expect(translator.fallbacks).toHaveLength(1);
  });

  it("fails on a key the source bundle lacks instead of printing the key", () => {
    const { t } = createTranslator(registry, bundles);
    expect(() => t("en", "release.tiem")).toThrow(/locales\/en\/translation.json: release.tiem/);
  });

  it("fails on a locale outside the registry", () => {
    const { t } = createTranslator(registry, bundles);
    expect(() => t("fr", "release.time")).toThrow(/unknown locale "fr"/);
  });

  it("gives optional labels only when the source defines them", () => {
    const translator = createTranslator(registry, bundles);
    expect(translator.optional("zh", "release.time")).toBe("发布时间");
    expect(translator.optional("zh", "tags.unknown")).toBeUndefined();
  });
});

describe("loadBundles", () => {
  it("names file, line and column of a JSON syntax error", () => {
    const root = tempProject({
      "locales/en/translation.json": '{"a": "b"}',
      "locales/zh/translation.json": '{\n  "a": "乙",\n}\n',
    });
    expect(problemsThrownBy(() => loadBundles(root, registry))).toEqual([
      expect.stringMatching(/^locales\/zh\/translation.json:2:11 \| {2}\| invalid JSON: a comma before `}`/),
    ]);
  });

  it("names a missing bundle", () => {
    const root = tempProject({ "locales/en/translation.json": "{}" });
    expect(problemsThrownBy(() => loadBundles(root, registry))).toEqual([
      'locales/zh/translation.json |  | missing bundle for locale "zh" listed in locales/registry.json',
    ]);
  });
});

describe("strings for browser code", () => {
  const withSearch = new Map<string, Bundle>([
    [
      "en",
      { search: { title: "Search", results_one: "{{count}} result", results_other: "{{count}} results" } },
    ],
    ["zh", { search: { results_other: "{{count}} 条结果" } }],
  ]);

  it("gives each locale the plural forms its language has, with fallbacks reported", () => {
    const notices: FallbackNotice[] = [];
    const translator = createTranslator(registry, withSearch, (n) => notices.push(n));
    expect(translator.strings("en", "search")).toEqual({
      title: "Search",
      results_one: "{{count}} result",
      results_other: "{{count}} results",
    });
    expect(translator.strings("zh", "search")).toEqual({
      title: "Search",
      results_other: "{{count}} 条结果",
    });
    expect(notices).toEqual([{ locale: "zh", key: "search.title" }]);
  });
});

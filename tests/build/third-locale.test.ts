// Adding a language is data, not code: this adds Japanese to a fixture copy
// of the project the way TRANSLATING.md tells a translator to (a registry
// line, a bundle, a releases folder), builds it, and checks that every part
// of the site that reads the registry picked it up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkI18n, formatFinding, readCheckInput } from "../../lib/i18n/check.ts";
import { pluralCategories, splitPluralKey } from "../../lib/i18n/translator.ts";
import {
  type BuildResult,
  createFixtureSite,
  FIXTURE_REGISTRY,
  type FixtureSite,
  mustBuild,
  releaseFile,
} from "../support/fixture-site.ts";
import { hreflangLinks, page } from "../support/html.ts";

const JA = {
  code: "ja",
  htmlLang: "ja",
  i18nextLanguage: "ja",
  luxonLocale: "ja",
  label: "日本語",
  dir: "ltr",
};

/** Left out of the Japanese bundle on purpose: it must show in English, with a warning. */
const UNTRANSLATED = "release.time";

const TRANSLATED: Record<string, string> = {
  "chooser.enter": "日本語でニュースルームを読む",
  "chooser.title": "言語を選択",
  "home.title": "プレスリリース",
  "home.count_other": "{{count}} 件のプレスリリース",
  "release.company": "会社",
  "release.location": "所在地",
  "switcher.label": "言語",
  "switcher.notAvailable": "（日本語版はありません）",
};

type Tree = { [key: string]: string | Tree };

/** The English bundle with some values in Japanese and plural keys cut to Japanese's one form. */
function japaneseBundle(english: Tree): Tree {
  const result: Tree = {};
  const walk = (node: Tree, target: Tree, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (typeof value !== "string") {
        const child: Tree = {};
        target[name] = child;
        walk(value, child, key);
        continue;
      }
      const plural = splitPluralKey(key);
      if (plural && !pluralCategories("ja", plural.ordinal).includes(plural.category)) continue;
      if (key === UNTRANSLATED) continue;
      target[name] = TRANSLATED[key] ?? value;
    }
  };
  walk(english, result, "");
  return result;
}

let site: FixtureSite;
let build: BuildResult;

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/plant-opens.md": releaseFile({
      title: "Plant opens",
      releaseTime: "2025-05-01",
      location: "Shenzhen",
    }),
    "src/releases/zh/plant-opens.md": releaseFile({
      title: "工厂投产",
      releaseTime: "2025-05-01",
      location: "深圳",
    }),
    "src/releases/ja/plant-opens.md": releaseFile(
      { title: "新工場が稼働", releaseTime: "2025-05-01", location: "深圳" },
      "新しい工場が本日稼働を開始しました。",
    ),
    "src/releases/en/english-only.md": releaseFile({ title: "Only in English", releaseTime: "2025-06-01" }),
  });
  // Its own registry: the fixture's two languages and Japanese, whether or
  // not the project itself has added Japanese by now.
  const registry = { ...FIXTURE_REGISTRY, locales: [...FIXTURE_REGISTRY.locales, JA] };
  site.write("locales/registry.json", `${JSON.stringify(registry, null, 2)}\n`);
  site.write(
    "locales/ja/translation.json",
    `${JSON.stringify(japaneseBundle(JSON.parse(site.read("locales/en/translation.json"))), null, 2)}\n`,
  );
  build = await mustBuild(site);
});

afterAll(() => site?.dispose());

describe("a site with a third language added by a registry line and a bundle", () => {
  it("builds a home and release pages for it with its lang", () => {
    expect(page(site, "/ja/")("html").attr("lang")).toBe("ja");
    expect(page(site, "/ja/")("h1").text()).toBe("プレスリリース");
    expect(page(site, "/ja/")(".count").text()).toBe("1 件のプレスリリース");
    const release = page(site, "/ja/releases/plant-opens/");
    expect(release("html").attr("lang")).toBe("ja");
    expect(release("h1").text()).toBe("新工場が稼働");
    expect(build.stdout).toMatch(/pages:.*\bja \d+/);
  });

  it("formats dates the Japanese way", () => {
    const release = page(site, "/ja/releases/plant-opens/");
    expect(release(".release-meta time").attr("datetime")).toBe("2025-05-01");
    expect(release(".release-meta time").text()).toBe("2025年5月1日");
  });

  it("links the three versions of a release to each other", () => {
    const switcher = (url: string) => hreflangLinks(site, url, ".language-switcher a");
    expect(switcher("/en/releases/plant-opens/")).toEqual([
      "zh-CN /zh/releases/plant-opens/",
      "ja /ja/releases/plant-opens/",
    ]);
    expect(switcher("/zh/releases/plant-opens/")).toEqual([
      "en /en/releases/plant-opens/",
      "ja /ja/releases/plant-opens/",
    ]);
    expect(switcher("/ja/releases/plant-opens/")).toEqual([
      "en /en/releases/plant-opens/",
      "zh-CN /zh/releases/plant-opens/",
    ]);
  });

  it("says in Japanese when a release has no Japanese version", () => {
    const link = page(site, "/en/releases/english-only/")('.language-switcher a[hreflang="ja"]');
    expect(link.attr("href")).toBe("/ja/");
    expect(link.find(".note").text()).toBe(TRANSLATED["switcher.notAvailable"]);
  });

  it("declares the Japanese version in hreflang alternates", () => {
    for (const url of ["/en/releases/plant-opens/", "/ja/releases/plant-opens/"]) {
      const alternates = hreflangLinks(site, url, 'link[rel="alternate"][hreflang]');
      expect(alternates, url).toContainEqual(
        expect.stringMatching(/^ja https?:\/\/\S+\/ja\/releases\/plant-opens\/$/),
      );
    }
  });

  it("offers the language at /", () => {
    const root = page(site, "/");
    expect(root('.choices a[hreflang="ja"]').attr("href")).toBe("/ja/");
    expect(root('.choices li[lang="ja"]').text()).toContain("日本語");
    expect(root('.choices li[lang="ja"]').text()).toContain("日本語でニュースルームを読む");
  });

  it("gets its own search index, in parts named after it", () => {
    const manifest = JSON.parse(site.read("_site/pagefind/pressroom-index.json"));
    const parts = manifest.languages.ja.parts.map((p: { key: string }) => p.key);
    expect(parts.length).toBeGreaterThan(0);
    const entry = JSON.parse(site.read("_site/pagefind/pagefind-entry.json"));
    for (const key of parts) {
      expect(key).toMatch(/^ja-x-/);
      expect(Object.keys(entry.languages)).toContain(key);
    }
  });

  it("shows a string missing from the bundle in English and names it in a build warning", () => {
    const release = page(site, "/ja/releases/plant-opens/");
    const english = JSON.parse(site.read("locales/en/translation.json")) as { release: { time: string } };
    expect(release(".release-meta dt").first().text()).toBe(english.release.time);
    expect(release(".release-meta").text()).toContain("所在地");
    expect(`${build.stdout}\n${build.stderr}`).toMatch(
      new RegExp(`locales/ja/translation\\.json: ${UNTRANSLATED.replace(".", "\\.")}\\b`),
    );
  });

  it("is found by npm run check:i18n before anyone reads the page", () => {
    const errors = checkI18n(readCheckInput(site.dir))
      .findings.filter((f) => f.severity === "error")
      .map(formatFinding);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(`^error locales/ja/translation\\.json: ${UNTRANSLATED.replace(".", "\\.")}: missing \\(`),
      ),
    ]);
  });
});

// The warnings of `npm run check:i18n` for mistakes that leave the pages
// working but wrong: text copied from the source and left untranslated, a
// key written twice, a language code the runtime does not know; and the
// build's bundle check, which is check:i18n's, errors and warnings alike.
import { describe, expect, it } from "vitest";
import { ProblemsError } from "../../../lib/content/problems.ts";
import {
  assertBundlesBuildable,
  type CheckInput,
  checkI18n,
  formatFinding,
} from "../../../lib/i18n/check.ts";
import { tempProject } from "../../support/temp-project.ts";

const EN = "locales/en/translation.json";
const JA = "locales/ja/translation.json";
const REGISTRY = "locales/registry.json";

const ja = (extra: object = {}) => ({
  code: "ja",
  htmlLang: "ja",
  i18nextLanguage: "ja",
  luxonLocale: "ja",
  label: "日本語",
  ...extra,
});

const registry = (locale: object = ja()) =>
  JSON.stringify(
    {
      sourceLocale: "en",
      locales: [
        { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English" },
        locale,
      ],
    },
    null,
    2,
  );

const en = {
  home: { title: "Press releases", count_one: "{{count}} release", count_other: "{{count}} releases" },
};
const jaBundle = { home: { title: "ニュースリリース", count_other: "{{count}}件" } };
const templates = [
  { file: "src/home.njk", text: '{{ "home.title" | t(code) }}{{ "home.count" | t(code, { count: n }) }}' },
];

function input(jaText: string, registryText = registry()): CheckInput {
  return {
    registryText,
    bundles: new Map([
      ["en", JSON.stringify(en, null, 2)],
      ["ja", jaText],
    ]),
    templates,
    code: [],
  };
}

const lines = (i: CheckInput) => checkI18n(i).findings.map(formatFinding);

describe("warnings of npm run check:i18n", () => {
  it("finds nothing in a translated bundle", () => {
    expect(lines(input(JSON.stringify(jaBundle)))).toEqual([]);
  });

  it("warns about text identical to the source language's, which was probably not translated", () => {
    const copied = { home: { title: "Press releases", count_other: "{{count}}件" } };
    expect(lines(input(JSON.stringify(copied)))).toEqual([
      `warning ${JA}: home.title: same as ${EN} ("Press releases"): not translated yet? Translate it; if it is right as it is (a brand name), add "home.title" to "sameAsSource" of "ja" in ${REGISTRY}`,
    ]);
  });

  it("leaves keys the registry allows to stay as in the source, and text without letters", () => {
    const copied = { home: { title: "Press releases", count_other: "{{count}}件" } };
    expect(lines(input(JSON.stringify(copied), registry(ja({ sameAsSource: ["home.title"] }))))).toEqual([]);
    const sourceOnlyCount = { home: { title: "{{count}}", count_one: "x", count_other: "y" } };
    const found = checkI18n({
      ...input(JSON.stringify({ home: { title: "{{count}}", count_other: "z" } })),
      bundles: new Map([
        ["en", JSON.stringify(sourceOnlyCount)],
        ["ja", JSON.stringify({ home: { title: "{{count}}", count_other: "z" } })],
      ]),
    }).findings;
    expect(found.filter((f) => f.message.startsWith("same as"))).toEqual([]);
  });

  it("warns about a key written twice, from the text, with its lines", () => {
    const text =
      '{\n  "home": {\n    "title": "ニュース",\n    "title": "ニュースリリース",\n    "count_other": "{{count}}件"\n  }\n}';
    expect(lines(input(text))).toEqual([
      `warning ${JA}: home.title: written 2 times (lines 3, 4); only the last one is used: keep one and delete the others`,
    ]);
  });

  it("warns about a key written twice in the registry", () => {
    const text = registry().replace('"label": "日本語"', '"label": "日本語",\n      "label": "にほんご"');
    expect(lines(input(JSON.stringify(jaBundle), text))).toEqual([
      `warning ${REGISTRY}: locales[1].label: written 2 times (lines 16, 17); only the last one is used: keep one and delete the others`,
    ]);
  });

  it("warns about a date locale the runtime does not know, which would show dates in English", () => {
    expect(lines(input(JSON.stringify(jaBundle), registry(ja({ luxonLocale: "jp" }))))).toEqual([
      `warning ${REGISTRY}: locales[1].luxonLocale: "jp" is not a language dates can be written in, so the ja pages show dates in English: use a standard language code such as "ja", "zh-CN" or "pt-BR"`,
    ]);
  });

  it("warns about an i18next language without known plural rules, instead of asking for English plural forms", () => {
    for (const code of ["jp", "ja_JP"]) {
      const found = lines(input(JSON.stringify(jaBundle), registry(ja({ i18nextLanguage: code }))));
      expect(found).toEqual([
        `warning ${REGISTRY}: locales[1].i18nextLanguage: "${code}" is not a language whose plural rules are known, so counts in ${JA} follow English rules and its plural forms are not checked: use a standard language code such as "ja", "zh-CN" or "pt-BR"`,
      ]);
    }
  });
});

describe("the build's bundle check", () => {
  const project = (jaText: string) =>
    tempProject({
      "locales/registry.json": registry(),
      [EN]: JSON.stringify(en, null, 2),
      [JA]: jaText,
      "src/home.njk": templates[0]?.text ?? "",
    });
  const problems = (root: string) => {
    try {
      return { warnings: assertBundlesBuildable(root).map((p) => `${p.file}: ${p.field}`), errors: [] };
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      return {
        errors: error.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`),
        warnings: error.warnings.map((p) => `${p.file}: ${p.field}`),
      };
    }
  };

  it("stops on what check:i18n calls an error: a placeholder, a plural form the language lacks", () => {
    const root = project(
      JSON.stringify({ home: { title: "ニュース {{count}}", count_one: "1件", count_other: "件" } }),
    );
    const { errors } = problems(root);
    expect(errors.map((e) => e.split(": ").slice(0, 2).join(": "))).toEqual([
      `${JA}: home.count_one`,
      `${JA}: home.count_other`,
      `${JA}: home.title`,
    ]);
  });

  it("warns as check:i18n warns, and leaves a missing key to the fallback warning", () => {
    const text = '{ "home": { "title": "Press releases", "title": "Press releases" } }';
    expect(problems(project(text))).toEqual({
      errors: [],
      warnings: [`${JA}: home.title`, `${JA}: home.title`],
    });
  });
});

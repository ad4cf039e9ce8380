import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CheckInput,
  checkBundlesForBuild,
  checkI18n,
  compareBundles,
  findCodeKeys,
  findKeyUses,
  findTemplateKeys,
  formatFinding,
  interpolationVariables,
  type ParsedBundle,
  parseBundle,
  readCheckInput,
} from "../../../lib/i18n/check.ts";
import { parseRegistry } from "../../../lib/i18n/locales.ts";
import { pluralCategories } from "../../../lib/i18n/translator.ts";
import { encodeGbk } from "../../support/encodings.ts";
import { tempProject } from "../../support/temp-project.ts";

const EN = "locales/en/translation.json";
const ZH = "locales/zh/translation.json";

const registry = (extra: object[] = []) =>
  JSON.stringify({
    sourceLocale: "en",
    locales: [
      { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English" },
      { code: "zh", htmlLang: "zh-CN", i18nextLanguage: "zh-CN", luxonLocale: "zh-CN", label: "简体中文" },
      ...extra,
    ],
  });

const en = {
  home: { title: "Press releases", count_one: "{{count}} release", count_other: "{{count}} releases" },
  release: { about: "About {{company}}" },
  search: { results_one: "{{count}} found", results_other: "{{count}} found" },
  tags: { batteries: "Batteries" },
};

const zh = {
  home: { title: "新闻稿", count_other: "共 {{count}} 篇新闻稿" },
  release: { about: "关于{{company}}" },
  search: { results_other: "找到 {{count}} 篇" },
  tags: { batteries: "电池" },
};

const templates = [
  {
    file: "src/home.njk",
    text: '<h1>{{ "home.title" | t(code) }}</h1>\n<p>{{ "home.count" | t(code, { count: n }) }}</p>',
  },
  {
    file: "_includes/partials/company.njk",
    text: "<h2>{{ 'release.about' | t(code, { company: c }) }}</h2>",
  },
];

const code = [
  {
    file: "lib/newsroom.ts",
    text: [
      `tagLabel: (code, tag) => translator.optional(code, \`tags.\${tag}\`) ?? tag,`,
      'strings: input.strings(locale.code, "search"),',
    ].join("\n"),
  },
];

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    registryText: registry(),
    bundles: new Map([
      ["en", JSON.stringify(en)],
      ["zh", JSON.stringify(zh)],
    ]),
    templates,
    code,
    ...overrides,
  };
}

function withZh(bundle: unknown): CheckInput {
  return input({
    bundles: new Map([
      ["en", JSON.stringify(en)],
      ["zh", JSON.stringify(bundle)],
    ]),
  });
}

const lines = (i: CheckInput) => checkI18n(i).findings.map(formatFinding);

function bundle(file: string, language: string, leaves: Record<string, string>): ParsedBundle {
  return { file, language, leaves: new Map(Object.entries(leaves)), groups: new Set(), notText: new Set() };
}

describe("npm run check:i18n", () => {
  it("finds nothing wrong with bundles that match the source and the templates", () => {
    expect(lines(input())).toEqual([]);
  });

  it("reports a key the translation lacks, quoting the source text", () => {
    expect(lines(withZh({ ...zh, release: {} }))).toEqual([
      `error ${ZH}: release.about: missing (${EN} has "About {{company}}")`,
    ]);
  });

  it("reports a key the source does not have", () => {
    expect(lines(withZh({ ...zh, relase: { about: "关于{{company}}" } }))).toEqual([
      `error ${ZH}: relase.about: not in ${EN}: remove it, or check the spelling of the key`,
    ]);
  });

  it("reports a placeholder dropped from a translation", () => {
    expect(lines(withZh({ ...zh, release: { about: "关于公司" } }))).toEqual([
      `error ${ZH}: release.about: {{company}} missing: the source text "About {{company}}" has it; keep every {{placeholder}} exactly as written`,
    ]);
  });

  it("reports a placeholder the source never fills, such as a translated variable name", () => {
    expect(lines(withZh({ ...zh, release: { about: "关于{{公司}}{{company}}" } }))).toEqual([
      `error ${ZH}: release.about: {{公司}} not in the source text "About {{company}}": nothing fills it, so readers would see it as typed`,
    ]);
  });

  it("reports {{count}} missing from a plural form", () => {
    expect(lines(withZh({ ...zh, home: { ...zh.home, count_other: "共篇新闻稿" } }))).toEqual([
      `error ${ZH}: home.count_other: {{count}} missing: the source text "{{count}} releases" has it; keep every {{placeholder}} exactly as written`,
    ]);
  });

  it("reports a plural form the language does not have", () => {
    expect(lines(withZh({ ...zh, home: { ...zh.home, count_one: "{{count}} 篇" } }))).toEqual([
      `error ${ZH}: home.count_one: not a plural form of zh-CN (its forms: other)`,
    ]);
  });

  it("reports a plural form the language needs, in the source too", () => {
    const broken = input({
      bundles: new Map([
        [
          "en",
          JSON.stringify({ ...en, home: { title: "Press releases", count_other: "{{count}} releases" } }),
        ],
        ["zh", JSON.stringify(zh)],
      ]),
    });
    expect(lines(broken)).toEqual([
      `error ${EN}: home.count_one: missing plural form "one" of en (its forms: one, other)`,
    ]);
  });

  it("reports each missing plural form when a translation lacks the key entirely", () => {
    const { count_other: _, ...home } = zh.home;
    expect(lines(withZh({ ...zh, home }))).toEqual([
      `error ${ZH}: home.count_other: missing (${EN} has "{{count}} releases" for home.count_other)`,
    ]);
  });

  it("asks a language with more forms than English for all of them", () => {
    const found = checkI18n({
      registryText: registry([
        { code: "ru", htmlLang: "ru", i18nextLanguage: "ru", luxonLocale: "ru", label: "Русский" },
      ]),
      bundles: new Map([
        ["en", JSON.stringify(en)],
        ["zh", JSON.stringify(zh)],
        [
          "ru",
          JSON.stringify({
            ...zh,
            home: { ...zh.home, count_one: "{{count}} релиз", count_other: "{{count}} релиза" },
            search: {
              results_one: "{{count}}",
              results_few: "{{count}}",
              results_many: "{{count}}",
              results_other: "{{count}}",
            },
          }),
        ],
      ]),
      templates,
      code,
    }).findings.map(formatFinding);
    expect(found).toEqual([
      `error locales/ru/translation.json: home.count_few: missing plural form "few" of ru (its forms: one, few, many, other)`,
      `error locales/ru/translation.json: home.count_many: missing plural form "many" of ru (its forms: one, few, many, other)`,
    ]);
  });

  it("lets a one-item form spell the number out, and allows _zero in any language", () => {
    const source = bundle(EN, "en", { n_one: "{{count}} item", n_other: "{{count}} items" });
    const target = bundle(EN, "en", { n_zero: "Nothing", n_one: "One item", n_other: "{{count}} items" });
    expect(compareBundles(source, target)).toEqual([]);
  });

  it("reports an empty string, which would show the source language", () => {
    expect(lines(withZh({ ...zh, home: { ...zh.home, title: "  " } }))).toEqual([
      `error ${ZH}: home.title: empty: write the text; an empty value counts as missing`,
    ]);
  });

  it("reports a value that is not text", () => {
    expect(lines(withZh({ ...zh, home: { ...zh.home, title: ["新闻稿"] } }))).toEqual([
      `error ${ZH}: home.title: expected text, found a list: write the text in quotes`,
    ]);
  });

  it("reports an object where the source has text, once", () => {
    expect(lines(withZh({ ...zh, release: { about: { text: "关于{{company}}" } } }))).toEqual([
      `error ${ZH}: release.about: expected text, found an object: write the text in quotes, as ${EN} has it`,
    ]);
  });

  it("reports text where the source has a group of keys, once", () => {
    expect(lines(withZh({ ...zh, release: "新闻稿" }))).toEqual([
      `error ${ZH}: release: expected a group of keys as in ${EN}, found text`,
    ]);
  });

  it("reports a source value a template shows as text that is an object", () => {
    const source = { ...en, release: { about: { text: "About {{company}}" } } };
    const found = lines(
      input({
        bundles: new Map([
          ["en", JSON.stringify(source)],
          ["zh", JSON.stringify(zh)],
        ]),
      }),
    );
    expect(found.filter((l) => l.startsWith("error"))).toEqual([
      `error ${EN}: release.about: expected text, found an object (_includes/partials/company.njk:1 shows it as text)`,
      `error ${ZH}: release.about: expected a group of keys as in ${EN}, found text`,
    ]);
  });

  it("reports invalid JSON at the mistake's line and column, in words", () => {
    const text = '{\n  "home": {\n    "title": "新闻稿",\n  }\n}';
    const found = lines(input({ bundles: new Map([...input().bundles, ["zh", text]]) }));
    expect(found).toHaveLength(1);
    // At the comma, not at the `}` on the next line where the parser stumbled.
    expect(found[0]).toMatch(
      /^error locales\/zh\/translation\.json:3:19: invalid JSON: a comma before `}` is not allowed/,
    );
  });

  it("reports a key a template uses that the source bundle lacks, at the template's line", () => {
    const page = { file: "src/about.njk", text: "<p>\n{{ 'about.title' | t(code) }}</p>" };
    expect(lines(input({ templates: [...templates, page] }))).toEqual([
      `error src/about.njk:2: about.title: used here but not in ${EN}; add it there (and to every other bundle)`,
    ]);
  });

  it("accepts a plural key used by its base with a count, or by one form's full key", () => {
    const page = { file: "src/x.njk", text: "{{ 'search.results_other' | t(code) }}" };
    expect(lines(input({ templates: [...templates, page], code: [] })).map((l) => l.split(": ")[1])).toEqual([
      "search.results_one",
      "tags.batteries",
    ]);
  });

  it("warns about source keys nothing uses, but not those lib/ looks up by prefix or by plural base", () => {
    const unused = input({
      bundles: new Map([
        ["en", JSON.stringify({ ...en, old: { label: "Old" } })],
        ["zh", JSON.stringify({ ...zh, old: { label: "旧" } })],
      ]),
    });
    expect(lines(unused)).toEqual([
      `warning ${EN}: old.label: not used by any template (src/, _includes/) or by lib/; remove it from every bundle, or use it`,
    ]);
    // Without lib/'s prefixes, tags.* and search.* would be unused too.
    expect(lines(input({ code: [] })).map((l) => l.split(": ")[1])).toEqual([
      "search.results_one",
      "search.results_other",
      "tags.batteries",
    ]);
  });

  it("reports a language in the registry without a bundle, and a bundle without a registry line", () => {
    const found = lines(
      input({
        bundles: new Map([
          ["en", JSON.stringify(en)],
          ["ja", JSON.stringify(zh)],
        ]),
      }),
    );
    expect(found).toEqual([
      `warning locales/ja/translation.json: "ja" is not in locales/registry.json, so this bundle is not built; add the language there (see TRANSLATING.md)`,
      `error ${ZH}: missing: "zh" is in locales/registry.json, so it needs a bundle`,
    ]);
  });

  it("reports a registry that does not parse", () => {
    expect(lines(input({ registryText: '{ "sourceLocale": "en" ' }))[0]).toMatch(
      /^error locales\/registry\.json:1:\d+: invalid JSON: /,
    );
    expect(lines(input({ registryText: JSON.stringify({ sourceLocale: "fr", locales: [] }) }))).toEqual([
      "error locales/registry.json: locales: Too small: expected array to have >=1 items",
    ]);
  });
});

describe("the pieces of the check", () => {
  it("reads placeholders with spaces, the unescaped dash and a format", () => {
    expect([...interpolationVariables("{{count}} of {{ total }}, {{- html}}, {{date, datetime}}")]).toEqual([
      "count",
      "total",
      "html",
      "date",
    ]);
  });

  it("knows each language's plural forms from CLDR", () => {
    expect(pluralCategories("en")).toEqual(["one", "other"]);
    expect(pluralCategories("zh-CN")).toEqual(["other"]);
    expect(pluralCategories("ja")).toEqual(["other"]);
    expect(pluralCategories("ru")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategories("en", true)).toEqual(["one", "two", "few", "other"]);
  });

  it("finds template keys in double and single quotes, with their lines", () => {
    expect(findTemplateKeys(templates[0] ?? { file: "", text: "" })).toEqual([
      { key: "home.title", file: "src/home.njk", line: 1 },
      { key: "home.count", file: "src/home.njk", line: 2 },
    ]);
    expect(findTemplateKeys({ file: "a.njk", text: "{{ 'nav.main'|t(code) }}" })).toEqual([
      { key: "nav.main", file: "a.njk", line: 1 },
    ]);
  });

  it("finds keys and prefixes that lib/ passes to the translator", () => {
    const found = findCodeKeys({
      file: "lib/x.ts",
      text: [
        'siteName: (code) => translator.t(code, "site.name"),',
        `translator.optional(code, \`tags.\${tag}\`)`,
        'input.strings(locale.code, "search")',
        "translator.t(code, key)",
      ].join("\n"),
    });
    expect(found.keys.map((k) => k.key)).toEqual(["site.name"]);
    expect(found.prefixes.map((k) => k.key)).toEqual(["tags", "search"]);
  });

  it("parses a bundle into dotted keys", () => {
    const { bundle: parsed, findings } = parseBundle('{"a":{"b":"x","c":{"d":"y"}}}', EN, "en");
    expect(findings).toEqual([]);
    expect([...(parsed?.leaves ?? [])]).toEqual([
      ["a.b", "x"],
      ["a.c.d", "y"],
    ]);
  });

  it("reads the registry, every bundle folder, the templates and lib/ from a project", () => {
    const root = tempProject({
      "locales/registry.json": registry(),
      [EN]: JSON.stringify(en),
      [ZH]: JSON.stringify(zh),
      "src/home.njk": templates[0]?.text ?? "",
      "_includes/partials/company.njk": templates[1]?.text ?? "",
      "lib/newsroom.ts": code[0]?.text ?? "",
    });
    mkdirSync(path.join(root, "locales", "empty"));
    const read = readCheckInput(root);
    expect(read.templates.map((t) => t.file)).toEqual(["src/home.njk", "_includes/partials/company.njk"]);
    expect(read.code.map((c) => c.file)).toEqual(["lib/newsroom.ts"]);
    expect([...read.bundles.keys()].sort()).toEqual(["empty", "en", "zh"]);
    expect(checkI18n(read).findings).toEqual([]);
  });

  it("refuses a bundle the build would refuse to read, saying why instead of calling it invalid JSON", () => {
    const root = tempProject({ "locales/registry.json": registry(), [EN]: JSON.stringify(en) });
    mkdirSync(path.join(root, "locales", "zh"), { recursive: true });
    writeFileSync(path.join(root, ZH), encodeGbk(JSON.stringify(zh)));
    expect(lines(readCheckInput(root)).filter((line) => line.startsWith("error"))).toEqual([
      expect.stringMatching(
        /^error locales\/zh\/translation\.json: encoding: expected UTF-8, but the file looks like GBK/,
      ),
    ]);
  });
});

describe("the bundle checks a build runs", () => {
  const registryOf = () => parseRegistry(JSON.parse(registry()), "locales/registry.json");
  const uses = findKeyUses({ templates, code });
  const build = (bundles: Record<string, unknown>) =>
    checkBundlesForBuild(registryOf(), new Map(Object.entries(bundles)), uses).findings.map(formatFinding);

  it("pass bundles that only miss translations, placeholders or plural forms: those are warnings or check:i18n's", () => {
    expect(build({ en, zh: { home: { title: "新闻稿", count_one: "x" } } })).toEqual([]);
  });

  it("stop on a value that is not text, and on a key a template uses that the source bundle lacks", () => {
    const zhBroken = { ...zh, release: { about: { text: "关于" } }, home: { ...zh.home, title: 5 } };
    const page = { file: "src/about.njk", text: "{{ 'about.title' | t(code) }}" };
    const found = checkBundlesForBuild(
      registryOf(),
      new Map<string, unknown>([
        ["en", en],
        ["zh", zhBroken],
      ]),
      findKeyUses({ templates: [...templates, page], code }),
    ).findings.map(formatFinding);
    expect(found).toEqual([
      `error ${ZH}: home.title: expected text, found a number: write the text in quotes`,
      `error ${ZH}: release.about: expected text, found an object: write the text in quotes, as ${EN} has it`,
      `error src/about.njk:1: about.title: used here but not in ${EN}; add it there (and to every other bundle)`,
    ]);
    // npm run check:i18n says the same lines.
    const checked = lines(
      input({
        bundles: new Map([
          ["en", JSON.stringify(en)],
          ["zh", JSON.stringify(zhBroken)],
        ]),
        templates: [...templates, page],
      }),
    );
    for (const line of found) expect(checked).toContain(line);
  });
});

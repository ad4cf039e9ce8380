// The generated CMS configuration covers what defines the content: every
// front matter field of the schema (with its required flag, help text and
// pattern), every locale of the registry, every company record and every
// key of the source bundle in each locale's form, with that locale's plural
// forms.
import { describe, expect, it } from "vitest";
import { cmsConfig, DEFAULT_LOCAL_BACKEND, decapLocale } from "../../../lib/cms/config.ts";
import type { CmsField } from "../../../lib/cms/schema-fields.ts";
import type { Companies } from "../../../lib/content/companies.ts";
import { frontMatterSchema, KNOWN_FIELDS } from "../../../lib/content/schema.ts";
import { defineSite } from "../../../lib/content/site.ts";
import { loadRegistry, parseRegistry } from "../../../lib/i18n/locales.ts";
import {
  type Bundle,
  createTranslator,
  loadBundles,
  pluralCategories,
  splitPluralKey,
} from "../../../lib/i18n/translator.ts";
import { projectRoot } from "../../support/fixture-site.ts";
import { testCompany } from "../../support/temp-project.ts";

const registry = loadRegistry(projectRoot);
const bundles = loadBundles(projectRoot, registry);
const translator = createTranslator(registry, bundles);
const site = defineSite({ url: "https://news.example.com" }, {});
const companies: Companies = new Map([["acme", testCompany("acme", { name: { en: "Acme", zh: "艾克米" } })]]);

function configFor(code: string, localBackend?: string) {
  const uiLocale = registry.get(code);
  if (!uiLocale) throw new Error(code);
  return cmsConfig({ site, registry, companies, bundles, translator, uiLocale, localBackend }) as {
    backend: Record<string, string>;
    i18n: { locales: string[]; default_locale: string };
    collections: {
      name: string;
      fields?: CmsField[];
      files?: { name: string; file: string; fields: CmsField[] }[];
    }[];
  };
}

const collection = (config: ReturnType<typeof configFor>, name: string) => {
  const found = config.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};

/** Every leaf key under a form's fields, dotted. */
function formKeys(fields: readonly CmsField[], prefix = ""): string[] {
  return fields.flatMap((f) =>
    f.widget === "object" ? formKeys(f.fields ?? [], `${prefix}${f.name}.`) : [`${prefix}${f.name}`],
  );
}

function bundleKeys(bundle: Bundle, prefix = ""): string[] {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value !== null && typeof value === "object"
      ? bundleKeys(value as Bundle, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("the CMS configuration", () => {
  it("has a release field for every front matter field, required where the schema requires it", () => {
    const fields = collection(configFor("en"), "releases").fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([...KNOWN_FIELDS, "body"]);
    for (const name of KNOWN_FIELDS) {
      const field = fields.find((f) => f.name === name);
      const schema = frontMatterSchema.shape[name as keyof typeof frontMatterSchema.shape];
      expect(field?.required, name).toBe(!schema.safeParse(undefined).success);
    }
  });

  it("takes help text and patterns from the schema", () => {
    const fields = collection(configFor("en"), "releases").fields ?? [];
    const title = fields.find((f) => f.name === "title");
    expect(title?.hint).toBe(frontMatterSchema.shape.title.safeParse(undefined).error?.issues[0]?.message);
    const key = fields.find((f) => f.name === "translationKey");
    const message = frontMatterSchema.shape.translationKey.safeParse("Not A Key").error?.issues[0]?.message;
    expect(key?.pattern).toEqual([expect.any(String), message]);
    expect(new RegExp(key?.pattern?.[0] ?? "").test("cell-line-2024")).toBe(true);
    const time = fields.find((f) => f.name === "releaseTime");
    const pattern = new RegExp(time?.pattern?.[0] ?? "^$");
    for (const ok of ["2023-01-14", "2024-04-25T10:00:00+08:00", "2026-03-01T02:00:00.000Z"])
      expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ["14/01/2023", "2023-01-14 noon", ""]) expect(pattern.test(bad), bad).toBe(false);
  });

  it("edits one release in every language of the registry, one folder per locale", () => {
    const config = configFor("en");
    expect(config.i18n).toMatchObject({
      structure: "multiple_folders",
      locales: registry.all.map((l) => l.code),
      default_locale: registry.source.code,
    });
    const fields = collection(config, "releases").fields ?? [];
    expect(fields.find((f) => f.name === "releaseTime")?.i18n).toBe("duplicate");
    expect(fields.find((f) => f.name === "title")?.i18n).toBe(true);
  });

  it("offers the company records as choices", () => {
    const company = collection(configFor("zh"), "releases").fields?.find((f) => f.name === "company");
    expect(company?.choices).toEqual([{ key: "acme", name: "艾克米" }]);
  });

  it("has a company name, about text and contacts field per locale", () => {
    const fields = collection(configFor("en"), "companies").fields ?? [];
    for (const group of ["name", "about", "contacts"]) {
      const codes = fields.find((f) => f.name === group)?.fields?.map((f) => f.name);
      expect(codes, group).toEqual(registry.all.map((l) => l.code));
    }
  });

  it("has a form for each locale's bundle with every source key, in the locale's plural forms", () => {
    const files = collection(configFor("en"), "interface").files ?? [];
    expect(files.map((f) => f.file)).toEqual(registry.all.map((l) => `locales/${l.code}/translation.json`));
    const sourceKeys = bundleKeys(bundles.get(registry.source.code) ?? {});
    for (const locale of registry.all) {
      const form = formKeys(files.find((f) => f.name === locale.code)?.fields ?? []);
      const expected = [
        ...new Set(
          sourceKeys.flatMap((key) => {
            const plural = splitPluralKey(key);
            if (!plural) return [key];
            const base = `${plural.base}${plural.ordinal ? "_ordinal" : ""}`;
            return pluralCategories(locale.i18nextLanguage, plural.ordinal).map((c) => `${base}_${c}`);
          }),
        ),
      ];
      expect(form, locale.code).toEqual(expected);
    }
  });

  it("shows the English text, the placeholders and the plural form beside a translation", () => {
    const zh = collection(configFor("en"), "interface").files?.find((f) => f.name === "zh");
    const home = zh?.fields.find((f) => f.name === "home")?.fields ?? [];
    const count = home.find((f) => f.name === "count_other");
    const english = (bundles.get("en") as { home: { count_other: string } }).home.count_other;
    expect(count?.hint).toContain(english);
    expect(count?.hint).toContain("{{count}}");
    expect(count?.hint).toContain(
      translator.t("en", "cms.bundle.plural", { category: "other", categories: "other" }),
    );
  });

  it("covers a third language, with its own plural forms and Decap's interface in it", () => {
    const three = parseRegistry({
      sourceLocale: "en",
      locales: [
        ...registry.all.map(({ urlSegment: _, ...l }) => l),
        { code: "ru", htmlLang: "ru", i18nextLanguage: "ru", luxonLocale: "ru", label: "Русский" },
      ],
    });
    const ru = three.get("ru");
    if (!ru) throw new Error("ru");
    const config = cmsConfig({
      site,
      registry: three,
      companies,
      bundles,
      translator,
      uiLocale: registry.source,
    }) as {
      i18n: { locales: string[] };
      collections: { name: string; files?: { name: string; fields: CmsField[] }[] }[];
    };
    expect(config.i18n.locales).toContain("ru");
    const form = config.collections.find((c) => c.name === "interface")?.files?.find((f) => f.name === "ru");
    const home = form?.fields.find((f) => f.name === "home")?.fields?.map((f) => f.name) ?? [];
    expect(home.filter((n) => n.startsWith("count_"))).toEqual(
      pluralCategories("ru").map((c) => `count_${c}`),
    );
    expect(decapLocale(ru)).toBe("ru");
    expect(decapLocale(registry.get("zh") ?? ru)).toBe("zh_Hans");
  });

  it("saves through the local backend without a git host, and through the git host with a local backend beside it", () => {
    expect(configFor("en").backend).toMatchObject({ name: "proxy", proxy_url: DEFAULT_LOCAL_BACKEND });
    const hosted = defineSite(
      { url: "https://news.example.com", cms: { backend: "github", repo: "acme/news" } },
      {},
    );
    const uiLocale = registry.source;
    const config = cmsConfig({
      site: hosted,
      registry,
      companies,
      bundles,
      translator,
      uiLocale,
      localBackend: "http://127.0.0.1:9/api/v1",
    });
    expect(config.backend).toEqual({ name: "github", repo: "acme/news", branch: "main" });
    expect(config.local_backend).toEqual({ url: "http://127.0.0.1:9/api/v1" });
  });
});

// The generated CMS configuration covers what defines the content: every
// front matter field of the release and page schemas (with its required
// flag, help text and pattern), every key of the company schema, every
// locale of the registry, every company record and every
// key of the source bundle in each locale's form, with that locale's plural
// forms.
import { describe, expect, it } from "vitest";
import { cmsConfig, DEFAULT_LOCAL_BACKEND, decapLocale } from "../../../lib/cms/config.ts";
import type { CmsField } from "../../../lib/cms/schema-fields.ts";
import { type Companies, companySchema } from "../../../lib/content/companies.ts";
import { PAGE_FIELDS, pageFrontMatterSchema } from "../../../lib/content/pages.ts";
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
      folder?: string;
      media_folder?: string;
      public_folder?: string;
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

  it("has a page field for every page front matter field, required where the schema requires it", () => {
    const pages = collection(configFor("en"), "pages");
    expect(pages.folder).toBe("src/pages");
    const fields = pages.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([...PAGE_FIELDS, "body"]);
    for (const name of PAGE_FIELDS) {
      const field = fields.find((f) => f.name === name);
      const schema = pageFrontMatterSchema.shape[name as keyof typeof pageFrontMatterSchema.shape];
      expect(field?.required, name).toBe(!schema.safeParse(undefined).success);
      expect(field?.i18n, name).toBe(true);
    }
    expect(fields.find((f) => f.name === "body")?.widget).toBe("markdown");
  });

  it("takes the page fields' help text, patterns and number limits from the schema", () => {
    const fields = collection(configFor("en"), "pages").fields ?? [];
    const shape = pageFrontMatterSchema.shape;
    const title = fields.find((f) => f.name === "title");
    expect(title?.hint).toBe(shape.title.safeParse(undefined).error?.issues[0]?.message);
    const nav = fields.find((f) => f.name === "nav");
    expect(nav).toMatchObject({ widget: "number", value_type: "int", min: 1 });
    expect(nav?.hint).toBe(shape.nav.safeParse("first").error?.issues[0]?.message);
    expect(shape.nav.safeParse(nav?.min).success).toBe(true);
    expect(shape.nav.safeParse((nav?.min ?? 1) - 1).success).toBe(false);
    const key = fields.find((f) => f.name === "translationKey");
    expect(key?.pattern).toEqual([
      expect.any(String),
      shape.translationKey.safeParse("Not A Key").error?.issues[0]?.message,
    ]);
    const hash = new RegExp(fields.find((f) => f.name === "sourceHash")?.pattern?.[0] ?? "^$");
    for (const value of ["0123456789ab", "0123456789", "not-a-hash!!"])
      expect(hash.test(value), value).toBe(shape.sourceHash.safeParse(value).success);
    expect(fields.find((f) => f.name === "extra")?.widget).toBe("hidden");
  });

  it("has a company field for every key of the company schema", () => {
    const companiesCollection = collection(configFor("en"), "companies");
    const fields = companiesCollection.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(Object.keys(companySchema.shape));
    for (const field of fields) {
      const schema = companySchema.shape[field.name as keyof typeof companySchema.shape];
      expect(field.required, field.name).toBe(!schema.safeParse(undefined).success);
    }
  });

  it("checks a company's web address as the schema does and stores its logo beside the company file", () => {
    const companies = collection(configFor("en"), "companies");
    const fields = companies.fields ?? [];
    const url = fields.find((f) => f.name === "url");
    expect(url?.pattern?.[1]).toBe(companySchema.shape.url.safeParse("x").error?.issues[0]?.message);
    const pattern = new RegExp(url?.pattern?.[0] ?? "^$");
    for (const value of [
      "https://www.example.com/",
      "http://example.com/about?x=1",
      "www.example.com",
      "ftp://example.com/",
      "https://",
      "javascript:alert(1)",
    ])
      expect(pattern.test(value), value).toBe(companySchema.shape.url.safeParse(value).success);
    const logo = fields.find((f) => f.name === "logo");
    expect(logo?.widget).toBe("image");
    // "" is the entry's own folder: the logo goes beside _data/companies/<key>.json, named as written.
    expect(companies).toMatchObject({ folder: "_data/companies", media_folder: "", public_folder: "" });
  });

  it("lists press-kit files stored in the company's folder, with a title and caption per locale", () => {
    const fields = collection(configFor("en"), "companies").fields ?? [];
    const pressKit = fields.find((f) => f.name === "pressKit");
    expect(pressKit?.widget).toBe("list");
    const item = pressKit?.fields ?? [];
    expect(item.map((f) => f.name)).toEqual(["file", "title", "caption"]);
    const file = item.find((f) => f.name === "file");
    expect(file).toMatchObject({
      widget: "file",
      required: true,
      media_folder: "{{filename}}",
      public_folder: "",
    });
    for (const name of ["title", "caption"]) {
      const texts = item.find((f) => f.name === name);
      expect(texts?.widget, name).toBe("object");
      expect(
        texts?.fields?.map((f) => f.name),
        name,
      ).toEqual(registry.all.map((l) => l.code));
    }
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

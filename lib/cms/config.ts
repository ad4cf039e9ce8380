// The CMS configuration (Decap CMS, served at /admin/), generated from what
// already defines the content: the release front matter schema
// (lib/content/schema.ts, through schema-fields.ts), the locale registry,
// the company records and the bundles. One configuration per interface
// language, so the editor's own labels follow the bundles; nothing in it is
// kept in sync by hand.
import { COMPANIES_DIR, type Companies, companySchema, contactSchema } from "../content/companies.ts";
import { RELEASE_TIME_EXPECTED, RELEASE_TIME_PATTERN } from "../content/dates.ts";
import { PAGES_DIR, pageFrontMatterSchema } from "../content/pages.ts";
import { toPosix } from "../content/read-text.ts";
import { frontMatterSchema } from "../content/schema.ts";
import type { Site } from "../content/site.ts";
import { interpolationVariables } from "../i18n/check.ts";
import type { Locale, LocaleRegistry } from "../i18n/locales.ts";
import { type Bundle, pluralCategories, splitPluralKey, type Translator } from "../i18n/translator.ts";
import { absoluteUrl } from "../view/urls.ts";
import { type CmsField, objectFieldFacts, type SchemaFieldFacts } from "./schema-fields.ts";

export interface CmsConfigInput {
  site: Site;
  registry: LocaleRegistry;
  companies: Companies;
  bundles: ReadonlyMap<string, Bundle>;
  translator: Translator;
  /** The language of the editor's labels and of Decap's own interface. */
  uiLocale: Locale;
  /** The local backend's API address (npm run cms); without it, the site's git host. */
  localBackend?: string;
}

/** Where `npm run cms` runs the local backend unless told otherwise. */
export const DEFAULT_LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1";

/** Registered by the admin page (lib/client/cms/admin.ts): two-space JSON with a final newline, as the project keeps it. */
const JSON_FORMAT = "pressroom-json";
/** The same with keys in alphabetical order at every level, as check:i18n and translators keep bundles. */
const BUNDLE_FORMAT = "pressroom-bundle";

/** Fields edited once for all languages: a release lifts its embargo and names its company everywhere at once. */
const SHARED_ACROSS_LANGUAGES = new Set(["releaseTime", "company"]);

/** Widgets other than the one a field's type gives, per collection. */
const RELEASE_WIDGETS: Readonly<Record<string, string>> = {
  summary: "text",
  company: "pressroom-company",
  file: "file",
};
const PAGE_WIDGETS: Readonly<Record<string, string>> = { description: "text" };
const COMPANY_WIDGETS: Readonly<Record<string, string>> = { logo: "image", file: "file" };

/** Decap's interface languages that match the registry's, by i18next language (lowercase). */
const DECAP_LOCALES: Readonly<Record<string, string>> = {
  "zh-cn": "zh_Hans",
  "zh-hans": "zh_Hans",
  "zh-sg": "zh_Hans",
  zh: "zh_Hans",
  "zh-tw": "zh_Hant",
  "zh-hk": "zh_Hant",
  "zh-hant": "zh_Hant",
};
const DECAP_LANGUAGES = new Set([
  "bg",
  "ca",
  "cs",
  "da",
  "de",
  "en",
  "es",
  "fa",
  "fr",
  "gr",
  "he",
  "hr",
  "hu",
  "it",
  "ja",
  "ko",
  "lt",
  "mk",
  "nb_no",
  "nl",
  "nn_no",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "th",
  "tr",
  "uk",
  "vi",
]);

/** Decap's own interface language for a registry locale; English when Decap has none. */
export function decapLocale(locale: Locale): string {
  const language = locale.i18nextLanguage.toLowerCase();
  const mapped = DECAP_LOCALES[language];
  if (mapped) return mapped;
  const primary = language.split("-")[0] ?? "en";
  return DECAP_LANGUAGES.has(primary) ? primary : "en";
}

export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const { site, registry, uiLocale, localBackend } = input;
  const siteUrl = absoluteUrl(site.url, site.pathPrefix, "/");
  const backend = site.cms
    ? { name: site.cms.backend, repo: site.cms.repo, branch: site.cms.branch }
    : { name: "proxy", proxy_url: localBackend ?? DEFAULT_LOCAL_BACKEND, branch: "main" };
  return {
    backend,
    ...(site.cms && localBackend ? { local_backend: { url: localBackend } } : {}),
    locale: decapLocale(uiLocale),
    site_url: siteUrl,
    display_url: siteUrl,
    publish_mode: "simple",
    // Files uploaded outside a release; a release's media kit goes beside it (see releasesCollection).
    media_folder: "src/assets/media",
    public_folder: `${site.pathPrefix}assets/media`,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    i18n: {
      structure: "multiple_folders",
      locales: registry.all.map((l) => l.code),
      default_locale: registry.source.code,
    },
    collections: [
      releasesCollection(input),
      pagesCollection(input),
      companiesCollection(input),
      bundlesCollection(input),
    ],
  };
}

function labels(input: CmsConfigInput): (key: string, options?: Record<string, string>) => string {
  return (key, options) => input.translator.t(input.uiLocale.code, `cms.${key}`, options);
}

function releasesCollection(input: CmsConfigInput): Record<string, unknown> {
  const label = labels(input);
  const companyChoices = [...input.companies.values()].map((c) => ({
    key: c.key,
    name: c.name[input.uiLocale.code] ?? c.name[input.registry.source.code] ?? c.key,
  }));
  const fields = objectFieldFacts(frontMatterSchema).map((facts) => {
    const field = schemaField(facts, (name) => label(`release.${name}`), RELEASE_WIDGETS);
    field.i18n = SHARED_ACROSS_LANGUAGES.has(facts.name) ? "duplicate" : true;
    if (facts.name === "releaseTime")
      field.pattern = [RELEASE_TIME_PATTERN.source, `expected ${RELEASE_TIME_EXPECTED}`];
    if (facts.name === "company") {
      field.choices = companyChoices;
      field.hint = [field.hint, label("release.companyHint")].filter(Boolean).join(". ");
    }
    return field;
  });
  fields.push({ name: "body", label: label("release.body"), widget: "markdown", i18n: true });
  return {
    ...markdownFolder(
      "releases",
      label("collections.releases"),
      label("collections.release"),
      "src/releases",
    ),
    sortable_fields: ["releaseTime", "title"],
    // A media kit is stored beside the release file (`attachments` names files relative to it).
    media_folder: "",
    public_folder: "",
    fields,
  };
}

/** The static pages (lib/content/pages.ts): one entry edits a page in every language, like a release. */
function pagesCollection(input: CmsConfigInput): Record<string, unknown> {
  const label = labels(input);
  const fields = objectFieldFacts(pageFrontMatterSchema).map((facts) => {
    const field = schemaField(facts, (name) => label(`page.${name}`), PAGE_WIDGETS);
    // A header link, its place and the translation marker belong to each language's page.
    field.i18n = true;
    return field;
  });
  fields.push({ name: "body", label: label("page.body"), widget: "markdown", i18n: true });
  return {
    ...markdownFolder("pages", label("collections.pages"), label("collections.page"), toPosix(PAGES_DIR)),
    sortable_fields: ["nav", "title"],
    fields,
  };
}

/** What releases and pages have in common: a folder of Markdown files, one per entry, in every language. */
function markdownFolder(
  name: string,
  label: string,
  singular: string,
  folder: string,
): Record<string, unknown> {
  return {
    name,
    label,
    label_singular: singular,
    folder,
    extension: "md",
    format: "frontmatter",
    create: true,
    i18n: true,
    identifier_field: "title",
    slug: "{{slug}}",
    summary: "{{title}}",
  };
}

/** One form field from what the schema says about it; `widgets` names the fields whose widget is not the type's. */
function schemaField(
  facts: SchemaFieldFacts,
  labelOf: (name: string) => string,
  widgets: Readonly<Record<string, string>>,
): CmsField {
  const field: CmsField = {
    name: facts.name,
    label: labelOf(facts.name),
    widget: widgets[facts.name] ?? "string",
    required: facts.required,
  };
  if (facts.hint) field.hint = facts.hint;
  if (facts.pattern) field.pattern = facts.pattern;
  if (facts.kind === "number") {
    field.widget = "number";
    field.value_type = facts.integer ? "int" : "float";
    if (facts.min !== undefined) field.min = facts.min;
  } else if (facts.kind === "boolean") {
    field.widget = "boolean";
    field.default = false;
  } else if (facts.kind === "list") {
    field.widget = "list";
  } else if (facts.kind === "object-list") {
    field.widget = "list";
    field.collapsed = false;
    field.fields = (facts.itemFields ?? []).map((item) => {
      const sub = schemaField(item, labelOf, widgets);
      if (sub.widget === "file") sub.media_library = { config: { multiple: false } };
      return sub;
    });
  } else if (facts.kind === "map") {
    // Keys of the writer's own: Decap has no form for free keys; kept as written.
    field.widget = "hidden";
  }
  return field;
}

/** Company texts written as paragraphs rather than one line. */
const LONG_COMPANY_TEXTS = new Set(["about", "caption"]);

/**
 * The company records (lib/content/companies.ts), a form field for each key
 * of the company schema: texts per language side by side, the logo stored
 * beside the company file and press-kit files in the company's own folder,
 * as the build looks for them.
 */
function companiesCollection(input: CmsConfigInput): Record<string, unknown> {
  const label = labels(input);
  const source = input.registry.source.code;
  const labelOf = (name: string) => label(`company.${name}`);
  const contactFields = objectFieldFacts(contactSchema).map((facts) =>
    schemaField(facts, (name) => label(name === "name" ? "company.contactName" : `company.${name}`), {}),
  );
  // Keyed by locale code: one field per language of the registry. Only the
  // name is required, and only in the source language (readCompanies).
  const perLocale = (facts: SchemaFieldFacts): CmsField => ({
    name: facts.name,
    label: labelOf(facts.name),
    widget: "object",
    required: facts.required,
    fields: input.registry.all.map(
      (l): CmsField =>
        facts.name === "contacts"
          ? {
              name: l.code,
              label: l.label,
              widget: "list",
              required: false,
              summary: "{{fields.name}}",
              fields: contactFields,
            }
          : {
              name: l.code,
              label: l.label,
              widget: LONG_COMPANY_TEXTS.has(facts.name) ? "text" : "string",
              required: facts.name === "name" && l.code === source,
            },
    ),
  });
  const companyField = (facts: SchemaFieldFacts): CmsField => {
    if (facts.kind === "map") return perLocale(facts);
    const field = schemaField(facts, labelOf, COMPANY_WIDGETS);
    if (facts.kind === "object-list") field.fields = (facts.itemFields ?? []).map(companyField);
    if (facts.name === "logo") field.hint = label("company.logoHint");
    if (field.widget === "file") {
      // Press-kit files live in _data/companies/<key>/, <key> being the company file's name.
      field.media_folder = "{{filename}}";
      field.public_folder = "";
      field.media_library = { config: { multiple: false } };
      field.hint = [field.hint, label("company.fileHint")].filter(Boolean).join(". ");
    }
    return field;
  };
  return {
    name: "companies",
    label: label("collections.companies"),
    label_singular: label("collections.company"),
    folder: toPosix(COMPANIES_DIR),
    extension: "json",
    format: JSON_FORMAT,
    // A new company is a new file named by its key: add it in the project (see the README).
    create: false,
    identifier_field: `name.${source}`,
    summary: `{{name.${source}}}`,
    // The logo is stored beside the company file, where the build looks for it.
    media_folder: "",
    public_folder: "",
    fields: objectFieldFacts(companySchema).map(companyField),
  };
}

function bundlesCollection(input: CmsConfigInput): Record<string, unknown> {
  const label = labels(input);
  const source = input.bundles.get(input.registry.source.code) ?? {};
  return {
    name: "interface",
    label: label("collections.interface"),
    format: BUNDLE_FORMAT,
    extension: "json",
    editor: { preview: false },
    files: input.registry.all.map((locale) => ({
      name: locale.code,
      label: locale.label,
      file: `locales/${locale.code}/translation.json`,
      fields: bundleFields(source, locale, label),
    })),
  };
}

/**
 * The form of one locale's bundle: the source bundle's groups and keys, in
 * its order, with the plural forms this language needs; each field shows the
 * source text, its placeholders and, for a plural, which form it is.
 */
export function bundleFields(
  source: Bundle,
  locale: Locale,
  label: (key: string, options?: Record<string, string>) => string,
): CmsField[] {
  const fields: CmsField[] = [];
  const done = new Set<string>();
  for (const [key, value] of Object.entries(source)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      fields.push({
        name: key,
        label: key,
        widget: "object",
        collapsed: true,
        fields: bundleFields(value as Bundle, locale, label),
      });
      continue;
    }
    if (typeof value !== "string") continue;
    const plural = splitPluralKey(key);
    if (!plural) {
      fields.push(stringField(key, value, label));
      continue;
    }
    const group = `${plural.base}${plural.ordinal ? "_ordinal" : ""}`;
    if (done.has(group)) continue;
    done.add(group);
    const categories = pluralCategories(locale.i18nextLanguage, plural.ordinal);
    const sourceText = (category: string) =>
      (source[`${group}_${category}`] as string | undefined) ??
      (source[`${group}_other`] as string | undefined) ??
      value;
    for (const category of categories) {
      const field = stringField(`${group}_${category}`, sourceText(category), label);
      field.hint = `${field.hint}\n${label("bundle.plural", { category, categories: categories.join(", ") })}`;
      fields.push(field);
    }
  }
  return fields;
}

function stringField(
  key: string,
  english: string,
  label: (key: string, options?: Record<string, string>) => string,
): CmsField {
  const lines = [label("bundle.source", { text: english })];
  const variables = [...interpolationVariables(english)];
  if (variables.length > 0) {
    lines.push(label("bundle.placeholders", { placeholders: variables.map((v) => `{{${v}}}`).join(" ") }));
  }
  return { name: key, label: key, widget: "string", hint: lines.join("\n") };
}

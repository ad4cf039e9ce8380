// What translators translate besides the bundles, checked per language for
// `npm run check:i18n` and the status report (scripts/check-i18n.ts,
// lib/i18n/translation-status.ts): company texts a language lacks, and
// translations whose `company:` or `tags:` differ from their source release.
// Each content kind is one function returning notes of the same shape, so
// another kind (static pages) is one more function beside these.
import type { Companies } from "../content/companies.ts";
import type { LocaleRegistry } from "./locales.ts";

/** One thing a translation lacks or does differently, naming file and field. */
export interface ContentNote {
  /** The language whose translation it concerns. */
  locale: string;
  file: string;
  field: string;
  message: string;
}

/**
 * Company texts (name, About text, media contacts) a language lacks where
 * the source language has them: the pages show the source language's, and
 * for contacts the source language's people.
 */
export function missingCompanyTexts(companies: Companies, registry: LocaleRegistry): ContentNote[] {
  const source = registry.source.code;
  const notes: ContentNote[] = [];
  for (const company of companies.values()) {
    for (const locale of registry.all) {
      if (locale.code === source) continue;
      const note = (field: string, what: string) =>
        notes.push({
          locale: locale.code,
          file: company.file,
          field: `${field}.${locale.code}`,
          message: `missing: the ${locale.code} pages show the ${source} ${what}; add "${locale.code}" beside "${source}" in "${field}"`,
        });
      if (company.name[locale.code] === undefined) note("name", "name");
      if (company.about[source] !== undefined && company.about[locale.code] === undefined) {
        note("about", "About text");
      }
      if (company.contacts[source] !== undefined && company.contacts[locale.code] === undefined) {
        note("contacts", "media contacts");
      }
    }
  }
  return notes;
}

/** A release as this check needs it. */
export interface TranslatedRelease {
  file: string;
  locale: string;
  translationKey: string;
  company: string | undefined;
  tags: readonly string[];
}

const shown = (tags: readonly string[]) => `[${tags.join(", ")}]`;

/**
 * Translations whose `company:` or `tags:` differ from their source
 * release's. Both are keys: a translated value makes its own tag or company
 * page and loses the company's About text and contacts.
 */
export function releaseKeyDifferences(
  releases: readonly TranslatedRelease[],
  registry: LocaleRegistry,
): ContentNote[] {
  const sourceCode = registry.source.code;
  const sources = new Map(releases.filter((r) => r.locale === sourceCode).map((r) => [r.translationKey, r]));
  const notes: ContentNote[] = [];
  for (const release of releases) {
    const source = release.locale === sourceCode ? undefined : sources.get(release.translationKey);
    if (!source) continue;
    if ((release.company ?? "") !== (source.company ?? "")) {
      notes.push({
        locale: release.locale,
        file: release.file,
        field: "company",
        message: `"${release.company ?? ""}" differs from ${source.file} ("${source.company ?? ""}"): keep the source's value; it is a key, and the site shows the company's name in each language`,
      });
    }
    const same =
      release.tags.length === source.tags.length && release.tags.every((tag) => source.tags.includes(tag));
    if (!same) {
      notes.push({
        locale: release.locale,
        file: release.file,
        field: "tags",
        message: `${shown(release.tags)} differs from ${source.file} (${shown(source.tags)}): keep the source's tags; they are keys, and their labels come from the bundles`,
      });
    }
  }
  return notes;
}

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Company } from "../../lib/content/companies.ts";
import { parseReleaseTime } from "../../lib/content/dates.ts";
import type { Release } from "../../lib/content/load.ts";
import type { StaticPage } from "../../lib/content/pages.ts";
import { ProblemsError } from "../../lib/content/problems.ts";
import { parseRegistry } from "../../lib/i18n/locales.ts";
import { tempFolder } from "./temp-folders.ts";

/** A bare folder with the given files, for unit tests of loaders. */
export function tempProject(files: Record<string, string>): string {
  const root = tempFolder("pressroom-unit-");
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  mkdirSync(path.join(root, "src", "releases"), { recursive: true });
  return root;
}

export const testRegistry = parseRegistry({
  sourceLocale: "en",
  locales: [
    { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English" },
    { code: "zh", htmlLang: "zh-CN", i18nextLanguage: "zh-CN", luxonLocale: "zh-CN", label: "简体中文" },
  ],
});

/** The problems `load` throws, one "file | field | message" line each; fails when it throws none. */
export function problemsThrownBy(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ProblemsError)
      return error.problems.map((p) => `${p.file} | ${p.field ?? ""} | ${p.message}`);
    throw error;
  }
  throw new Error("expected problems");
}

/** A published release as the loader returns it, for view tests; `extra` overrides any field. */
export function testRelease(
  locale: string,
  slug: string,
  releaseTime: string,
  extra: Partial<Release> = {},
): Release {
  const time = parseReleaseTime(releaseTime, "Asia/Shanghai");
  if (!time) throw new Error(`bad time ${releaseTime}`);
  return {
    file: `src/releases/${locale}/${slug}.md`,
    locale,
    slug,
    translationKey: slug,
    title: `${locale} ${slug}`,
    summary: undefined,
    company: undefined,
    location: undefined,
    tags: [],
    time,
    updated: undefined,
    correction: undefined,
    status: "published",
    body: `# ${slug}`,
    attachments: [],
    ...extra,
  };
}

/** A static page as the loader returns it, for view tests; `extra` overrides any field. */
export function testPage(locale: string, slug: string, extra: Partial<StaticPage> = {}): StaticPage {
  return {
    file: `src/pages/${locale}/${slug}.md`,
    locale,
    slug,
    translationKey: slug,
    title: `${locale} ${slug}`,
    description: undefined,
    nav: undefined,
    sourceHash: undefined,
    body: `Text of ${slug}.`,
    ...extra,
  };
}

/** A company record as the loader returns it, for view and check tests; `extra` overrides any field. */
export function testCompany(key: string, extra: Partial<Company> = {}): Company {
  return {
    key,
    file: `_data/companies/${key}.json`,
    name: { en: key },
    about: {},
    contacts: {},
    pressKit: [],
    url: undefined,
    logo: undefined,
    ...extra,
  };
}

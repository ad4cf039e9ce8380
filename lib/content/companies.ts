// Companies that issue releases: localized name, "About" boilerplate, media
// contacts, web address and logo, one JSON file each in
// _data/companies/<key>.json (the logo a file beside it).
// A release's `company` that looks like a key (lowercase, digits, hyphens)
// must name one of these files; anything else is shown as written.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { LocaleRegistry } from "../i18n/locales.ts";
import { readJsonFileInto } from "../i18n/locales.ts";
import { type Attachment, resolveAttachment } from "./media.ts";
import { type Problem, ProblemsError, problemsFromZod } from "./problems.ts";
import { type ContentFolder, contentFolder, isInside, resolveInside, toPosix } from "./read-text.ts";

export const COMPANIES_DIR = path.join("_data", "companies");

const localized = z.record(z.string(), z.string().trim().min(1));

export const contactSchema = z.strictObject({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(1).optional(),
});

const pressKitSchema = z.strictObject({
  file: z.string({ error: "expected a file name in the company's folder, e.g. logo.png" }).trim().min(1),
  title: localized.optional(),
  caption: localized.optional(),
});
/** Formats a logo may be given in; an SVG is drawn as PNG, never published as it is. */
export const LOGO_TYPES = ["svg", "png", "jpg", "jpeg", "webp"] as const;

/** A company record; the editor's company form is generated from it (lib/cms/config.ts). */
export const companySchema = z.strictObject({
  name: localized,
  about: localized.optional(),
  contacts: z.record(z.string(), z.array(contactSchema)).optional(),
  /** Logos, executive photos, fact sheets: files in _data/companies/<key>/. */
  pressKit: z
    .array(pressKitSchema, {
      error: 'expected a list of files, e.g. [{ "file": "logo.png", "title": { "en": "Logo" } }]',
    })
    .optional(),
  url: z
    .url({
      protocol: /^https?$/,
      message: "expected an absolute http(s) address like https://www.example.com/",
    })
    .optional(),
  logo: z
    .string({ message: "expected the name of an image file beside the company file, like lumora.svg" })
    .trim()
    .min(1, "expected the name of an image file beside the company file, like lumora.svg")
    .optional(),
});

export type Contact = z.infer<typeof contactSchema>;

/** A press-kit file, found and checked, with its title and caption per locale. */
export interface PressKitFile {
  attachment: Attachment;
  title: Record<string, string>;
  caption: Record<string, string>;
}

export interface Company {
  key: string;
  file: string;
  name: Record<string, string>;
  about: Record<string, string>;
  contacts: Record<string, Contact[]>;
  pressKit: PressKitFile[];
  /** The company's own site. */
  url: string | undefined;
  /** The logo file (real path inside _data/companies/) and its project-relative name, for messages. */
  logo: { source: string; file: string } | undefined;
}

/** What a release page shows about its company in one locale. */
export interface CompanyView {
  name: string;
  about: string | undefined;
  contacts: Contact[];
  /** The locale the about text and contacts are shown in: the source locale's when this one has none. */
  aboutLocale: string | undefined;
  contactsLocale: string | undefined;
}

export type Companies = ReadonlyMap<string, Company>;

export interface ReadCompanies {
  companies: Map<string, Company>;
  /** Every company file's key, the invalid ones' too: a release naming one is not told it does not exist. */
  keys: Set<string>;
  problems: Problem[];
}

/** Reads every company file, collecting the problems of all of them. */
export function readCompanies(rootDir: string, registry: LocaleRegistry): ReadCompanies {
  const folder = contentFolder(rootDir, COMPANIES_DIR);
  const companies = new Map<string, Company>();
  const problems: Problem[] = [];
  const keys = new Set<string>();
  if (!existsSync(folder.dir)) return { companies, keys, problems };
  const codes = new Set(registry.all.map((l) => l.code));
  for (const name of readdirSync(folder.dir).sort()) {
    if (!name.endsWith(".json")) continue;
    const key = name.slice(0, -".json".length);
    keys.add(key);
    const file = `${folder.name}/${name}`;
    const raw = readJsonFileInto(problems, path.join(folder.dir, name), file, folder);
    if (raw === undefined) continue;
    const parsed = companySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, parsed.error.issues));
      continue;
    }
    const data = parsed.data;
    const pressKitTexts = (data.pressKit ?? []).flatMap((entry, i) => [
      [`pressKit.${i}.title`, entry.title ?? {}] as const,
      [`pressKit.${i}.caption`, entry.caption ?? {}] as const,
    ]);
    for (const [field, record] of [
      ["name", data.name] as const,
      ["about", data.about ?? {}] as const,
      ["contacts", data.contacts ?? {}] as const,
      ...pressKitTexts,
    ]) {
      for (const code of Object.keys(record)) {
        if (!codes.has(code)) {
          problems.push({
            file,
            field: `${field}.${code}`,
            message: `"${code}" is not a locale in locales/registry.json`,
          });
        }
      }
    }
    if (!data.name[registry.source.code]) {
      problems.push({
        file,
        field: `name.${registry.source.code}`,
        message: "required: the name in the source locale",
      });
    }
    const logo = data.logo === undefined ? undefined : resolveLogo(data.logo, file, folder);
    if (typeof logo === "string") problems.push({ file, field: "logo", message: logo });
    companies.set(key, {
      key,
      file,
      name: data.name,
      about: data.about ?? {},
      contacts: data.contacts ?? {},
      pressKit: readPressKit(rootDir, key, file, data.pressKit ?? [], problems),
      url: data.url,
      logo: typeof logo === "string" ? undefined : logo,
    });
  }
  return { companies, keys, problems };
}

/** Finds each press-kit file in _data/companies/<key>/, as a release's media kit is found beside it. */
function readPressKit(
  rootDir: string,
  key: string,
  file: string,
  entries: readonly z.infer<typeof pressKitSchema>[],
  problems: Problem[],
): PressKitFile[] {
  if (entries.length === 0) return [];
  let folder: ReturnType<typeof contentFolder>;
  try {
    folder = contentFolder(rootDir, path.join(COMPANIES_DIR, key));
  } catch (error) {
    if (!(error instanceof ProblemsError)) throw error;
    problems.push(
      ...error.problems.map((p) => ({ ...p, file, field: "pressKit", message: `${p.file} ${p.message}` })),
    );
    return [];
  }
  const files: PressKitFile[] = [];
  entries.forEach((entry, i) => {
    const field = `pressKit.${i}.file`;
    const found = resolveAttachment(entry.file, file, rootDir, folder, {
      fromDir: folder.dir,
      hint: `store press-kit files in ${folder.name}/`,
    });
    if (typeof found === "string") problems.push({ file, field, message: found });
    else if (files.some((f) => f.attachment.name === found.name))
      problems.push({ file, field, message: `two press-kit files are named "${found.name}"` });
    else files.push({ attachment: found, title: entry.title ?? {}, caption: entry.caption ?? {} });
  });
  return files;
}

/** The logo file a company record names, or why it cannot be used. */
function resolveLogo(
  name: string,
  file: string,
  folder: ContentFolder,
): { source: string; file: string } | string {
  const listed = path.resolve(folder.dir, name);
  const shown = `${folder.name}/${toPosix(path.relative(folder.dir, listed))}`;
  if (!isInside(listed, folder.dir) || listed === folder.dir) {
    return `"${name}" is outside ${folder.name}/; store the logo beside ${file}`;
  }
  const resolved = resolveInside(listed, folder);
  if ("problem" in resolved) {
    return resolved.link ? `"${name}" ${resolved.problem}` : `"${name}" not found (looked for ${shown})`;
  }
  if (!statSync(resolved.real).isFile()) return `"${name}" is a folder; expected an image file`;
  const type = path.extname(resolved.real).slice(1).toLowerCase();
  if (!(LOGO_TYPES as readonly string[]).includes(type)) {
    return `"${name}" is not an image type a logo may be (${LOGO_TYPES.join(", ")})`;
  }
  return { source: resolved.real, file: shown };
}

/** The company records; throws a ProblemsError listing every problem in them. */
export function loadCompanies(rootDir: string, registry: LocaleRegistry): Companies {
  const { companies, problems } = readCompanies(rootDir, registry);
  if (problems.length > 0) throw new ProblemsError("Problems in company data; nothing was built.", problems);
  return companies;
}

/**
 * The company as shown in one locale. Falls back to the source locale's text
 * (reporting it) rather than leaving the reader with nothing.
 */
export function companyView(
  company: Company,
  localeCode: string,
  sourceCode: string,
  onFallback: (field: string) => void,
): CompanyView {
  const pick = (record: Record<string, string>, field: string): string | undefined => {
    const own = record[localeCode];
    if (own !== undefined) return own;
    const source = record[sourceCode];
    if (source !== undefined) onFallback(field);
    return source;
  };
  const localeOf = (record: Record<string, unknown>) =>
    record[localeCode] !== undefined ? localeCode : record[sourceCode] !== undefined ? sourceCode : undefined;
  const ownContacts = company.contacts[localeCode];
  const sourceContacts = company.contacts[sourceCode];
  if (ownContacts === undefined && sourceContacts !== undefined) onFallback("contacts");
  return {
    name: pick(company.name, "name") ?? company.key,
    about: pick(company.about, "about"),
    contacts: ownContacts ?? sourceContacts ?? [],
    aboutLocale: localeOf(company.about),
    contactsLocale: localeOf(company.contacts),
  };
}

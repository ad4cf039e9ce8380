// Companies that issue releases: localized name, "About" boilerplate and
// media contacts, one JSON file each in _data/companies/<key>.json.
// A release's `company` that looks like a key (lowercase, digits, hyphens)
// must name one of these files; anything else is shown as written.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { LocaleRegistry } from "../i18n/locales.ts";
import { readJsonFileInto } from "../i18n/locales.ts";
import { type Problem, ProblemsError, problemsFromZod } from "./problems.ts";
import { contentFolder } from "./read-text.ts";

const COMPANIES_DIR = path.join("_data", "companies");

const localized = z.record(z.string(), z.string().trim().min(1));

const contactSchema = z.strictObject({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(1).optional(),
});

const companySchema = z.strictObject({
  name: localized,
  about: localized.optional(),
  contacts: z.record(z.string(), z.array(contactSchema)).optional(),
});

type Contact = z.infer<typeof contactSchema>;

export interface Company {
  key: string;
  file: string;
  name: Record<string, string>;
  about: Record<string, string>;
  contacts: Record<string, Contact[]>;
}

/** What a release page shows about its company in one locale. */
export interface CompanyView {
  name: string;
  about: string | undefined;
  contacts: Contact[];
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
    for (const [field, record] of Object.entries({
      name: data.name,
      about: data.about ?? {},
      contacts: data.contacts ?? {},
    })) {
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
    companies.set(key, {
      key,
      file,
      name: data.name,
      about: data.about ?? {},
      contacts: data.contacts ?? {},
    });
  }
  return { companies, keys, problems };
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
  return {
    name: pick(company.name, "name") ?? company.key,
    about: pick(company.about, "about"),
    contacts: company.contacts[localeCode] ?? company.contacts[sourceCode] ?? [],
  };
}

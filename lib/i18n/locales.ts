// The locale registry: the one place a language is defined.
// Data lives in locales/registry.json so adding a language needs no code;
// <html lang>, i18next, Luxon, URLs and Pagefind all read from here.
import path from "node:path";
import { z } from "zod";
import { type Problem, ProblemsError, problemsFromZod } from "../content/problems.ts";
import { type ContentFolder, contentFolder, readTextFile, toPosix } from "../content/read-text.ts";
import { describeJsonError } from "./json-text.ts";

const localeSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/, "a lowercase code such as en, zh or zh-hant"),
  urlSegment: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  htmlLang: z.string().min(2),
  i18nextLanguage: z.string().min(2),
  luxonLocale: z.string().min(2),
  label: z.string().min(1),
  /** Only where htmlLang's likely territory is not the one meant (pt → pt_BR, but a site for Portugal wants pt_PT). */
  ogLocale: z
    .string()
    .regex(/^[a-z]{2,3}_[A-Z]{2}$/, "Open Graph's language_TERRITORY, such as en_GB or zh_TW")
    .optional(),
  dir: z.enum(["ltr", "rtl"]).default("ltr"),
  sameAsSource: z.array(z.string().min(1)).default([]),
});

const registrySchema = z.strictObject({
  sourceLocale: z.string(),
  locales: z.array(localeSchema).min(1),
});

export interface Locale {
  /** Folder name under locales/ and src/releases/. */
  code: string;
  /** First path segment of every page in this language. */
  urlSegment: string;
  /** Value of <html lang>; Pagefind builds one index per distinct value. */
  htmlLang: string;
  i18nextLanguage: string;
  luxonLocale: string;
  /** The language's name in itself, shown in switchers. */
  label: string;
  /** Open Graph's language_TERRITORY (og:locale): the registry's, or htmlLang's likely one. */
  ogLocale: string;
  dir: "ltr" | "rtl";
  /**
   * Bundle keys whose text is rightly the same as the source language's (a
   * brand name): `npm run check:i18n` does not warn that they look untranslated.
   */
  sameAsSource: readonly string[];
}

/**
 * Open Graph's form of a language tag: language_TERRITORY, the territory
 * being the tag's own or, when it names none, the one Unicode's
 * likely-subtags data gives it (en → en_US, zh-CN → zh_CN, ja → ja_JP).
 */
export function openGraphLocale(htmlLang: string): string | undefined {
  try {
    const likely = new Intl.Locale(htmlLang).maximize();
    return likely.region ? `${likely.language}_${likely.region}` : undefined;
  } catch {
    return undefined;
  }
}

export interface LocaleRegistry {
  source: Locale;
  all: readonly Locale[];
  get(code: string): Locale | undefined;
}

/** The content folder of the registry and the bundles. */
export const LOCALES_DIR = "locales";

export const REGISTRY_FILE = path.join(LOCALES_DIR, "registry.json");

/** A mistake in the registry is a content problem, reported like one, not a crash. */
function registryProblems(problems: Problem[]): ProblemsError {
  return new ProblemsError("A problem in the locale registry; nothing was built.", problems);
}

export function parseRegistry(raw: unknown, file = REGISTRY_FILE): LocaleRegistry {
  const parsed = registrySchema.safeParse(raw);
  if (!parsed.success) {
    throw registryProblems(problemsFromZod(file, parsed.error.issues));
  }
  const problems: Problem[] = [];
  const all: Locale[] = parsed.data.locales.map((l, index) => {
    const ogLocale = l.ogLocale ?? openGraphLocale(l.htmlLang);
    if (!ogLocale) {
      problems.push({
        file,
        field: `locales.${index}.htmlLang`,
        message: `"${l.htmlLang}" is not a language tag with a known territory; fix it, or add ogLocale (e.g. "en_US") to this locale`,
      });
    }
    return { ...l, urlSegment: l.urlSegment ?? l.code, ogLocale: ogLocale ?? "" };
  });
  if (problems.length > 0) throw registryProblems(problems);
  const byCode = new Map(all.map((l) => [l.code, l]));
  if (byCode.size !== all.length) {
    throw registryProblems([{ file, field: "locales", message: "each code may appear once" }]);
  }
  const segments = new Set(all.map((l) => l.urlSegment));
  if (segments.size !== all.length) {
    throw registryProblems([{ file, field: "locales", message: "each urlSegment may appear once" }]);
  }
  const source = byCode.get(parsed.data.sourceLocale);
  if (!source) {
    throw registryProblems([
      {
        file,
        field: "sourceLocale",
        message: `"${parsed.data.sourceLocale}" is not one of the listed codes (${[...byCode.keys()].join(", ")})`,
      },
    ]);
  }
  return { source, all, get: (code) => byCode.get(code) };
}

export function loadRegistry(rootDir: string): LocaleRegistry {
  const file = path.join(rootDir, REGISTRY_FILE);
  const problems: Problem[] = [];
  const raw = readJsonFileInto(problems, file, toPosix(REGISTRY_FILE), contentFolder(rootDir, LOCALES_DIR));
  if (raw === undefined) throw registryProblems(problems);
  return parseRegistry(raw, toPosix(REGISTRY_FILE));
}

/**
 * Reads and parses a JSON file found in a content folder (lib/content/read-text.ts:
 * inside the folder, UTF-8), naming the file, line and column of a syntax
 * error. `name` is how messages call the file: project-relative, the same on
 * every machine.
 */
export function readJsonFile(file: string, name: string, folder: ContentFolder): unknown {
  return parseJsonText(readTextFile(file, name, folder), name);
}

/**
 * readJsonFile for a loader that reports every file's problems at once: a
 * file that cannot be read or parsed adds its problems and gives undefined.
 */
export function readJsonFileInto(
  problems: Problem[],
  file: string,
  name: string,
  folder: ContentFolder,
): unknown | undefined {
  try {
    return readJsonFile(file, name, folder);
  } catch (error) {
    if (error instanceof ProblemsError) problems.push(...error.problems);
    else if (error instanceof JsonSyntaxError) problems.push({ file: error.location, message: error.reason });
    else throw error;
    return undefined;
  }
}

/** Invalid JSON, located as `file:line:column` when the parser says where. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
    this.name = "JsonSyntaxError";
  }
}

export function parseJsonText(text: string, file: string): unknown {
  // A byte order mark is invisible in an editor; JSON.parse would refuse it.
  const json = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (error) {
    // JSON.parse's message names a character offset and the token it
    // stumbled on, often a line after the mistake; describeJsonError says
    // where the mistake is and how to fix it.
    const mistake = describeJsonError(json);
    if (mistake) {
      throw new JsonSyntaxError(
        `${file}:${mistake.line}:${mistake.column}`,
        `invalid JSON: ${mistake.message}`,
      );
    }
    throw new JsonSyntaxError(
      file,
      `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

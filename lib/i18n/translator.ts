// Interface strings: one i18next bundle per locale (JSON v4, the format
// translation tools import), read from locales/<code>/translation.json.
// A string missing from a translation falls back to the source locale and is
// reported once, so translators learn about it from the build, not the page.
import { existsSync } from "node:fs";
import path from "node:path";
import i18next, { type i18n as I18nInstance, type TOptions } from "i18next";
import { type Problem, ProblemsError } from "../content/problems.ts";
import { contentFolder, toPosix } from "../content/read-text.ts";
import { LOCALES_DIR, type LocaleRegistry, readJsonFileInto } from "./locales.ts";

export type Bundle = Record<string, unknown>;

// i18next JSON v4 plural keys end in a CLDR category (home.count_one,
// home.count_other; place_ordinal_two for ordinals), and a language needs
// the categories its CLDR rules have: English "one" and "other", Chinese only
// "other". The translator and `npm run check:i18n` both read them from here.
const CATEGORY_ORDER = ["zero", "one", "two", "few", "many", "other"];
const PLURAL_KEY = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

export interface PluralKey {
  /** The key a template passes to t with a count (home.count). */
  base: string;
  ordinal: boolean;
  category: string;
}

export function splitPluralKey(key: string): PluralKey | undefined {
  const match = PLURAL_KEY.exec(key);
  if (!match?.[1] || !match[3]) return undefined;
  return { base: match[1], ordinal: match[2] !== undefined, category: match[3] };
}

/** The CLDR plural categories of a language, in the usual order (one before other). */
export function pluralCategories(language: string, ordinal = false): string[] {
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(language, { type: ordinal ? "ordinal" : "cardinal" });
  } catch {
    // Not a well-formed language tag ("zh_CN"): npm run check:i18n says so
    // (checkLocaleSupport); until then the one form every language has.
    return ["other"];
  }
  const categories = rules.resolvedOptions().pluralCategories;
  return [...categories].sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
}

export function bundlePath(code: string): string {
  return path.join("locales", code, "translation.json");
}

/** Every bundle of the registry; throws a ProblemsError naming each one that cannot be read. */
export function loadBundles(rootDir: string, registry: LocaleRegistry): Map<string, Bundle> {
  const folder = contentFolder(rootDir, LOCALES_DIR);
  const bundles = new Map<string, Bundle>();
  const problems: Problem[] = [];
  for (const locale of registry.all) {
    const relative = toPosix(bundlePath(locale.code));
    const file = path.join(rootDir, relative);
    if (!existsSync(file)) {
      problems.push({
        file: relative,
        message: `missing bundle for locale "${locale.code}" listed in locales/registry.json`,
      });
      continue;
    }
    const parsed = readJsonFileInto(problems, file, relative, folder);
    if (parsed === undefined) continue;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      problems.push({ file: relative, message: "expected a JSON object of interface strings" });
      continue;
    }
    bundles.set(locale.code, parsed as Bundle);
  }
  if (problems.length > 0)
    throw new ProblemsError("Problems in locale bundles; nothing was built.", problems);
  return bundles;
}

export interface FallbackNotice {
  locale: string;
  key: string;
}

/** The build's line for a string shown in the source language. */
export function fallbackWarning({ locale, key }: FallbackNotice): string {
  return `[pressroom] warning: ${bundlePath(locale)}: ${key}: missing, shown in the source language`;
}

export function companyFallbackWarning(notice: { file: string; field: string; locale: string }): string {
  return `[pressroom] warning: ${notice.file}: ${notice.field}.${notice.locale}: missing, shown in the source language`;
}

export interface Translator {
  /** Translates key for a locale code; throws for a key the source bundle lacks. */
  t(localeCode: string, key: string, options?: TOptions): string;
  /** Like t, but undefined when the source bundle has no such key (for optional labels). */
  optional(localeCode: string, key: string): string | undefined;
  /**
   * The raw strings under a prefix (e.g. "search"), flattened, for code that
   * runs in the browser; keys missing in the locale fall back and are reported.
   */
  strings(localeCode: string, prefix: string): Record<string, string>;
  /**
   * A string whose placeholders stand for markup (a link, a bold name): the
   * translation cut at each of `values`' placeholders, so a template can wrap
   * those parts while the words and punctuation around them stay the
   * translator's ("{{label}}：{{value}}").
   */
  parts(localeCode: string, key: string, values: Record<string, string>): PatternPart[];
  /** Fallbacks seen so far, each once. */
  readonly fallbacks: readonly FallbackNotice[];
}

/** Text of a pattern, or the value of one of its placeholders (`slot` names it). */
export interface PatternPart {
  text: string;
  slot?: string;
}

// Marks a placeholder's place in a translated pattern; no bundle text contains it.
const SLOT = "\u0000";

/** Cuts a pattern translated with every value as SLOT+name+SLOT back into its parts. */
export function splitPattern(translated: string, values: Record<string, string>): PatternPart[] {
  return translated
    .split(SLOT)
    .map((piece, index): PatternPart => {
      if (index % 2 === 0) return { text: piece };
      return { text: values[piece] ?? "", slot: piece };
    })
    .filter((part) => part.slot !== undefined || part.text !== "");
}

export function createTranslator(
  registry: LocaleRegistry,
  bundles: Map<string, Bundle>,
  onFallback: (notice: FallbackNotice) => void = () => {},
): Translator {
  const instance: I18nInstance = i18next.createInstance();
  const resources = Object.fromEntries(
    registry.all.map((l) => [l.i18nextLanguage, { translation: bundles.get(l.code) ?? {} }]),
  );
  void instance.init({
    initAsync: false,
    resources,
    lng: registry.source.i18nextLanguage,
    fallbackLng: registry.source.i18nextLanguage,
    // Nunjucks escapes the whole string on output; escaping here too would
    // show "&amp;" to readers.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    returnNull: false,
  });

  const fixed = new Map(registry.all.map((l) => [l.code, instance.getFixedT(l.i18nextLanguage)]));
  const seen = new Set<string>();
  const fallbacks: FallbackNotice[] = [];
  const sourceLanguage = registry.source.i18nextLanguage;
  const sourceFile = bundlePath(registry.source.code);
  const memo = new Map<string, string>();
  const existing = new Map<string, boolean>();
  const inSource = new Map<string, boolean>();
  const report = (locale: string, key: string) => {
    const id = `${locale}\u0000${key}`;
    if (seen.has(id) || locale === registry.source.code) return;
    seen.add(id);
    const notice = { locale, key };
    fallbacks.push(notice);
    onFallback(notice);
  };

  const translator: Translator = {
    fallbacks,
    parts(localeCode, key, values) {
      const marked = Object.fromEntries(Object.keys(values).map((name) => [name, `${SLOT}${name}${SLOT}`]));
      return splitPattern(translator.t(localeCode, key, marked), values);
    },
    strings(localeCode, prefix) {
      const locale = registry.get(localeCode);
      if (!locale) throw new Error(`strings("${prefix}"): unknown locale "${localeCode}"`);
      // A language needs only its own plural forms (zh has no "_one").
      const needed = (key: string) => {
        const plural = splitPluralKey(key);
        return !plural || pluralCategories(locale.i18nextLanguage, plural.ordinal).includes(plural.category);
      };
      const own = flatten(lookup(bundles.get(localeCode), prefix));
      const result: Record<string, string> = {};
      for (const [key, value] of flatten(lookup(bundles.get(registry.source.code), prefix))) {
        if (!needed(key)) continue;
        const translated = own.get(key);
        if (!translated) report(localeCode, `${prefix}.${key}`);
        result[key] = translated || value;
      }
      for (const [key, value] of own) {
        if (splitPluralKey(key) && value && !(key in result)) result[key] = value;
      }
      return result;
    },
    optional(localeCode, key) {
      let exists = inSource.get(key);
      if (exists === undefined) {
        exists = instance.exists(key, { lng: sourceLanguage, fallbackLng: [] });
        inSource.set(key, exists);
      }
      return exists ? translator.t(localeCode, key) : undefined;
    },
    t(localeCode, key, options = {}) {
      // Templates ask for the same few strings thousands of times per build.
      const memoKey = `${localeCode}\u0000${key}\u0000${JSON.stringify(options)}`;
      const memoized = memo.get(memoKey);
      if (memoized !== undefined) return memoized;
      const value = translateOnce(localeCode, key, options);
      memo.set(memoKey, value);
      return value;
    },
  };
  function translateOnce(localeCode: string, key: string, options: TOptions): string {
    const locale = registry.get(localeCode);
    const translate = fixed.get(localeCode);
    if (!locale || !translate) {
      throw new Error(`t("${key}"): unknown locale "${localeCode}" (not in locales/registry.json)`);
    }
    if (!exists(key, options, sourceLanguage)) {
      throw new Error(`${sourceFile}: ${key}: used by a template but not defined in the source bundle`);
    }
    if (locale.code !== registry.source.code && !exists(key, options, locale.i18nextLanguage)) {
      report(locale.code, key);
    }
    return translate(key, options) as string;
  }

  /**
   * Whether a language's bundle has the key. Without a count or a context
   * the answer depends on the key alone, and is kept: strings with values
   * (a release's date, its title) are asked for anew on every page.
   */
  function exists(key: string, options: TOptions, lng: string): boolean {
    if (options.count !== undefined || options.context !== undefined) {
      return instance.exists(key, { ...options, lng, fallbackLng: [] });
    }
    const id = `${lng}\u0000${key}`;
    let found = existing.get(id);
    if (found === undefined) {
      found = instance.exists(key, { lng, fallbackLng: [] });
      existing.set(id, found);
    }
    return found;
  }

  return translator;
}

function lookup(bundle: Bundle | undefined, prefix: string): unknown {
  let node: unknown = bundle;
  for (const part of prefix.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

/** Leaf strings of a nested bundle object, keyed by dotted path. */
function flatten(node: unknown, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  if (typeof node === "string") {
    result.set(prefix, node);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) result.set(k, v);
    }
  }
  return result;
}

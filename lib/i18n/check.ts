// The checks behind `npm run check:i18n` (scripts/check-i18n.ts): every
// locale's bundle against the source locale's, and the source bundle against
// the keys that templates and lib/ use, with warnings for likely mistakes that
// leave the pages working (keys written twice, text left as in the source,
// language codes the runtime does not know).
//
// The build and `npm start` run the same checks (assertBundlesBuildable,
// through lib/build/newsroom.ts): an error stops them, a warning is printed.
// Only what shows the source text instead (a missing key or plural form, an
// empty value) is left to the translator's fallback warning, so a
// half-translated language can still be previewed.
//
// Every check is a pure function over file texts, so tests need no files;
// readCheckInput is the only part that touches the disk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../build/output-files.ts";
import { formatProblem, type Problem, ProblemsError } from "../content/problems.ts";
import { contentFolder, readTextFile, toPosix } from "../content/read-text.ts";
import { findDuplicateKeys } from "./json-text.ts";
import {
  JsonSyntaxError,
  LOCALES_DIR,
  type Locale,
  type LocaleRegistry,
  parseJsonText,
  parseRegistry,
  REGISTRY_FILE,
} from "./locales.ts";
import { bundlePath, pluralCategories, splitPluralKey } from "./translator.ts";

type Severity = "error" | "warning";

export interface Finding extends Problem {
  /** Errors fail `npm run check:i18n` (and so `npm test`); warnings are printed only. */
  severity: Severity;
  /**
   * The page shows the source language's text instead (a missing key or
   * plural form, an empty value): the build and `npm start` report these as
   * they happen, as fallbacks, rather than stopping.
   */
  fallsBack?: true;
}

/** `error locales/zh/translation.json: home.count_one: not a plural form of zh-CN (its forms: other)` */
export function formatFinding(finding: Finding): string {
  return `${finding.severity} ${formatProblem(finding)}`;
}

const error = (file: string, field: string | undefined, message: string): Finding => ({
  severity: "error",
  file,
  ...(field === undefined ? {} : { field }),
  message,
});

const warning = (file: string, field: string | undefined, message: string): Finding => ({
  ...error(file, field, message),
  severity: "warning",
});

const fallback = (finding: Finding): Finding => ({ ...finding, fallsBack: true });

/** Project-relative, forward slashes: the path every message names. */
function bundleFile(code: string): string {
  return toPosix(bundlePath(code));
}

// ---------------------------------------------------------------------------
// Reading a bundle

export interface ParsedBundle {
  file: string;
  /** The i18next language, whose CLDR plural rules the bundle must follow. */
  language: string;
  /** Every string, keyed by its dotted path (home.count_one). */
  leaves: Map<string, string>;
  /** Dotted paths of nested objects (home), which hold keys rather than text. */
  groups: Set<string>;
  /** Dotted paths of values that are neither text nor a group (a number, a list, null). */
  notText: Set<string>;
}

/** Turns what parseRegistry or parseJsonText throws into findings. */
function findingsFromThrown(file: string, thrown: unknown): Finding[] {
  if (thrown instanceof ProblemsError) return thrown.problems.map((p) => error(p.file, p.field, p.message));
  if (thrown instanceof JsonSyntaxError) return [error(thrown.location, undefined, thrown.reason)];
  return [error(file, undefined, thrown instanceof Error ? thrown.message : String(thrown))];
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

/** Parses a bundle's text; invalid JSON is reported with file, line and column. */
export function parseBundle(
  text: string,
  file: string,
  language: string,
): { bundle: ParsedBundle | undefined; findings: Finding[] } {
  let raw: unknown;
  try {
    raw = parseJsonText(text, file);
  } catch (thrown) {
    if (!(thrown instanceof JsonSyntaxError)) throw thrown;
    return { bundle: undefined, findings: [error(thrown.location, undefined, thrown.reason)] };
  }
  return bundleFromObject(raw, file, language);
}

/** A bundle already read from JSON (the build reads it in lib/i18n/translator.ts), as parseBundle reads it. */
export function bundleFromObject(
  raw: unknown,
  file: string,
  language: string,
): { bundle: ParsedBundle | undefined; findings: Finding[] } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      bundle: undefined,
      findings: [
        error(file, undefined, 'expected a JSON object of interface strings, e.g. { "home": { … } }'),
      ],
    };
  }
  const findings: Finding[] = [];
  const leaves = new Map<string, string>();
  const groups = new Set<string>();
  const notText = new Set<string>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (typeof value === "string") leaves.set(key, value);
      else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        groups.add(key);
        walk(value as Record<string, unknown>, key);
      } else {
        notText.add(key);
        findings.push(
          error(file, key, `expected text, found ${describeValue(value)}: write the text in quotes`),
        );
      }
    }
  };
  walk(raw as Record<string, unknown>, "");
  return { bundle: { file, language, leaves, groups, notText }, findings };
}

/** Whether a key lies inside one of `keys` (release.time.x inside release.time). */
function under(key: string, keys: ReadonlySet<string> | ReadonlyMap<string, string>): boolean {
  for (let dot = key.lastIndexOf("."); dot > 0; dot = key.lastIndexOf(".", dot - 1)) {
    if (keys.has(key.slice(0, dot))) return true;
  }
  return false;
}

/**
 * A group of keys where the source bundle has text, or text where it has a
 * group: i18next would publish its "returned an object" message, or show
 * the source language for every key inside.
 */
export function checkValueTypes(source: ParsedBundle, target: ParsedBundle): Finding[] {
  const findings: Finding[] = [];
  for (const key of source.leaves.keys()) {
    if (target.groups.has(key) && !under(key, target.leaves)) {
      findings.push(
        error(
          target.file,
          key,
          `expected text, found an object: write the text in quotes, as ${source.file} has it`,
        ),
      );
    }
  }
  for (const key of source.groups) {
    if (target.leaves.has(key) && !under(key, target.leaves)) {
      findings.push(error(target.file, key, `expected a group of keys as in ${source.file}, found text`));
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Plurals: i18next JSON v4 keys end in a CLDR category (home.count_one,
// home.count_other), and a language needs exactly the categories its CLDR
// rules have: English "one" and "other", Chinese and Japanese only "other".
// `_zero` is allowed in any language: i18next uses it for a count of 0.
// Ordinal plurals (place_ordinal_one…) follow the ordinal rules.

interface PluralGroup {
  base: string;
  ordinal: boolean;
  /** category → full key and text */
  forms: Map<string, { key: string; text: string }>;
}

interface SplitLeaves {
  plain: Map<string, string>;
  plurals: Map<string, PluralGroup>;
}

const groupId = (base: string, ordinal: boolean) => (ordinal ? `${base}_ordinal` : base);

function pluralKey(base: string, ordinal: boolean, category: string): string {
  return `${groupId(base, ordinal)}_${category}`;
}

function splitLeaves(leaves: ReadonlyMap<string, string>): SplitLeaves {
  const plain = new Map<string, string>();
  const plurals = new Map<string, PluralGroup>();
  for (const [key, text] of leaves) {
    const plural = splitPluralKey(key);
    if (!plural) {
      plain.set(key, text);
      continue;
    }
    const id = groupId(plural.base, plural.ordinal);
    let group = plurals.get(id);
    if (!group) {
      group = { base: plural.base, ordinal: plural.ordinal, forms: new Map() };
      plurals.set(id, group);
    }
    group.forms.set(plural.category, { key, text });
  }
  return { plain, plurals };
}

function formsOf(language: string, ordinal: boolean): string {
  return `its forms: ${pluralCategories(language, ordinal).join(", ")}`;
}

/** Each plural key of a bundle has exactly the forms its own language needs. */
function checkPluralForms(bundle: ParsedBundle): Finding[] {
  const findings: Finding[] = [];
  for (const group of splitLeaves(bundle.leaves).plurals.values()) {
    const needed = pluralCategories(bundle.language, group.ordinal);
    for (const [category, form] of group.forms) {
      if (!needed.includes(category) && category !== "zero") {
        findings.push(
          error(
            bundle.file,
            form.key,
            `not a plural form of ${bundle.language} (${formsOf(bundle.language, group.ordinal)})`,
          ),
        );
      }
    }
    for (const category of needed) {
      if (!group.forms.has(category)) {
        findings.push(
          fallback(
            error(
              bundle.file,
              pluralKey(group.base, group.ordinal, category),
              `missing plural form "${category}" of ${bundle.language} (${formsOf(bundle.language, group.ordinal)})`,
            ),
          ),
        );
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Interpolation: {{name}}, {{- name}} (unescaped) and {{name, format}}.

const VARIABLE = /\{\{\s*-?\s*([^{},\s]+)\s*(?:,[^}]*)?\}\}/g;

export function interpolationVariables(text: string): Set<string> {
  return new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ""));
}

const list = (names: Iterable<string>) => [...names].map((n) => `{{${n}}}`).join(", ");

function compareVariables(
  file: string,
  key: string,
  text: string,
  required: ReadonlySet<string>,
  allowed: ReadonlySet<string>,
  sourceText: string,
): Finding[] {
  const own = interpolationVariables(text);
  const missing = [...required].filter((v) => !own.has(v));
  const unknown = [...own].filter((v) => !allowed.has(v));
  const findings: Finding[] = [];
  if (missing.length > 0) {
    findings.push(
      error(
        file,
        key,
        `${list(missing)} missing: the source text ${JSON.stringify(sourceText)} has it; keep every {{placeholder}} exactly as written`,
      ),
    );
  }
  if (unknown.length > 0) {
    findings.push(
      error(
        file,
        key,
        `${list(unknown)} not in the source text ${JSON.stringify(sourceText)}: nothing fills it, so readers would see it as typed`,
      ),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------
// A translation against the source bundle

/** i18next treats an empty string as missing (lib/i18n/translator.ts), so a translation shows the source text instead. */
function checkEmptyValues(bundle: ParsedBundle): Finding[] {
  return [...bundle.leaves]
    .filter(([, text]) => text.trim() === "")
    .map(([key]) =>
      fallback(error(bundle.file, key, "empty: write the text; an empty value counts as missing")),
    );
}

/**
 * Missing and extra keys, plural forms the translation's language needs,
 * and placeholders that differ from the source.
 */
export function compareBundles(source: ParsedBundle, target: ParsedBundle): Finding[] {
  const findings: Finding[] = [];
  const from = splitLeaves(source.leaves);
  const to = splitLeaves(target.leaves);
  const file = target.file;

  // A value of the wrong type is reported once, by parseBundle or
  // checkValueTypes, not again as missing text or as keys the source lacks.
  const wrongType = (key: string) =>
    target.groups.has(key) ||
    target.notText.has(key) ||
    under(key, target.leaves) ||
    under(key, target.notText);
  const insideSourceText = (key: string) => under(key, source.leaves);

  for (const [key, sourceText] of from.plain) {
    const text = to.plain.get(key);
    if (text === undefined) {
      if (!wrongType(key)) {
        findings.push(
          fallback(error(file, key, `missing (${source.file} has ${JSON.stringify(sourceText)})`)),
        );
      }
      continue;
    }
    const variables = interpolationVariables(sourceText);
    findings.push(...compareVariables(file, key, text, variables, variables, sourceText));
  }
  for (const key of to.plain.keys()) {
    if (!from.plain.has(key) && !insideSourceText(key) && !source.groups.has(key)) {
      findings.push(error(file, key, `not in ${source.file}: remove it, or check the spelling of the key`));
    }
  }

  for (const [id, group] of from.plurals) {
    const other = group.forms.get("other");
    const allowed = new Set([...group.forms.values()].flatMap((f) => [...interpolationVariables(f.text)]));
    const theirs = to.plurals.get(id);
    if (!theirs) {
      for (const category of pluralCategories(target.language, group.ordinal)) {
        if (wrongType(pluralKey(group.base, group.ordinal, category))) continue;
        const example = group.forms.get(category) ?? other;
        findings.push(
          fallback(
            error(
              file,
              pluralKey(group.base, group.ordinal, category),
              `missing${example ? ` (${source.file} has ${JSON.stringify(example.text)} for ${example.key})` : ""}`,
            ),
          ),
        );
      }
      continue;
    }
    for (const [category, form] of theirs.forms) {
      // Compare with the same form in the source, or with "other" for a form
      // English lacks (Russian "few"). A form for one or two items may spell
      // the number out ("One release"), so only there {{count}} is optional.
      const reference = group.forms.get(category) ?? other;
      if (!reference) continue;
      const required = new Set(interpolationVariables(reference.text));
      if (["zero", "one", "two"].includes(category)) required.delete("count");
      findings.push(...compareVariables(file, form.key, form.text, required, allowed, reference.text));
    }
  }
  for (const [id, group] of to.plurals) {
    if (from.plurals.has(id)) continue;
    for (const form of group.forms.values()) {
      if (insideSourceText(form.key)) continue;
      findings.push(
        error(file, form.key, `not in ${source.file}: remove it, or check the spelling of the key`),
      );
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Likely mistakes that leave the pages working (warnings)

/** A key written twice in one object of a JSON file: JSON keeps the last one, silently. */
export function checkDuplicateKeys(text: string, file: string): Finding[] {
  return findDuplicateKeys(text.replace(/^\uFEFF/, "")).map((duplicate) =>
    warning(
      file,
      duplicate.key,
      `written ${duplicate.lines.length} times (lines ${duplicate.lines.join(", ")}); only the last one is used: keep one and delete the others`,
    ),
  );
}

/**
 * Text identical to the source language's in a translation: most likely
 * copied and not translated yet. Text without letters ("{{count}}", "·") and
 * the keys the registry lists as `sameAsSource` (brand names) are left alone.
 */
export function checkSameAsSource(source: ParsedBundle, target: ParsedBundle, locale: Locale): Finding[] {
  const allowed = new Set(locale.sameAsSource);
  const findings: Finding[] = [];
  for (const [key, text] of target.leaves) {
    const sourceText = source.leaves.get(key);
    if (sourceText === undefined || text !== sourceText || allowed.has(key)) continue;
    if (!/\p{L}/u.test(text.replace(VARIABLE, ""))) continue;
    findings.push(
      warning(
        target.file,
        key,
        `same as ${source.file} (${JSON.stringify(sourceText)}): not translated yet? Translate it; if it is right as it is (a brand name), add "${key}" to "sameAsSource" of "${locale.code}" in ${toPosix(REGISTRY_FILE)}`,
      ),
    );
  }
  return findings;
}

function supported(tag: string, supportedLocalesOf: (tags: string[]) => string[]): boolean {
  try {
    return supportedLocalesOf([tag]).length > 0;
  } catch {
    // Not even a well-formed language tag ("zh_CN").
    return false;
  }
}

const EXAMPLE_TAGS = 'a standard language code such as "ja", "zh-CN" or "pt-BR"';

/**
 * Language codes this Node.js does not know. Luxon formats dates with
 * Intl.DateTimeFormat and i18next picks plural forms with Intl.PluralRules;
 * given a code they do not know, both quietly use another language (dates in
 * English, English plural forms).
 */
export function checkLocaleSupport(registry: LocaleRegistry): Finding[] {
  const file = toPosix(REGISTRY_FILE);
  const findings: Finding[] = [];
  registry.all.forEach((locale, index) => {
    if (!supported(locale.luxonLocale, (t) => Intl.DateTimeFormat.supportedLocalesOf(t))) {
      findings.push(
        warning(
          file,
          `locales[${index}].luxonLocale`,
          `"${locale.luxonLocale}" is not a language dates can be written in, so the ${locale.code} pages show dates in English: use ${EXAMPLE_TAGS}`,
        ),
      );
    }
    if (!i18nextLanguageSupported(locale)) {
      findings.push(
        warning(
          file,
          `locales[${index}].i18nextLanguage`,
          `"${locale.i18nextLanguage}" is not a language whose plural rules are known, so counts in ${toPosix(bundlePath(locale.code))} follow English rules and its plural forms are not checked: use ${EXAMPLE_TAGS}`,
        ),
      );
    }
  });
  return findings;
}

function i18nextLanguageSupported(locale: Locale): boolean {
  return supported(locale.i18nextLanguage, (t) => Intl.PluralRules.supportedLocalesOf(t));
}

// ---------------------------------------------------------------------------
// Keys in use. Templates call the `t` filter with a literal key:
//   {{ "release.time" | t(code) }}     {{ 'nav.main' | t(code) }}
// lib/ looks some up by prefix (tag labels, the search page's strings for the
// browser), so a key under a prefix that lib/ passes is in use too.

export interface SourceText {
  /** Project-relative path. */
  file: string;
  text: string;
}

export interface KeyUse {
  key: string;
  file: string;
  line: number;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

const TEMPLATE_KEY = /(["'])([^"'\n]+)\1\s*\|\s*t\s*\(/g;

export function findTemplateKeys(source: SourceText): KeyUse[] {
  return [...source.text.matchAll(TEMPLATE_KEY)].map((m) => ({
    key: m[2] ?? "",
    file: source.file,
    line: lineAt(source.text, m.index),
  }));
}

// In lib/: the translator's t and optional (and the view's text and pattern) called with a quoted key as the
// second argument, strings with a quoted prefix, and t or optional with a
// template literal that starts with a prefix and a dot, then `${` (a key
// built at run time, such as a tag's label). The comment is worded so that
// this file does not match itself.
const CODE_KEY = /\b(t|optional|strings|text|pattern)\(\s*[^,()]+,\s*(?:(["'])([\w.-]+)\2|`([\w.-]+)\.\$\{)/g;

export function findCodeKeys(source: SourceText): { keys: KeyUse[]; prefixes: KeyUse[] } {
  const keys: KeyUse[] = [];
  const prefixes: KeyUse[] = [];
  for (const m of source.text.matchAll(CODE_KEY)) {
    const line = lineAt(source.text, m.index);
    if (m[4]) prefixes.push({ key: m[4], file: source.file, line });
    else if (m[1] === "strings") prefixes.push({ key: m[3] ?? "", file: source.file, line });
    else keys.push({ key: m[3] ?? "", file: source.file, line });
  }
  return { keys, prefixes };
}

interface KeyUses {
  keys: readonly KeyUse[];
  prefixes: readonly KeyUse[];
}

/**
 * A key used but missing from the source bundle, or a group of keys there
 * where text is used (errors: the build stops on them).
 */
export function checkKeysDefined(source: ParsedBundle, uses: KeyUses): Finding[] {
  const findings: Finding[] = [];
  const { plurals } = splitLeaves(source.leaves);
  // A plural key is used by its base with a count, or (rarely) by one form's full key.
  const defined = new Set([...source.leaves.keys(), ...[...plurals.values()].map((g) => g.base)]);
  const reported = new Set<string>();
  for (const use of uses.keys) {
    const id = `${use.file}:${use.line}\u0000${use.key}`;
    // A value that is not text is reported where it is, by parseBundle.
    if (defined.has(use.key) || reported.has(id) || source.notText.has(use.key)) continue;
    reported.add(id);
    findings.push(
      source.groups.has(use.key)
        ? error(
            source.file,
            use.key,
            `expected text, found an object (${use.file}:${use.line} shows it as text)`,
          )
        : error(
            `${use.file}:${use.line}`,
            use.key,
            `used here but not in ${source.file}; add it there (and to every other bundle)`,
          ),
    );
  }
  return findings;
}

/** A source key nothing uses is dead weight for every translator (warning). */
export function checkUnusedKeys(source: ParsedBundle, uses: KeyUses): Finding[] {
  const used = new Set(uses.keys.map((u) => u.key));
  const prefixes = uses.prefixes.map((u) => `${u.key}.`);
  return [...source.leaves.keys()]
    .filter((key) => {
      const base = splitPluralKey(key)?.base ?? key;
      return !(used.has(key) || used.has(base) || prefixes.some((p) => base.startsWith(p)));
    })
    .map((key) =>
      warning(
        source.file,
        key,
        "not used by any template (src/, _includes/) or by lib/; remove it from every bundle, or use it",
      ),
    );
}

/** The keys that templates and lib/ look up. */
export function findKeyUses(sources: {
  templates: readonly SourceText[];
  code: readonly SourceText[];
}): KeyUses {
  const code = sources.code.map(findCodeKeys);
  return {
    keys: [...sources.templates.flatMap(findTemplateKeys), ...code.flatMap((c) => c.keys)],
    prefixes: code.flatMap((c) => c.prefixes),
  };
}

/**
 * What stops a build, reported as `npm run check:i18n` reports it: values
 * that are not text, a group where the source bundle has text or the
 * reverse, and keys used but missing from the source bundle. `bundles`:
 * each registry locale's bundle, read from JSON.
 */
export function checkBundlesForBuild(
  registry: LocaleRegistry,
  bundles: ReadonlyMap<string, unknown>,
  uses: KeyUses,
): { findings: Finding[]; parsed: Map<string, ParsedBundle> } {
  const findings: Finding[] = [];
  const parsed = new Map<string, ParsedBundle>();
  for (const locale of registry.all) {
    if (!bundles.has(locale.code)) continue;
    const result = bundleFromObject(
      bundles.get(locale.code),
      bundleFile(locale.code),
      locale.i18nextLanguage,
    );
    findings.push(...result.findings);
    if (result.bundle) parsed.set(locale.code, result.bundle);
  }
  const source = parsed.get(registry.source.code);
  if (source) {
    for (const bundle of parsed.values()) {
      if (bundle !== source) findings.push(...checkValueTypes(source, bundle));
    }
    findings.push(...checkKeysDefined(source, uses));
  }
  return { findings, parsed };
}

// ---------------------------------------------------------------------------
// The whole project

export interface CheckInput {
  /** Text of locales/registry.json, undefined when it does not exist. */
  registryText: string | undefined;
  /** Text of locales/<code>/translation.json by folder name, for every folder under locales/. */
  bundles: ReadonlyMap<string, string | undefined>;
  /** Nunjucks templates: src/**\/*.njk and _includes/**\/*.njk. */
  templates: readonly SourceText[];
  /** TypeScript under lib/, for keys looked up by code. */
  code: readonly SourceText[];
  /**
   * Files the build would refuse to read (not UTF-8, a link leading out of
   * locales/), by project-relative path, with why: reported as they are,
   * instead of as missing or invalid JSON.
   */
  unreadable?: ReadonlyMap<string, readonly Problem[]>;
}

export interface CheckReport {
  findings: Finding[];
  locales: string[];
  sourceKeys: number;
}

function readRegistry(text: string | undefined): { registry?: LocaleRegistry; findings: Finding[] } {
  const file = toPosix(REGISTRY_FILE);
  if (text === undefined) return { findings: [error(file, undefined, "missing: it lists the languages")] };
  try {
    return { registry: parseRegistry(parseJsonText(text, file), file), findings: [] };
  } catch (thrown) {
    return { findings: findingsFromThrown(file, thrown) };
  }
}

export function checkI18n(input: CheckInput): CheckReport {
  const unreadable = (file: string) =>
    input.unreadable?.get(file)?.map((p) => error(p.file, p.field, p.message));
  const registryUnreadable = unreadable(toPosix(REGISTRY_FILE));
  if (registryUnreadable) return { findings: registryUnreadable, locales: [], sourceKeys: 0 };
  const { registry, findings } = readRegistry(input.registryText);
  if (!registry) return { findings, locales: [], sourceKeys: 0 };
  if (input.registryText !== undefined) {
    findings.push(...checkDuplicateKeys(input.registryText, toPosix(REGISTRY_FILE)));
  }
  findings.push(...checkLocaleSupport(registry));

  const objects = new Map<string, unknown>();
  for (const locale of registry.all) {
    const file = bundleFile(locale.code);
    const text = input.bundles.get(locale.code);
    const refused = unreadable(file);
    if (refused) {
      findings.push(...refused);
      continue;
    }
    if (text === undefined) {
      findings.push(
        error(
          file,
          undefined,
          `missing: "${locale.code}" is in ${toPosix(REGISTRY_FILE)}, so it needs a bundle`,
        ),
      );
      continue;
    }
    try {
      objects.set(locale.code, parseJsonText(text, file));
      findings.push(...checkDuplicateKeys(text, file));
    } catch (thrown) {
      if (!(thrown instanceof JsonSyntaxError)) throw thrown;
      findings.push(error(thrown.location, undefined, thrown.reason));
    }
  }
  for (const [code, text] of input.bundles) {
    if (!registry.get(code) && text !== undefined) {
      findings.push(
        warning(
          bundleFile(code),
          undefined,
          `"${code}" is not in ${toPosix(REGISTRY_FILE)}, so this bundle is not built; add the language there (see TRANSLATING.md)`,
        ),
      );
    }
  }

  // What stops a build, found by the code the build runs.
  const uses = findKeyUses(input);
  const { findings: forBuild, parsed } = checkBundlesForBuild(registry, objects, uses);
  findings.push(...forBuild);
  const source = parsed.get(registry.source.code);
  for (const [code, bundle] of parsed) {
    const locale = registry.get(code) as Locale;
    // With a language code Intl does not know, the forms are English's by
    // accident; checkLocaleSupport says so instead.
    if (i18nextLanguageSupported(locale)) findings.push(...checkPluralForms(bundle));
    findings.push(...checkEmptyValues(bundle));
    if (source && bundle !== source) {
      findings.push(...compareBundles(source, bundle), ...checkSameAsSource(source, bundle, locale));
    }
  }
  if (source) findings.push(...checkUnusedKeys(source, uses));
  // One file's problems together, in key order, so a translator works down the list.
  const order = (f: Finding) => `${f.file}\u0000${f.field ?? ""}`;
  findings.sort((a, b) => order(a).localeCompare(order(b), "en", { numeric: true }));
  return {
    findings,
    locales: registry.all.map((l) => l.code),
    sourceKeys: source?.leaves.size ?? 0,
  };
}

// ---------------------------------------------------------------------------
// Reading the files (the only IO)

function sourceTexts(rootDir: string, dir: string, extension: string): SourceText[] {
  const full = path.join(rootDir, dir);
  if (!existsSync(full)) return [];
  // Real folders only: a link is not followed, so a link in src/releases/
  // out of the project, or back up it, is left for the release loader to
  // name, never walked (a recursive readdirSync follows it).
  return listFiles(full)
    .filter((file) => file.endsWith(extension))
    .map((file) => path.relative(full, file))
    .sort()
    .map((name) => ({
      file: toPosix(path.join(dir, name)),
      text: readFileSync(path.join(full, name), "utf8"),
    }));
}

/** The templates and lib/ code whose keys the source bundle must have (findKeyUses). */
export function readKeySources(rootDir: string): Pick<CheckInput, "templates" | "code"> {
  return {
    templates: [...sourceTexts(rootDir, "src", ".njk"), ...sourceTexts(rootDir, "_includes", ".njk")],
    code: sourceTexts(rootDir, "lib", ".ts"),
  };
}

export function readCheckInput(rootDir: string): CheckInput {
  const unreadable = new Map<string, readonly Problem[]>();
  // Through the build's one door for content files, so the check refuses
  // what the build refuses (lib/content/read-text.ts).
  const read = (relative: string): string | undefined => {
    const full = path.join(rootDir, relative);
    if (!existsSync(full)) return undefined;
    const name = toPosix(relative);
    try {
      return readTextFile(full, name, contentFolder(rootDir, LOCALES_DIR));
    } catch (thrown) {
      if (!(thrown instanceof ProblemsError)) throw thrown;
      unreadable.set(name, thrown.problems);
      return undefined;
    }
  };
  const bundles = new Map<string, string | undefined>();
  const localesDir = path.join(rootDir, LOCALES_DIR);
  if (existsSync(localesDir)) {
    for (const entry of readdirSync(localesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      bundles.set(entry.name, read(bundlePath(entry.name)));
    }
  }
  return { registryText: read(REGISTRY_FILE), bundles, unreadable, ...readKeySources(rootDir) };
}

/**
 * The build's and `npm start`'s bundle check: the very checks of
 * `npm run check:i18n`, with the same errors and warnings, read through the
 * same door. Errors stop the build before anything is rendered; warnings are
 * returned to be printed. A missing key, plural form or empty value is left
 * to the translator, which shows the source text and reports it as a
 * fallback where a page needs it (lib/i18n/translator.ts).
 */
export function assertBundlesBuildable(rootDir: string): Problem[] {
  const { findings } = checkI18n(readCheckInput(rootDir));
  const strip = ({ severity: _severity, fallsBack: _fallsBack, ...problem }: Finding): Problem => problem;
  const kept = findings.filter((f) => !f.fallsBack);
  const problems = kept.filter((f) => f.severity === "error").map(strip);
  const warnings = kept.filter((f) => f.severity === "warning").map(strip);
  if (problems.length === 0) return warnings;
  throw new ProblemsError(
    `${problems.length} problem${problems.length === 1 ? "" : "s"} in the interface strings (locales/); nothing was built. npm run check:i18n lists the same.`,
    problems,
    warnings,
  );
}

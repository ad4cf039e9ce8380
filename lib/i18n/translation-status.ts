// The report behind `npm run status:translations` (scripts/translation-status.ts):
// per language, which releases have no translation and which translations
// are stale because their source release changed after they were made.
//
// A translation records which version of the source it translates as
// `sourceHash:` in its front matter: the first 12 hex digits of the SHA-256
// of the source release file. A hash, not git history, because it works
// without history (shallow CI clones, zip downloads), gives the same answer
// on every machine, and sits in the very file the translator edits. Why, in
// words for translators, is in TRANSLATING.md.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../content/front-matter.ts";
import { type LoadOptions, loadReleases, type Release, type ReleaseStatus } from "../content/load.ts";
import { type LoadPagesOptions, loadPages } from "../content/pages.ts";
import type { LocaleRegistry } from "./locales.ts";
import { formatChange, type SourceChanges } from "./source-changes.ts";
import type { ContentNote } from "./translated-content.ts";

const SOURCE_HASH_FIELD = "sourceHash";

/**
 * First 12 hex digits of the SHA-256 of a release file. Line endings are
 * read as \n, so a Windows checkout (\r\n) gives the same hash as Linux.
 */
export function hashSource(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n"), "utf8").digest("hex").slice(0, 12);
}

/** A release as the status report needs it. */
export interface StatusRelease {
  file: string;
  locale: string;
  slug: string;
  translationKey: string;
  status: ReleaseStatus;
  /** hashSource of this file's text. */
  hash: string;
  /** The source version this translation says it translates, if recorded. */
  sourceHash: string | undefined;
  /** Static pages (src/pages/) pair only with pages, releases only with releases. */
  kind?: "page";
  /** Keys that must be the same in every language (lib/i18n/translated-content.ts). */
  company: string | undefined;
  tags: readonly string[];
}

/** What pairs versions: the translation key, within releases or within pages. */
const pairKey = (r: StatusRelease) => `${r.kind ?? "release"}\u0000${r.translationKey}`;

type StatusKind = "missing" | "stale" | "unverified" | "up-to-date" | "no-source";

interface StatusItem {
  kind: StatusKind;
  translationKey: string;
  /** The translation's file; absent when it is missing. */
  file?: string;
  /** The source language's file; absent when there is none. */
  source?: string;
  /** Draft or scheduled releases still need translating; the report says which. */
  status: ReleaseStatus;
  /** For a stale translation: what it recorded and what the source is now. */
  recordedHash?: string;
  currentHash?: string;
  /** For a stale translation: the word changes in the source since it was marked, or why they are unknown. */
  sourceChanges?: SourceChanges;
}

interface LocaleStatus {
  code: string;
  label: string;
  counts: Record<StatusKind, number>;
  /** Every release of the source or this language, by kind, then by key. */
  items: StatusItem[];
  /** Company texts this language lacks, translations whose keys differ: one kind of content after another. */
  notes: ContentNote[];
}

export interface TranslationStatus {
  sourceLocale: string;
  locales: LocaleStatus[];
}

const KINDS: readonly StatusKind[] = ["missing", "stale", "unverified", "no-source", "up-to-date"];

function statusOf(source: StatusRelease, translation: StatusRelease): StatusItem {
  const common = {
    translationKey: source.translationKey,
    file: translation.file,
    source: source.file,
    status: translation.status,
  };
  if (translation.sourceHash === undefined) return { kind: "unverified", ...common };
  if (translation.sourceHash !== source.hash) {
    return { kind: "stale", ...common, recordedHash: translation.sourceHash, currentHash: source.hash };
  }
  return { kind: "up-to-date", ...common };
}

/** Pairs releases by translationKey, as the build does, and classifies each pair. */
export function translationStatus(
  registry: LocaleRegistry,
  releases: readonly StatusRelease[],
  notes: readonly ContentNote[] = [],
): TranslationStatus {
  const pairs = new Map<string, Map<string, StatusRelease>>();
  for (const release of releases) {
    const versions = pairs.get(pairKey(release)) ?? new Map<string, StatusRelease>();
    versions.set(release.locale, release);
    pairs.set(pairKey(release), versions);
  }
  const sourceCode = registry.source.code;
  const locales = registry.all
    .filter((l) => l.code !== sourceCode)
    .map((locale): LocaleStatus => {
      const items: StatusItem[] = [];
      for (const versions of pairs.values()) {
        const source = versions.get(sourceCode);
        const translation = versions.get(locale.code);
        const translationKey = (source ?? translation)?.translationKey ?? "";
        if (source && translation) {
          items.push(statusOf(source, translation));
        } else if (source) {
          items.push({ kind: "missing", translationKey, source: source.file, status: source.status });
        } else if (translation) {
          items.push({
            kind: "no-source",
            translationKey,
            file: translation.file,
            status: translation.status,
          });
        }
      }
      items.sort(
        (a, b) =>
          KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.translationKey.localeCompare(b.translationKey),
      );
      const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<StatusKind, number>;
      for (const item of items) counts[item.kind]++;
      return {
        code: locale.code,
        label: locale.label,
        counts,
        items,
        notes: notes.filter((n) => n.locale === locale.code),
      };
    });
  return { sourceLocale: sourceCode, locales };
}

// ---------------------------------------------------------------------------
// The text report

function held(item: StatusItem): string {
  return item.status === "published" ? "" : ` (${item.status})`;
}

/** src/releases/<locale>/ or src/pages/<locale>/, as the source file's folder is. */
function localeFolder(source: string | undefined, locale: string): string {
  return `${/^src\/pages\//.test(source ?? "") ? "src/pages" : "src/releases"}/${locale}/`;
}

function describeItem(item: StatusItem, locale: string, sourceLocale: string): string {
  switch (item.kind) {
    case "missing":
      return `missing     ${item.source}${held(item)}: no ${locale} version yet (same file name in ${localeFolder(item.source, locale)}, or translationKey: ${item.translationKey})`;
    case "stale":
      return `stale       ${item.file}${held(item)}: ${item.source} changed after it was translated (recorded ${item.recordedHash}, now ${item.currentHash})`;
    case "unverified":
      return `unverified  ${item.file}${held(item)}: no ${SOURCE_HASH_FIELD} yet; compare it with ${item.source}, then mark it`;
    case "no-source":
      return `no source   ${item.file}${held(item)}: no ${sourceLocale} version`;
    case "up-to-date":
      return `up to date  ${item.file}${held(item)}`;
  }
}

export function formatStatus(report: TranslationStatus): string {
  const lines: string[] = [];
  for (const locale of report.locales) {
    const c = locale.counts;
    lines.push(
      `${locale.code} (${locale.label}): ${c["up-to-date"]} up to date, ${c.stale} stale, ${c.unverified} unverified, ${c.missing} missing, ${c["no-source"]} only in ${locale.code}`,
    );
    for (const item of locale.items) {
      if (item.kind === "up-to-date") continue;
      lines.push(`  ${describeItem(item, locale.code, report.sourceLocale)}`);
      const changes = item.sourceChanges;
      if (changes && "unknown" in changes)
        lines.push(`              what changed is unknown: ${changes.unknown}`);
      else if (changes) {
        lines.push(`              changed in ${item.source} ([-removed-] {+added+}):`);
        for (const change of changes.changes) lines.push(`                ${formatChange(change)}`);
      }
    }
    for (const note of locale.notes) {
      const label = note.file.startsWith("_data/companies/") ? "company" : "keys";
      lines.push(`  ${label.padEnd(11)} ${note.file}: ${note.field}: ${note.message}`);
    }
  }
  const needsMark = report.locales.some((l) => l.counts.stale + l.counts.unverified > 0);
  if (needsMark) {
    lines.push(
      "",
      "When a translation matches its source, mark it up to date (one, or all of a language):",
      "  npm run status:translations -- --mark <language>/<file name without .md>",
      "  npm run status:translations -- --mark-all <language>",
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// Marking a translation up to date

const OPENING = /^\uFEFF?---[ \t]*(\r?\n)/;
const CLOSING = /^---[ \t]*$/m;
const EXISTING = new RegExp(`^${SOURCE_HASH_FIELD}[ \\t]*:[^\\r\\n]*`, "m");

/**
 * Writes `sourceHash: <hash>` into a release's front matter, touching only
 * that line: an existing sourceHash line is replaced, otherwise one is added
 * just before the closing ---. The YAML is never re-serialized, so the
 * writer's quotes, comments and order stay as they were.
 */
export function setSourceHash(text: string, hash: string): string {
  splitFrontMatter(text); // throws, with a line number, if the front matter is broken
  const opening = OPENING.exec(text);
  if (!opening) throw new Error("expected front matter starting with ---");
  const start = opening[0].length;
  const closing = CLOSING.exec(text.slice(start));
  if (!closing) throw new Error("front matter is not closed by ---");
  const end = start + closing.index;
  const header = text.slice(start, end);
  // Quoted: an unquoted hash of digits only (or digits and one "e") would be
  // read by YAML as a number.
  const line = `${SOURCE_HASH_FIELD}: "${hash}"`;
  const updated = EXISTING.test(header) ? header.replace(EXISTING, line) : `${header}${line}${opening[1]}`;
  return text.slice(0, start) + updated + text.slice(end);
}

export interface Mark {
  /** The translation to update. */
  file: string;
  hash: string;
}

/**
 * What `--mark <locale>/<slug>` or `--mark-all <locale>` would write: the
 * current hash of each translation's source. Throws with a readable message
 * when the target does not exist or has no source version.
 */
export function planMarks(
  registry: LocaleRegistry,
  releases: readonly StatusRelease[],
  target: { locale: string; slug?: string },
): Mark[] {
  const locale = registry.get(target.locale);
  if (!locale) {
    throw new Error(
      `"${target.locale}" is not a language in locales/registry.json (known: ${registry.all.map((l) => l.code).join(", ")})`,
    );
  }
  if (locale.code === registry.source.code) {
    throw new Error(
      `"${locale.code}" is the source language; only translations record a ${SOURCE_HASH_FIELD}`,
    );
  }
  const sources = new Map(
    releases.filter((r) => r.locale === registry.source.code).map((r) => [pairKey(r), r]),
  );
  const translations = releases.filter(
    (r) => r.locale === locale.code && (target.slug === undefined || r.slug === target.slug),
  );
  if (target.slug !== undefined && translations.length === 0) {
    throw new Error(
      `no release src/releases/${locale.code}/${target.slug}.md or page src/pages/${locale.code}/${target.slug}.md`,
    );
  }
  const marks: Mark[] = [];
  for (const translation of translations) {
    const source = sources.get(pairKey(translation));
    if (source) marks.push({ file: translation.file, hash: source.hash });
    else if (target.slug !== undefined) {
      throw new Error(
        `${translation.file} has no ${registry.source.code} version (translationKey: ${translation.translationKey}), so there is nothing to compare it with`,
      );
    }
  }
  return marks;
}

// ---------------------------------------------------------------------------
// Reading the releases (the only IO)

/**
 * Every release, drafts and scheduled ones included, validated as the build
 * validates them (lib/content/load.ts), with the hashes the report needs.
 */
export function readStatusReleases(options: LoadOptions): StatusRelease[] {
  const { releases } = loadReleases(options);
  return releases.map((release: Release) => {
    const text = readFileSync(path.join(options.rootDir, release.file), "utf8");
    const data = splitFrontMatter(text).data as Record<string, unknown>;
    const recorded = data[SOURCE_HASH_FIELD];
    return {
      file: release.file,
      locale: release.locale,
      slug: release.slug,
      translationKey: release.translationKey,
      status: release.status,
      hash: hashSource(text),
      sourceHash: recorded === undefined || recorded === null ? undefined : String(recorded),
      company: release.company,
      tags: release.tags,
    };
  });
}

/** Every static page, validated as the build validates them (lib/content/pages.ts), with the same hashes. */
export function readStatusPages(options: LoadPagesOptions): StatusRelease[] {
  return loadPages(options).map((page) => {
    const text = readFileSync(path.join(options.rootDir, page.file), "utf8");
    return {
      file: page.file,
      locale: page.locale,
      slug: page.slug,
      translationKey: page.translationKey,
      status: "published",
      hash: hashSource(text),
      sourceHash: page.sourceHash,
      // Pages have no company or tags to keep equal across languages.
      company: undefined,
      tags: [],
      kind: "page",
    };
  });
}

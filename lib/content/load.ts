// Reads every release under src/releases/<locale>/, validates it and decides
// whether it is published, scheduled or a draft. Releases are loaded here,
// not as Eleventy templates, so that every problem in every file is reported
// in one run before anything is rendered, and unpublished text never reaches
// a template.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { RebuildCache } from "../dev/rebuild-cache.ts";
import type { LocaleRegistry } from "../i18n/locales.ts";
import { parseReleaseTime, RELEASE_TIME_EXPECTED, type ReleaseTime } from "./dates.ts";
import { didYouMean } from "./did-you-mean.ts";
import { FrontMatterSyntaxError, splitFrontMatter } from "./front-matter.ts";
import { type Attachment, resolveAttachment } from "./media.ts";
import { type Problem, ProblemsError, problemsFromZod } from "./problems.ts";
import {
  FIELD_ALIASES,
  FIELD_HINTS,
  type FrontMatter,
  frontMatterSchema,
  KNOWN_FIELDS,
  SLUG_PATTERN,
} from "./schema.ts";

export const RELEASES_DIR = path.join("src", "releases");

export type ReleaseStatus = "published" | "scheduled" | "draft";

export interface Release {
  /** Project-relative path, used in every message about this release. */
  file: string;
  locale: string;
  slug: string;
  /** Releases sharing a key are one release in several languages. */
  translationKey: string;
  title: string;
  summary: string | undefined;
  company: string | undefined;
  location: string | undefined;
  tags: string[];
  time: ReleaseTime;
  status: ReleaseStatus;
  /** Markdown source of the body. */
  body: string;
  /** The media kit: files stored beside the release. */
  attachments: Attachment[];
}

export interface LoadOptions {
  rootDir: string;
  registry: LocaleRegistry;
  timeZone: string;
  buildTime: DateTime;
  /** Keys of _data/companies/; a key-like `company` must be one of them. */
  companyKeys: ReadonlySet<string>;
  /** Under watch: parsed files kept from the previous build (lib/dev/rebuild-cache.ts). */
  cache?: RebuildCache<ParsedRelease>;
}

export interface LoadedReleases {
  releases: Release[];
  /** Not fatal, but a writer should see them. */
  warnings: Problem[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** Lists .md files under a locale folder, nested folders included. */
function listMarkdown(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listMarkdown(full));
    else if (entry.isFile() && entry.name.endsWith(".md")) found.push(full);
  }
  return found.sort();
}

export function loadReleases(options: LoadOptions): LoadedReleases {
  const { rootDir, registry } = options;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const releases: Release[] = [];
  const releasesRoot = path.join(rootDir, RELEASES_DIR);
  const known = registry.all.map((l) => l.code);

  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(releasesRoot, { withFileTypes: true });
  } catch {
    throw new ProblemsError("No releases folder.", [
      { file: toPosix(RELEASES_DIR), message: `expected a folder per locale (${known.join(", ")})` },
    ]);
  }

  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relativeDir = toPosix(path.join(RELEASES_DIR, entry.name));
    if (!entry.isDirectory()) {
      if (entry.name.endsWith(".md")) {
        problems.push({
          file: relativeDir,
          message: `a release must be inside a locale folder (${known.map((c) => `${toPosix(RELEASES_DIR)}/${c}/`).join(" or ")})`,
        });
      }
      continue;
    }
    if (!registry.get(entry.name)) {
      problems.push({
        file: `${relativeDir}/`,
        message: `locale folder "${entry.name}" is not in locales/registry.json (known: ${known.join(", ")})`,
      });
      continue;
    }
    for (const full of listMarkdown(path.join(releasesRoot, entry.name))) {
      const file = toPosix(path.relative(rootDir, full));
      const release = readRelease(full, file, entry.name, options, problems, warnings);
      if (release) releases.push(release);
    }
  }

  problems.push(...findCollisions(releases));
  if (problems.length > 0) {
    throw new ProblemsError(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in releases; nothing was built.`,
      problems,
    );
  }
  return { releases, warnings };
}

/** What a release file's text alone decides: its front matter, checked, and its body. */
export interface ParsedRelease {
  problems: Problem[];
  warnings: Problem[];
  /** Absent when the text has problems. */
  valid?: { data: FrontMatter; time: ReleaseTime; body: string };
}

function unknownKey(file: string, key: string): Problem {
  const meant = didYouMean(key, KNOWN_FIELDS, FIELD_ALIASES);
  const hint = meant ? FIELD_HINTS[meant as keyof FrontMatter] : undefined;
  const guess = meant ? `did you mean ${meant}?${hint ? ` (${hint})` : ""}; ` : "";
  return {
    file,
    field: key,
    message: `unknown key; ${guess}known keys are ${KNOWN_FIELDS.join(", ")}; keep data of your own under extra:`,
  };
}

export function parseReleaseText(text: string, file: string, timeZone: string): ParsedRelease {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) {
      problems.push({ file: error.line ? `${file}:${error.line}` : file, message: error.message });
      return { problems, warnings };
    }
    throw error;
  }

  if (split.data === null || typeof split.data !== "object" || Array.isArray(split.data)) {
    problems.push({ file, message: "front matter must be a set of `key: value` lines" });
    return { problems, warnings };
  }
  for (const key of Object.keys(split.data)) {
    if (!KNOWN_FIELDS.includes(key)) problems.push(unknownKey(file, key));
  }

  const parsed = frontMatterSchema.safeParse(split.data);
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, parsed.error.issues));
    return { problems, warnings };
  }
  const data = parsed.data;
  const time = parseReleaseTime(data.releaseTime, timeZone);
  if (!time) {
    problems.push({
      file,
      field: "releaseTime",
      message: `"${data.releaseTime}" is not ${RELEASE_TIME_EXPECTED}`,
    });
    return { problems, warnings };
  }
  return { problems, warnings, valid: { data, time, body: split.body } };
}

function readRelease(
  full: string,
  file: string,
  locale: string,
  options: LoadOptions,
  problems: Problem[],
  warnings: Problem[],
): Release | undefined {
  const slug = path.basename(full, ".md");
  let ok = true;
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      field: "file name",
      message: `"${slug}" is not a valid slug: expected lowercase letters, digits and single hyphens (e.g. new-plant-opens.md)`,
    });
    ok = false;
  }

  const parse = () => parseReleaseText(readFileSync(full, "utf8"), file, options.timeZone);
  let parsed: ParsedRelease;
  if (options.cache) {
    // Modification time and size say whether the file changed without reading it.
    const { mtimeNs, size } = statSync(full, { bigint: true });
    parsed = options.cache.get(`${file}\u0000${options.timeZone}\u0000${mtimeNs}\u0000${size}`, parse);
  } else {
    parsed = parse();
  }
  problems.push(...parsed.problems);
  warnings.push(...parsed.warnings);
  if (!parsed.valid) return undefined;
  const { data, time, body } = parsed.valid;

  if (data.company && SLUG_PATTERN.test(data.company) && !options.companyKeys.has(data.company)) {
    const known = [...options.companyKeys].join(", ") || "none yet";
    problems.push({
      file,
      field: "company",
      message: `"${data.company}" is not a company key in _data/companies/ (known: ${known}); to show a plain name, write it as it should appear, e.g. "Acme Corp"`,
    });
    ok = false;
  }
  const attachments: Attachment[] = [];
  for (const entry of data.attachments ?? []) {
    const resolved = resolveAttachment(entry, file, options.rootDir, RELEASES_DIR);
    if (typeof resolved === "string") {
      problems.push({ file, field: "attachments", message: resolved });
      ok = false;
    } else if (attachments.some((a) => a.name === resolved.name)) {
      problems.push({ file, field: "attachments", message: `two attachments are named "${resolved.name}"` });
      ok = false;
    } else {
      attachments.push(resolved);
    }
  }
  if (!ok) return undefined;

  const status: ReleaseStatus = data.draft
    ? "draft"
    : time.dateTime.toMillis() > options.buildTime.toMillis()
      ? "scheduled"
      : "published";

  return {
    file,
    locale,
    slug,
    translationKey: data.translationKey ?? slug,
    title: data.title,
    summary: data.summary,
    company: data.company,
    location: data.location,
    tags: data.tags ?? [],
    time,
    status,
    body,
    attachments,
  };
}

/** The releases a build shows: the published ones, or in a preview every one. */
export function shownReleases(releases: readonly Release[], preview: boolean): Release[] {
  return releases.filter((r) => preview || r.status === "published");
}

/** One slug and one translation key per locale, or URLs and pairings would be ambiguous. */
function findCollisions(releases: readonly Release[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Release>();
  const byKey = new Map<string, Release>();
  for (const release of releases) {
    const slugId = `${release.locale}/${release.slug}`;
    const sameSlug = bySlug.get(slugId);
    if (sameSlug) {
      problems.push({
        file: release.file,
        field: "file name",
        message: `slug "${release.slug}" is already used by ${sameSlug.file}; each release in a locale needs its own file name`,
      });
      continue;
    }
    bySlug.set(slugId, release);
    const keyId = `${release.locale}/${release.translationKey}`;
    const sameKey = byKey.get(keyId);
    if (sameKey) {
      problems.push({
        file: release.file,
        field: "translationKey",
        message: `"${release.translationKey}" is already used by ${sameKey.file} in the same locale; a translation key pairs releases across languages, so each locale may use it once`,
      });
      continue;
    }
    byKey.set(keyId, release);
  }
  return problems;
}

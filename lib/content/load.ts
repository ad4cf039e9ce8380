// Reads every release under src/releases/<locale>/, validates it and decides
// whether it is published, scheduled or a draft. Releases are loaded here,
// not as Eleventy templates, so that every problem in every file is reported
// in one run before anything is rendered, and unpublished text never reaches
// a template.
import { type Dirent, readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import type { RebuildCache } from "../dev/rebuild-cache.ts";
import type { LocaleRegistry } from "../i18n/locales.ts";
import { type ReleaseTime, readReleaseTime } from "./dates.ts";
import { didYouMean } from "./did-you-mean.ts";
import { readFrontMatter } from "./front-matter.ts";
import { type Attachment, resolveAttachment } from "./media.ts";
import { type Problem, ProblemsError, problemsFromZod } from "./problems.ts";
import { type ContentFolder, contentFolder, readTextFile, resolveInside, toPosix } from "./read-text.ts";
import {
  FIELD_ALIASES,
  FIELD_HINTS,
  type FrontMatter,
  frontMatterSchema,
  KNOWN_FIELDS,
  RELEASE_FILE,
  SLUG_PATTERN,
} from "./schema.ts";

const RELEASES_DIR = path.join("src", "releases");

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
  /** The last correction or update, never before `time`. */
  updated: ReleaseTime | undefined;
  /** Inline Markdown saying what the last correction changed. */
  correction: string | undefined;
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
  /** Not fatal, but a writer should see them (a file that looks like a release but is not read…). */
  warnings: Problem[];
}

/**
 * Names of text files a writer may have meant as a release (Windows saving
 * "plant-opens.md" as "plant-opens.md.txt"): warned about unless a release
 * lists them as attachments.
 */
const LOOKS_LIKE_RELEASE = /\.(md|markdown)\.txt$|\.(mdx|mdown|mkd|mkdn|mdwn|txt)$/i;

/** The slug a release file gives: its name without the extension. */
export function slugOf(fileName: string): string {
  return path.basename(fileName).replace(RELEASE_FILE, "");
}

interface Listing {
  /** Release files as listed (through links, which name the file as the writer sees it). */
  releases: string[];
  /** Files that look like releases but are not read. */
  lookalikes: string[];
}

/** What a folder entry is once links inside the folder are followed; undefined when it is neither. */
function entryKind(
  full: string,
  entry: Dirent,
  folder: ContentFolder,
  rootDir: string,
  problems: Problem[],
): "dir" | "file" | undefined {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? "dir" : entry.isFile() ? "file" : undefined;
  // A link is followed when it is a folder or a release; a link to another
  // file (an attachment) is checked when a release lists it. A link to
  // nothing is named: it may have been meant as a locale folder.
  let target: Stats | undefined;
  try {
    target = statSync(full);
  } catch {
    target = undefined; // dangling or a loop: resolveInside says which
  }
  const isDir = target?.isDirectory() ?? false;
  if (target && !isDir && !RELEASE_FILE.test(entry.name)) return target.isFile() ? "file" : undefined;
  const resolved = resolveInside(full, folder);
  if ("problem" in resolved) {
    problems.push({ file: toPosix(path.relative(rootDir, full)), field: "link", message: resolved.problem });
    return undefined;
  }
  return isDir ? "dir" : "file";
}

/**
 * Lists release files under a locale folder, nested folders and links
 * inside src/releases/ included. `ancestors` are the real paths of the
 * folders above, so that a link back up is reported instead of walked forever.
 */
function listReleases(
  dir: string,
  folder: ContentFolder,
  rootDir: string,
  ancestors: readonly string[],
  problems: Problem[],
  found: Listing = { releases: [], lookalikes: [] },
): Listing {
  const real = realpathSync.native(dir);
  if (ancestors.includes(real)) {
    problems.push({
      file: toPosix(path.relative(rootDir, dir)),
      field: "link",
      message: "links back to a folder that contains it; expected a link to a folder beside it, or none",
    });
    return found;
  }
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const kind = entryKind(full, entry, folder, rootDir, problems);
    if (kind === "dir") listReleases(full, folder, rootDir, [...ancestors, real], problems, found);
    else if (kind === "file" && RELEASE_FILE.test(entry.name)) found.releases.push(full);
    else if (kind === "file" && LOOKS_LIKE_RELEASE.test(entry.name)) found.lookalikes.push(full);
  }
  return found;
}

export function loadReleases(options: LoadOptions): LoadedReleases {
  const { rootDir, registry } = options;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const releases: Release[] = [];
  const folder = contentFolder(rootDir, RELEASES_DIR);
  const known = registry.all.map((l) => l.code);

  let entries: Dirent[];
  try {
    entries = readdirSync(folder.dir, { withFileTypes: true });
  } catch {
    throw new ProblemsError("No releases folder.", [
      { file: folder.name, message: `expected a folder per locale (${known.join(", ")})` },
    ]);
  }

  const lookalikes: string[] = [];
  // Real paths of every listed attachment, failed releases' too.
  const attached = new Set<string>();
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder.dir, entry.name);
    const relativeDir = toPosix(path.join(RELEASES_DIR, entry.name));
    const kind = entryKind(full, entry, folder, rootDir, problems);
    const misplaced = localeFolderProblem(entry.name, kind, relativeDir, folder.name, registry, "release");
    if (misplaced) problems.push(misplaced);
    if (kind !== "dir" || misplaced) continue;
    const listed = listReleases(full, folder, rootDir, [folder.real], problems);
    lookalikes.push(...listed.lookalikes);
    for (const releaseFull of listed.releases.sort()) {
      const file = toPosix(path.relative(rootDir, releaseFull));
      const release = readRelease(releaseFull, file, entry.name, folder, options, problems, attached);
      if (release) releases.push(release);
    }
  }

  warnings.push(...unreadLookalikes(lookalikes, attached, rootDir));
  problems.push(...findCollisions(releases));
  if (problems.length > 0) {
    throw new ProblemsError(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in releases; nothing was built.`,
      problems,
      warnings,
    );
  }
  return { releases, warnings };
}

/** Text files that look like releases, are not read, and are no release's attachment. */
function unreadLookalikes(lookalikes: readonly string[], attached: ReadonlySet<string>, rootDir: string) {
  return lookalikes
    .filter((full) => !attached.has(realpathSync.native(full)))
    .map((full) => {
      const name = path.basename(full);
      const slug = name.replace(/(\.(md|markdown))?\.[^.]+$/i, "");
      return {
        file: toPosix(path.relative(rootDir, full)),
        field: "file name",
        message: `not read: a release ends in .md or .markdown, and no release lists this file under attachments; to publish it as a release, rename it to ${slug}.md`,
      };
    });
}

/**
 * What a release file's text alone decides: its valid fields, its release
 * time and body, and every problem found. Fields that are valid are kept
 * even when others are not, so that the company and attachments are checked
 * in the same run.
 */
export interface ParsedRelease {
  problems: Problem[];
  fields: Partial<FrontMatter>;
  time?: ReleaseTime;
  updated?: ReleaseTime;
  body?: string;
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

function parseReleaseText(text: string, file: string, timeZone: string): ParsedRelease {
  const problems: Problem[] = [];
  const split = readFrontMatter(text, file);
  if ("problem" in split) {
    problems.push(split.problem);
    return { problems, fields: {} };
  }
  const data = split.data;
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.includes(key)) problems.push(unknownKey(file, key));
  }

  // Field by field, so one invalid field does not hide the checks of the others.
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(frontMatterSchema.shape) as [string, z.ZodType][]) {
    const parsed = schema.safeParse(data[key]);
    if (parsed.success) {
      if (parsed.data !== undefined) fields[key] = parsed.data;
    } else {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
      problems.push(...problemsFromZod(file, issues));
    }
  }
  const valid = fields as Partial<FrontMatter>;
  let time: ReleaseTime | undefined;
  if (valid.releaseTime !== undefined) {
    const read = readReleaseTime(valid.releaseTime, timeZone);
    if (typeof read === "string") problems.push({ file, field: "releaseTime", message: read });
    else time = read;
  }
  let updated: ReleaseTime | undefined;
  if (valid.updated !== undefined) {
    const read = readReleaseTime(valid.updated, timeZone);
    if (typeof read === "string") problems.push({ file, field: "updated", message: read });
    else if (time && updatedBeforeRelease(read, time)) {
      problems.push({
        file,
        field: "updated",
        message: `"${valid.updated}" is before the releaseTime "${valid.releaseTime}"; a release is updated after it is released`,
      });
    } else updated = read;
  }
  return { problems, fields: valid, time, updated, body: split.body };
}

/** A date-only update is "that day": the same day as a timed release is not before it. */
function updatedBeforeRelease(updated: ReleaseTime, released: ReleaseTime): boolean {
  const end = updated.hasTime ? updated.dateTime : updated.dateTime.endOf("day");
  return end.toMillis() < released.dateTime.toMillis();
}

function readRelease(
  full: string,
  file: string,
  locale: string,
  folder: ContentFolder,
  options: LoadOptions,
  problems: Problem[],
  attached: Set<string>,
): Release | undefined {
  const slug = slugOf(full);
  const before = problems.length;
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      field: "file name",
      message: `"${slug}" is not a valid slug: expected lowercase letters, digits and single hyphens (e.g. new-plant-opens.md)`,
    });
  }

  const parse = (): ParsedRelease => {
    let text: string;
    try {
      text = readTextFile(full, file, folder);
    } catch (error) {
      if (error instanceof ProblemsError) return { problems: [...error.problems], fields: {} };
      throw error;
    }
    return parseReleaseText(text, file, options.timeZone);
  };
  let parsed: ParsedRelease;
  if (options.cache) {
    // Modification time and size say whether the file changed without reading it.
    const { mtimeNs, size } = statSync(full, { bigint: true });
    parsed = options.cache.get(`${file}\u0000${options.timeZone}\u0000${mtimeNs}\u0000${size}`, parse);
  } else {
    parsed = parse();
  }
  problems.push(...parsed.problems);
  const { fields: data, time, updated, body } = parsed;

  if (data.company && SLUG_PATTERN.test(data.company) && !options.companyKeys.has(data.company)) {
    const known = [...options.companyKeys].join(", ") || "none yet";
    problems.push({
      file,
      field: "company",
      message: `"${data.company}" is not a company key in _data/companies/ (known: ${known}); to show a plain name, write it as it should appear, e.g. "Acme Corp"`,
    });
  }
  const attachments: Attachment[] = [];
  for (const entry of data.attachments ?? []) {
    const resolved = resolveAttachment(entry, file, options.rootDir, folder);
    if (typeof resolved === "string") {
      problems.push({ file, field: "attachments", message: resolved });
    } else if (attachments.some((a) => a.name === resolved.name)) {
      problems.push({ file, field: "attachments", message: `two attachments are named "${resolved.name}"` });
    } else {
      attachments.push(resolved);
      attached.add(resolved.source);
    }
  }
  if (data.correction !== undefined && data.updated === undefined) {
    problems.push({
      file,
      field: "correction",
      message: "a correction needs updated: the date or date-time it was made, e.g. updated: 2024-04-26",
    });
  }
  if (problems.length > before || data.title === undefined || !time || body === undefined) return undefined;

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
    updated,
    correction: data.correction,
    status,
    body,
    attachments,
  };
}

/** The releases a build shows: the published ones, or in a preview every one. */
export function shownReleases(releases: readonly Release[], preview: boolean): Release[] {
  return releases.filter((r) => preview || r.status === "published");
}

/**
 * What is wrong with an entry at the top of a content folder (src/releases/,
 * src/pages/), where only locale folders belong: a Markdown file beside them,
 * or a folder no locale in the registry owns. Other files are left alone.
 */
export function localeFolderProblem(
  name: string,
  kind: "dir" | "file" | "other" | undefined,
  relative: string,
  folderName: string,
  registry: LocaleRegistry,
  noun: "release" | "page",
): Problem | undefined {
  const known = registry.all.map((l) => l.code);
  if (kind !== "dir") {
    return kind === "file" && RELEASE_FILE.test(name)
      ? {
          file: relative,
          message: `a ${noun} must be inside a locale folder (${known.map((c) => `${folderName}/${c}/`).join(" or ")})`,
        }
      : undefined;
  }
  return registry.get(name)
    ? undefined
    : {
        file: `${relative}/`,
        message: `locale folder "${name}" is not in locales/registry.json (known: ${known.join(", ")})`,
      };
}

/** What findCollisions compares: a release or a static page. */
interface Slugged {
  file: string;
  locale: string;
  slug: string;
  translationKey: string;
}

/**
 * One slug and one translation key per locale, or URLs and pairings would be
 * ambiguous. `kind` names the items in messages ("release", "page").
 */
export function findCollisions(items: readonly Slugged[], kind: "release" | "page" = "release"): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Slugged>();
  const byKey = new Map<string, Slugged>();
  for (const item of items) {
    const slugId = `${item.locale}/${item.slug}`;
    const sameSlug = bySlug.get(slugId);
    if (sameSlug) {
      problems.push({
        file: item.file,
        field: "file name",
        message: `slug "${item.slug}" is already used by ${sameSlug.file}; each ${kind} in a locale needs its own file name`,
      });
      continue;
    }
    bySlug.set(slugId, item);
    const keyId = `${item.locale}/${item.translationKey}`;
    const sameKey = byKey.get(keyId);
    if (sameKey) {
      problems.push({
        file: item.file,
        field: "translationKey",
        message: `"${item.translationKey}" is already used by ${sameKey.file} in the same locale; a translation key pairs ${kind}s across languages, so each locale may use it once`,
      });
      continue;
    }
    byKey.set(keyId, item);
  }
  return problems;
}

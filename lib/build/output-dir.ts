// The output folder is the build's alone: publishing replaces it whole, so
// anything else kept in it would be deleted. A build writes only into a
// folder an earlier build marked as its own, an empty or new folder, or the
// project's default _site/ or _preview/ as a build from before the marker
// left it. It never writes into the project itself or its source folders,
// and a preview never replaces a published build.
// lib/build/publish.ts writes the marker; the pipeline asks here first.
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { isInside } from "../content/read-text.ts";

/**
 * Written into every output folder when it is published. A dot file: the
 * service worker's precache list, the sitemap and the summary's file count
 * never list it, and most static hosts do not serve dot files.
 */
export const OUTPUT_MARKER = ".pressroom-output";

export type OutputKind = "site" | "preview";

/** The folder a host publishes, and the preview's default, in the project root. */
export const PUBLISHED_DIR = "_site";
export const PREVIEW_DIR = "_preview";

/** Folders of the project the build reads, or that hold its code and history. */
export const SOURCE_FOLDERS = [
  "src",
  "_data",
  "_includes",
  "locales",
  "lib",
  "scripts",
  "tests",
  "node_modules",
  ".git",
] as const;

export interface FolderEntry {
  name: string;
  isDirectory: boolean;
}

export interface OutputFolder {
  /** The path as the user typed it, for messages. */
  given: string;
  /** Absolute, with every symbolic link along the existing part resolved. */
  path: string;
  state: "missing" | "folder" | "file" | "broken-link";
  /** Top-level entries, when it is a folder. */
  entries: readonly FolderEntry[];
  /** What its marker says an earlier build wrote, when it has one. */
  marker?: OutputKind;
}

export interface ProjectFolders {
  /** Real path of the project root. */
  root: string;
  /** Real paths of the source folders (SOURCE_FOLDERS), by name. */
  sources: ReadonlyMap<string, string>;
  /** Real path of <root>/_site, where it leads if it is a link. */
  published: string;
}

/** True when `inner` is `outer` or inside it. */
const WRITTEN_FILES = new Set(["index.html", "404.html", "robots.txt", "sitemap.xml", "sw.js", "_headers"]);
/** assets, media, pagefind and the locales' URL segments ("en", "zh", "pt-br"). */
const WRITTEN_FOLDER = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Top-level entries a build can write: its pages, feeds, service worker and
 * folders with lowercase names. A dot file (.git, .nojekyll) or any other
 * file (CNAME) means someone else keeps files here.
 */
export function isWrittenByBuild(entry: FolderEntry): boolean {
  if (entry.name === OUTPUT_MARKER) return true;
  return entry.isDirectory ? WRITTEN_FOLDER.test(entry.name) : WRITTEN_FILES.has(entry.name);
}

function listNames(names: readonly string[], most = 4): string {
  const shown = names.slice(0, most).join(", ");
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

const OWN_FOLDER = "a new or empty folder of its own, such as _site (the default)";

/**
 * Why the build must not write into `out`, or undefined when it may. One
 * line: the folder as typed, what it is, and what to do instead.
 */
export function outputFolderProblem(
  out: OutputFolder,
  project: ProjectFolders,
  preview: boolean,
): string | undefined {
  const at = `output folder ${out.given}: ${out.path}`;
  const replaces = "the build replaces its output folder whole";
  if (out.path === project.root) {
    return `${at} is the project folder; ${replaces} and would delete the project. Expected ${OWN_FOLDER}.`;
  }
  if (isInside(project.root, out.path)) {
    return `${at} contains the project; ${replaces} and would delete it. Expected ${OWN_FOLDER}.`;
  }
  for (const [name, source] of project.sources) {
    if (isInside(out.path, source) || isInside(source, out.path)) {
      const where = out.path === source ? "is" : isInside(out.path, source) ? "is inside" : "contains";
      return `${at} ${where} the project's ${name}/ folder; ${replaces}. Expected a folder outside ${SOURCE_FOLDERS.slice(0, -1).join(", ")} and ${SOURCE_FOLDERS.at(-1)}, such as _site (the default).`;
    }
  }
  if (preview && isInside(out.path, project.published)) {
    const where = out.path === project.published ? "is" : "is inside";
    return `${at} ${where} _site/, the folder a host publishes; a preview (drafts and scheduled releases) cannot be written to _site/ or inside it. Expected another folder, such as _preview (the default of npm run build:preview).`;
  }
  if (out.state === "file") return `${at} is a file. Expected a folder.`;
  if (out.state === "broken-link") {
    return `${at} is a symbolic link to nothing. Expected a folder, or a link to one.`;
  }
  if (out.state === "missing" || out.entries.length === 0) return undefined;
  if (out.marker === "site" && preview) {
    return `${at} holds a published build (its ${OUTPUT_MARKER} says so); a preview (drafts and scheduled releases) cannot replace it. Expected another folder, such as _preview (the default of npm run build:preview).`;
  }
  if (out.marker) return undefined;
  // A build from before the marker existed left _site/ or _preview/ unmarked.
  const isDefault =
    out.path === path.join(project.root, PUBLISHED_DIR) || out.path === path.join(project.root, PREVIEW_DIR);
  const foreign = out.entries.filter((entry) => !isWrittenByBuild(entry)).map((entry) => entry.name);
  if (foreign.length > 0) {
    return `${at} holds files the build did not write (${listNames(foreign.sort())}); ${replaces} and would delete them. Expected an empty or new folder, or one a build wrote (it holds ${OUTPUT_MARKER}): build elsewhere and copy the result into place.`;
  }
  if (isDefault) return undefined;
  return `${at} holds a site but no ${OUTPUT_MARKER}, so the build cannot tell it wrote it; ${replaces}. Expected an empty or new folder, or one a build wrote: if an earlier version of Pressroom built this one, delete it and build again.`;
}

/** Absolute path with symbolic links resolved along the part that exists. */
export function resolveReal(target: string): string {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  let existing = absolute;
  while (!existsSync(existing) && !isLink(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return absolute;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  if (existsSync(existing)) return path.join(realpathSync(existing), ...rest);
  // A link to nothing: its folder is resolved, the link itself kept, so it is reported as such.
  return path.join(resolveReal(path.dirname(existing)), path.basename(existing), ...rest);
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function readMarker(dir: string): OutputKind | undefined {
  const file = path.join(dir, OUTPUT_MARKER);
  if (!existsSync(file)) return undefined;
  // A marker that says nothing readable counts as a published build: the safer reading.
  return /^kind: preview$/m.test(readFileSync(file, "utf8")) ? "preview" : "site";
}

export function writeMarker(dir: string, kind: OutputKind): void {
  writeFileSync(
    path.join(dir, OUTPUT_MARKER),
    `This folder is written by Pressroom's build and replaced whole by the next one.\nkind: ${kind}\n`,
  );
}

/** What is at `given` (relative to `rootDir`), as outputFolderProblem needs it. */
export function readOutputFolder(rootDir: string, given: string): OutputFolder {
  const real = resolveReal(path.resolve(rootDir, given));
  if (!existsSync(real)) {
    return { given, path: real, state: isLink(real) ? "broken-link" : "missing", entries: [] };
  }
  if (!statSync(real).isDirectory()) return { given, path: real, state: "file", entries: [] };
  const entries = readdirSync(real, { withFileTypes: true }).map((entry) => ({
    name: entry.name,
    // A link to a folder is not something the build writes: counted as a file.
    isDirectory: entry.isDirectory(),
  }));
  return { given, path: real, state: "folder", entries, marker: readMarker(real) };
}

export function readProjectFolders(rootDir: string): ProjectFolders {
  const root = resolveReal(rootDir);
  return {
    root,
    sources: new Map(SOURCE_FOLDERS.map((name) => [name, resolveReal(path.join(root, name))])),
    published: resolveReal(path.join(root, PUBLISHED_DIR)),
  };
}

/** A build refused before it wrote anything. */
export class OutputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputRefused";
  }
}

/** The output folder's real path, once the build may write there; throws OutputRefused when not. */
export function claimOutputFolder(rootDir: string, given: string, kind: OutputKind): string {
  const out = readOutputFolder(rootDir, given);
  const problem = outputFolderProblem(out, readProjectFolders(rootDir), kind === "preview");
  if (problem) throw new OutputRefused(problem);
  return out.path;
}

// The response headers a host should send with each file of a built site,
// written by the build as `_headers` (the format Netlify and Cloudflare
// Pages read) and parsed back by `npm run serve` (lib/deploy/headers-file.ts).
//
// Hosts disagree on what happens when two rules match one path: Cloudflare
// Pages joins the values of a header with commas (two policies, both
// enforced), Netlify keeps one. So no two rules here ever match the same
// path: the output is covered by disjoint rules, a whole folder in one rule
// where every file in it gets the same headers, file by file where a more
// specific section (hashed search files, /embargo/) sits inside it.
import path from "node:path";
import { EMBARGO_SEGMENT } from "../view/urls.ts";
import {
  editorContentSecurityPolicy,
  formatPolicy,
  siteContentSecurityPolicy,
} from "./content-security-policy.ts";

export type HeaderSet = Readonly<Record<string, string>>;

/** One block of `_headers`: a URL path (`/en/*` for a folder, `/sw.js` for a file) and its headers. */
export interface HeaderRule {
  path: string;
  headers: HeaderSet;
}

/**
 * Headers that replace the site's own under part of the site: a folder
 * (`admin/`, ending in `/`) or one file, relative to the site root.
 */
export interface Section {
  path: string;
  headers: HeaderSet;
}

export interface HeaderSite {
  pathPrefix: string;
  allowRawHtml: boolean;
}

/** Files that never change once written: their name changes with their content. */
const IMMUTABLE = { "Cache-Control": "public, max-age=31536000, immutable" };

/**
 * Sections of every site, whatever it holds. An embargoed preview
 * (/embargo/, lib/embargo/) must not leak its address to the sites it links
 * to, nor be indexed, and shows its media kit from blob: URLs. The CMS at
 * /admin/ adds its own looser policy here.
 */
export function fixedSections(site: HeaderSite): Section[] {
  return [
    {
      path: `${EMBARGO_SEGMENT}/`,
      headers: {
        "Content-Security-Policy": formatPolicy(
          siteContentSecurityPolicy({ allowRawHtml: site.allowRawHtml, blobs: true }),
        ),
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex, nofollow",
      },
    },
    {
      path: "admin/",
      headers: {
        "Content-Security-Policy": formatPolicy(editorContentSecurityPolicy()),
        "X-Robots-Tag": "noindex, nofollow",
      },
    },
  ];
}

/**
 * Pagefind's index (lib/search/pagefind.ts writes it to pagefind/): the
 * fragment, index and filter chunks and the per-language metadata carry a
 * hash of their content in their name. pagefind.js, pagefind-worker.js,
 * pagefind-entry.json and the wasm.<lang>.pagefind loaders keep their names
 * from one build to the next, so they are revalidated like everything else.
 */
const HASHED_SEARCH_FOLDERS = ["pagefind/fragment/", "pagefind/index/", "pagefind/filter/"];
const HASHED_SEARCH_FILE = /^pagefind\/pagefind\.[^/]+_[0-9a-f]+\.pf_meta$/;

/** What every file of the site is sent with, unless a section says otherwise. */
export function siteHeaders(site: HeaderSite): HeaderSet {
  return {
    "Content-Security-Policy": formatPolicy(siteContentSecurityPolicy({ allowRawHtml: site.allowRawHtml })),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Pages, sw.js and every file whose name stays the same between builds
    // are checked with the host on each use, so a new build (an embargo
    // lifted) is seen at once.
    "Cache-Control": "no-cache",
  };
}

/** The sections of this build: the fixed ones and the hashed search files it wrote. */
export function sectionsFor(files: readonly string[], site: HeaderSite): Section[] {
  return [
    ...fixedSections(site),
    ...HASHED_SEARCH_FOLDERS.map((folder) => ({ path: folder, headers: IMMUTABLE })),
    ...files
      .filter((file) => HASHED_SEARCH_FILE.test(file))
      .map((file) => ({ path: file, headers: IMMUTABLE })),
  ];
}

/** Files a host reads instead of serving, and the build's own marker. */
function isServed(file: string): boolean {
  return file !== "_headers" && !file.split("/").some((segment) => segment.startsWith("."));
}

interface Folder {
  files: string[];
  folders: Map<string, Folder>;
}

function folderTree(files: readonly string[], sections: readonly Section[]): Folder {
  const root: Folder = { files: [], folders: new Map() };
  const folderAt = (segments: string[]) => {
    let folder = root;
    for (const name of segments) {
      let next = folder.folders.get(name);
      if (!next) {
        next = { files: [], folders: new Map() };
        folder.folders.set(name, next);
      }
      folder = next;
    }
    return folder;
  };
  for (const file of files) {
    const segments = file.split("/");
    const name = segments.pop() as string;
    folderAt(segments).files.push(name);
  }
  // A section for a folder the build did not write (/embargo/ before any
  // embargoed preview exists) still gets its rule, ready for when it does.
  for (const section of sections)
    if (section.path.endsWith("/")) folderAt(section.path.split("/").slice(0, -1));
  return root;
}

function sameHeaders(a: HeaderSet, b: HeaderSet): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** URL path of a site-relative path under the prefix, each segment percent-encoded. */
function urlPath(prefix: string, relative: string): string {
  return `${prefix}${relative
    .split("/")
    .map((segment) => (segment === "*" ? segment : encodeURIComponent(segment)))
    .join("/")}`;
}

/**
 * Disjoint `_headers` rules for a built site. `files` are its files relative
 * to the site root with `/` between folders; sections apply longest path last.
 */
export function headerRules(
  files: readonly string[],
  site: HeaderSite,
  sections: readonly Section[] = sectionsFor(files, site),
): HeaderRule[] {
  const base = siteHeaders(site);
  const served = files.filter(isServed);
  const ordered = [...sections].sort((a, b) => a.path.length - b.path.length);
  /** Headers for a folder's files that no file section names (and for paths the build did not write). */
  const forFolder = (folder: string): HeaderSet =>
    Object.assign(
      { ...base },
      ...ordered.filter((s) => s.path.endsWith("/") && folder.startsWith(s.path)).map((s) => s.headers),
    );
  const forFile = (file: string): HeaderSet =>
    Object.assign(
      { ...base },
      ...ordered
        .filter((s) => (s.path.endsWith("/") ? file.startsWith(s.path) : file === s.path))
        .map((s) => s.headers),
    );
  const uniform = (folder: Folder, at: string): boolean => {
    const headers = forFolder(at);
    return (
      folder.files.every((name) => sameHeaders(forFile(`${at}${name}`), headers)) &&
      [...folder.folders].every(
        ([name, sub]) => sameHeaders(forFolder(`${at}${name}/`), headers) && uniform(sub, `${at}${name}/`),
      )
    );
  };
  const rules: HeaderRule[] = [];
  const cover = (folder: Folder, at: string) => {
    if (uniform(folder, at)) {
      rules.push({ path: urlPath(site.pathPrefix, `${at}*`), headers: forFolder(at) });
      return;
    }
    for (const name of folder.files) {
      const headers = forFile(`${at}${name}`);
      rules.push({ path: urlPath(site.pathPrefix, `${at}${name}`), headers });
      // The folder's own address (/en/ rather than /en/index.html) is a path of its own.
      if (name === "index.html") rules.push({ path: urlPath(site.pathPrefix, at), headers });
    }
    for (const [name, sub] of folder.folders) cover(sub, `${at}${name}/`);
  };
  cover(folderTree(served, sections), "");
  return rules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The `_headers` file: a comment, then each rule's path and its indented headers. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
  );
  const intro = [
    "# Response headers for Netlify and Cloudflare Pages, written by `npm run build`",
    "# (lib/deploy/headers.ts); `npm run serve` sends the same. No two rules match one path.",
  ];
  return `${[...intro, "", blocks.join("\n\n")].join("\n")}\n`;
}

/** Writes `_headers` into a built site; `files` are the absolute paths of what it holds. */
export function headersFileText(siteDir: string, files: readonly string[], site: HeaderSite): string {
  const relative = files.map((file) => path.relative(siteDir, file).split(path.sep).join("/"));
  return formatHeadersFile(headerRules(relative, site));
}

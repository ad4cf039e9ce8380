// Which of Pagefind's files make one language's index, shared by the build
// (which lists them per language, lib/search/offline-files.ts), the service
// worker and the search page's offline saving (lib/client/search/offline-index.ts).
// Pagefind names its index, fragment, filter and metadata files after their
// content, so a stored file with the same name is the same file: a new build
// re-downloads only the files whose names changed.

/** The Cache Storage cache holding Pagefind files, filled by searches and by saving. */
export const SEARCH_CACHE = "pressroom-search";

/** True for Pagefind files named by a hash of their content. */
export function isHashedIndexFile(pathname: string): boolean {
  return /\/pagefind\/(?:(?:index|fragment|filter)\/[^/]+|pagefind\.[^/]+\.pf_meta)$/.test(pathname);
}

/** One language's index as the build lists it, paths relative to the Pagefind folder. */
export interface IndexFileList {
  language: string;
  files: { path: string; bytes: number }[];
  bytes: number;
}

/** The list's file name, in the Pagefind folder, for a Pagefind language (`<html lang>`, lowercased). */
export function fileListName(language: string): string {
  return `pressroom-files.${language.toLowerCase()}.json`;
}

/**
 * Whether a file of the Pagefind folder belongs to one Pagefind language
 * (a part of a page language's index, lib/search/parts.ts): its own index,
 * fragments, filters and metadata, the runtime, the parts manifest and the
 * language's WebAssembly (`wasm` in the entry file; `unknown` when Pagefind
 * has no stemmer for it).
 */
export function belongsToIndex(relativePath: string, key: string, wasm: string | null): boolean {
  const lang = key.toLowerCase();
  if (
    ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "pressroom-index.json"].includes(
      relativePath,
    )
  )
    return true;
  if (relativePath === `wasm.${wasm ?? "unknown"}.pagefind`) return true;
  if (relativePath.startsWith(`pagefind.${lang}_`) && relativePath.endsWith(".pf_meta")) return true;
  return (
    /^(index|fragment|filter)\//.test(relativePath) &&
    relativePath.split("/")[1]?.startsWith(`${lang}_`) === true
  );
}

/**
 * Below this many bytes a language's whole index is saved for offline use
 * after the visitor's first search, without asking; above it, the search
 * page offers to save it and says how large it is. 2 MiB is about what a
 * phone fetches for two photos; an archive of a few hundred releases per
 * language stays under it (README, Offline).
 */
export const AUTO_SAVE_BYTES = 2 * 1024 * 1024;

// Writes, beside Pagefind's files, one list per language of the files that
// make its index and their sizes (lib/search/index-files.ts says which). The
// search page reads it to show what saving a language's index for offline
// use costs, and to fetch only the files a new build changed.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { belongsToIndex, fileListName, type IndexFileList } from "./index-files.ts";

interface Entry {
  languages: Record<string, { wasm?: string | null }>;
}

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/**
 * One list per page language, of the files of all its parts (`parts`: the
 * Pagefind languages of each page language); returns them for the build
 * summary and the bench.
 */
export function writeIndexFileLists(pagefindDir: string, parts: Record<string, string[]>): IndexFileList[] {
  const entry = JSON.parse(readFileSync(path.join(pagefindDir, "pagefind-entry.json"), "utf8")) as Entry;
  const all = walk(pagefindDir)
    .filter((f) => !f.startsWith("pressroom-files."))
    .sort();
  return Object.entries(parts).map(([language, keys]) => {
    const files = all
      .filter((f) => keys.some((key) => belongsToIndex(f, key, entry.languages[key]?.wasm ?? null)))
      .map((f) => ({ path: f, bytes: statSync(path.join(pagefindDir, f)).size }));
    const list: IndexFileList = { language, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
    writeFileSync(path.join(pagefindDir, fileListName(language)), JSON.stringify(list));
    return list;
  });
}

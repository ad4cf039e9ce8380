// Walks a built site: counts pages per locale for the summary and checks
// what must hold for every HTML page. The pipeline walks the site once and
// hands the file list to each of these.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { LocaleRegistry } from "../i18n/locales.ts";

/** Every file under `dir`, but none under a folder `skip` returns true for. */
export function listFiles(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  // One list for the whole walk: spreading a folder's list into its parent's
  // passes every path as an argument, which overflows the call stack at
  // about 150,000 files (a large archive's index or share cards).
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip(full)) walk(full);
      } else if (entry.isFile()) files.push(full);
    }
  };
  walk(dir);
  return files;
}

export function totalBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

/** HTML pages per locale code; pages outside any locale folder count as "shared". */
export function countPagesByLocale(
  siteDir: string,
  files: readonly string[],
  registry: LocaleRegistry,
): Map<string, number> {
  const bySegment = new Map(registry.all.map((l) => [l.urlSegment, l.code]));
  // Registry order, then pages shared by all languages (the chooser).
  const counts = new Map<string, number>(registry.all.map((l) => [l.code, 0]));
  counts.set("shared", 0);
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    const segment = path.relative(siteDir, file).split(path.sep)[0] ?? "";
    const key = bySegment.get(segment) ?? "shared";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const HTML_LANG = /<html\b[^>]*\slang="([^"]+)"/i;

/** The first bytes of a file: <html lang> is at the top, pages can be large. */
function readHead(file: string, bytes = 2048): string {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(file, "r");
  try {
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Pagefind picks a page's index from <html lang>; a page without it would be
 * indexed without Chinese word segmentation, silently. So every page must
 * carry a language the registry knows.
 */
export function findPagesWithoutRegistryLang(
  siteDir: string,
  files: readonly string[],
  registry: LocaleRegistry,
): string[] {
  const allowed = new Set(registry.all.map((l) => l.htmlLang));
  const bad: string[] = [];
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    const lang = HTML_LANG.exec(readHead(file))?.[1];
    if (!lang || !allowed.has(lang)) {
      bad.push(
        `${path.relative(siteDir, file)}: <html lang> is ${lang ? `"${lang}"` : "missing"}; expected one of ${[...allowed].join(", ")}`,
      );
    }
  }
  return bad;
}

// The search index in parts: each language's releases are cut into parts
// of whole years, at most MAX_PART_PAGES releases each, filled from the
// oldest year on (a year with more releases is cut into pieces of its own).
// Filling from the oldest keeps the parts stable: a new release changes the
// newest part only, so a browser that saved the index fetches little again.
// Each part is its own Pagefind language in the one bundle (so every part
// of a language shares one runtime and one WebAssembly file), indexed by its
// own Pagefind process. Pagefind holds everything it reads until it writes
// (https://github.com/Pagefind/pagefind/issues/842), so a part bounds the
// indexer's memory, whatever the size of the archive; and the search page
// can search the newest parts first and older ones when the reader asks
// (lib/client/search/search-index.ts), so a first search does not download
// the archive's whole page list.
//
// The manifest the build writes beside the index tells the search page
// each language's parts and their years, and the facet counts of the whole
// archive, so the filters show without any index being loaded.

/** A part's size at most: about 400 MB of indexer memory for Chinese (docs/performance.md). */
export const MAX_PART_PAGES = 1000;

/**
 * Languages written in Han characters without spaces: their index is built
 * under a language tag Pagefind does not segment, so the character pairs of
 * lib/search/han.ts stay as they are. Other languages keep their own tag,
 * and so their stemming.
 */
const HAN_LANGUAGES = new Set(["zh", "cmn", "yue", "wuu", "lzh"]);

/**
 * How long Pagefind takes over a part, relative to other parts: its
 * releases, counted three times in a Han part, whose character pairs give
 * Pagefind about three times the work of as many English releases (1,000
 * of each took 3.8 s and 1.1 s of CPU; docs/performance.md, Pagefind's
 * allocator).
 */
export function indexingWork(part: IndexPart<PartDocument>): number {
  const primary = part.documents[0]?.language.split("-")[0] ?? "";
  return part.documents.length * (HAN_LANGUAGES.has(primary) ? 3 : 1);
}

/** What parts.ts needs of an index document. */
export interface PartDocument {
  /** `<html lang>`, lowercased. */
  language: string;
  year: number;
  /** Sorts by release time. */
  sortKey: string;
  filters: Record<string, string[]>;
}

export interface IndexPart<D> {
  /** The Pagefind language the part is indexed and loaded under. */
  key: string;
  /** Newest first. */
  years: number[];
  documents: D[];
}

/**
 * The Pagefind language of a part, named after its oldest year (and its
 * piece of a busy year): the page language with a private-use suffix
 * (`en-x-y2025`, Pagefind still stems it as English), or for Han
 * languages under "zxx" (no linguistic content), which Pagefind neither
 * segments nor stems, with the page language kept after it.
 */
export function partKey(language: string, year: number, piece: number): string {
  const primary = language.split("-")[0] ?? language;
  const suffix = `y${year}${piece > 0 ? String.fromCharCode(97 + piece) : ""}`;
  return HAN_LANGUAGES.has(primary) ? `zxx-x-${language}-${suffix}` : `${language}-x-${suffix}`;
}

/** Cuts one language's documents into parts, newest first, each part's documents newest first. */
export function splitIntoParts<D extends PartDocument>(
  documents: readonly D[],
  maxPages = MAX_PART_PAGES,
): IndexPart<D>[] {
  const sorted = [...documents].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const byYear = new Map<number, D[]>();
  for (const doc of sorted) {
    const group = byYear.get(doc.year);
    if (group) group.push(doc);
    else byYear.set(doc.year, [doc]);
  }
  const language = documents[0]?.language ?? "";
  const parts: IndexPart<D>[] = [];
  let open: IndexPart<D> | undefined;
  for (const [year, docs] of [...byYear].sort(([a], [b]) => a - b)) {
    if (docs.length > maxPages) {
      // Even pieces: 1,001 releases make two parts of about 500, not 1,000 and 1.
      const pieces = Math.ceil(docs.length / maxPages);
      const size = Math.ceil(docs.length / pieces);
      for (let piece = pieces - 1; piece >= 0; piece--) {
        parts.push({
          key: partKey(language, year, pieces - 1 - piece),
          years: [year],
          documents: docs.slice(piece * size, (piece + 1) * size),
        });
      }
      open = undefined;
    } else if (open && open.documents.length + docs.length <= maxPages) {
      open.years.unshift(year);
      open.documents.unshift(...docs);
    } else {
      open = { key: partKey(language, year, 0), years: [year], documents: [...docs] };
      parts.push(open);
    }
  }
  return parts.reverse();
}

/** One language's parts and facet counts, as the search page reads them. */
export interface LanguageManifest {
  /** Newest first, each with its years, newest first. */
  parts: { key: string; years: number[]; pages: number }[];
  /** Every facet value of the language's releases and how many have it. */
  filters: Record<string, Record<string, number>>;
}

/** The manifest's name, in the Pagefind folder. */
export const MANIFEST = "pressroom-index.json";

export function languageManifest<D extends PartDocument>(parts: readonly IndexPart<D>[]): LanguageManifest {
  const filters: Record<string, Record<string, number>> = {};
  for (const part of parts) {
    for (const doc of part.documents) {
      for (const [facet, values] of Object.entries(doc.filters)) {
        const counts = filters[facet] ?? {};
        filters[facet] = counts;
        for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
      }
    }
  }
  return {
    parts: parts.map((p) => ({ key: p.key, years: p.years, pages: p.documents.length })),
    filters,
  };
}

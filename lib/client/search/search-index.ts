// The one module that knows how the search index is loaded and asked. The
// index comes in parts, newest first (lib/search/parts.ts): a query searches
// the newest parts until it has the results a page shows, and older parts
// only when the reader asks for more, so a first search does not download
// the archive's whole page list. Each part is a Pagefind instance of its
// own language in the one bundle, sharing one worker and WebAssembly file.
// Results are the parts' results in order, so newest-first stays newest
// first across parts, and "relevance" is relevance within a part, newer
// parts first. The controller sees only `SearchIndex`.
import type { LanguageManifest } from "../../search/parts.ts";
import { type QueryResult, runQuery } from "./query.ts";
import type { FacetCounts, ResultData } from "./render.ts";

export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}

/** The part of a Pagefind instance the page uses. */
export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FacetCounts>;
  search(
    query: string | null,
    options?: object,
  ): Promise<{ results: PagefindResult[]; filters: FacetCounts } | null>;
}

/** Pagefind's module: `createInstance` makes an instance sharing the module's worker. */
export interface Pagefind {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Where the index is and what it holds for this page's language. */
export interface IndexLocation {
  /** The Pagefind folder, ending in "/". */
  base: string;
  manifest: LanguageManifest;
  /** The build's index version: a new index has a new tag, so no browser keeps an old entry file. */
  version: string;
  /**
   * Pagefind picks an instance's language from `<html lang>` when it is
   * created; the page sets it to the part's language for that moment.
   */
  withLanguage<T>(language: string, create: () => T): T;
}

export interface Answer extends QueryResult<PagefindResult> {
  /** False while older parts are not searched yet. */
  complete: boolean;
  /** The oldest year searched so far. */
  fromYear: number | undefined;
  /** Years with parts not searched yet: their facet counts are unknown. */
  pendingYears: string[];
  /** Searches older parts until there are `wanted` results or none are left. */
  more(wanted: number): Promise<Answer | null>;
}

export interface SearchIndex {
  /** Every facet value of the language's releases and its number of releases. */
  filters(): FacetCounts;
  /** A visitor's query under Pagefind search options, searched until `wanted` results; null when overtaken. */
  query(text: string, options: SearchOptions, wanted: number): Promise<Answer | null>;
}

export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}

/**
 * How many releases a first search looks through, newest parts first, when
 * it has not found a page of results: after that it stops and lets the
 * reader ask for older ones. An archive this small is always searched whole.
 */
export const FIRST_PAGES = 2000;

function addCounts(into: FacetCounts, from: FacetCounts): void {
  for (const [facet, values] of Object.entries(from)) {
    const counts = into[facet] ?? {};
    into[facet] = counts;
    for (const [value, n] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + n;
  }
}

/**
 * Pagefind takes a new instance's language from <html lang>: it is set to
 * the part's language while the instance is made, and put back in the same
 * task, before anything is drawn or announced.
 */
export function withLanguage<T>(language: string, create: () => T): T {
  const html = document.documentElement;
  const own = html.getAttribute("lang");
  html.setAttribute("lang", language);
  try {
    return create();
  } finally {
    if (own === null) html.removeAttribute("lang");
    else html.setAttribute("lang", own);
  }
}

/** The manifest's languages, as the build writes them (lib/search/pagefind.ts). */
export interface Manifest {
  languages: Record<string, LanguageManifest>;
}

export function openSearchIndex(pagefind: Pagefind, where: IndexLocation): SearchIndex {
  const instances = new Map<string, Promise<PagefindInstance>>();
  const open = (key: string) => {
    let instance = instances.get(key);
    if (!instance) {
      instance = (async () => {
        const created = where.withLanguage(key, () => pagefind.createInstance({ basePath: where.base }));
        await created.options({ excerptLength: 30, metaCacheTag: where.version });
        // Loads the part's filter chunks, so its results come with facet counts.
        await created.filters();
        return created;
      })();
      instances.set(key, instance);
    }
    return instance;
  };

  return {
    filters: () => where.manifest.filters,
    async query(text, options, wanted) {
      // A year filter needs only the parts of those years.
      const years = options.filters?.year?.any;
      const parts = where.manifest.parts.filter(
        (p) => !years?.length || p.years.some((year) => years.includes(String(year))),
      );
      const exact: PagefindResult[] = [];
      const apart: PagefindResult[] = [];
      const filters: FacetCounts = {};
      let searched = 0;
      let pages = 0;
      // One search at a time: "Show more" pressed twice waits for the first.
      let queue: Promise<unknown> = Promise.resolve();
      const answer = (): Answer => {
        const complete = searched >= parts.length;
        // Releases with a Chinese query's words apart follow every exact
        // match, so they are shown once the last part has been searched.
        const results = complete ? [...exact, ...apart] : exact;
        return {
          results,
          exact: exact.length,
          filters,
          complete,
          fromYear: parts[searched - 1]?.years.at(-1),
          pendingYears: [...new Set(parts.slice(searched).flatMap((p) => p.years.map(String)))],
          more: (more) => {
            const next = queue.then(() => search(more, Number.POSITIVE_INFINITY));
            queue = next;
            return next;
          },
        };
      };
      const search = async (want: number, pageLimit: number): Promise<Answer | null> => {
        while (searched < parts.length && (searched === 0 || (exact.length < want && pages < pageLimit))) {
          const part = parts[searched] as (typeof parts)[number];
          const found = await runQuery(await open(part.key), text, options);
          if (!found) return null;
          exact.push(...found.results.slice(0, found.exact));
          apart.push(...found.results.slice(found.exact));
          addCounts(filters, found.filters);
          searched++;
          pages += part.pages;
        }
        return answer();
      };
      return search(wanted, FIRST_PAGES);
    },
  };
}

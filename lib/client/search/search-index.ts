// The one module that knows how the search index is loaded and asked: it
// imports Pagefind's runtime, sets it up for this build's index, and runs a
// visitor's query through the plan in query.ts. The controller sees only
// `SearchIndex`, so a different index layout (per year, a bigram Chinese
// index, merged indexes) changes this file and query.ts, not the page.
import { type QueryResult, runQuery } from "./query.ts";
import type { FacetCounts, ResultData } from "./render.ts";

export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}

/** The part of Pagefind's JS API the page uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FacetCounts>;
  search(
    query: string | null,
    options?: object,
  ): Promise<{ results: PagefindResult[]; filters: FacetCounts } | null>;
}

export interface SearchIndex {
  /** Every facet value and its number of releases. */
  filters(): Promise<FacetCounts>;
  /** Results of a visitor's query under Pagefind search options; null when a newer search overtook it. */
  query(text: string, options: object): Promise<QueryResult<PagefindResult> | null>;
}

/**
 * Loads the index. `version` is the build's index version: a new index has a
 * new tag, so no browser keeps an old index's entry file.
 */
export async function openSearchIndex(
  importPagefind: () => Promise<Pagefind>,
  version: string,
): Promise<SearchIndex> {
  const pagefind = await importPagefind();
  await pagefind.options({ excerptLength: 30, metaCacheTag: version });
  await pagefind.init();
  return {
    filters: () => pagefind.filters(),
    query: (text, options) => runQuery(pagefind, text, options),
  };
}

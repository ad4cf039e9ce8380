// How a visitor's query is asked of the index. Han text is indexed one
// character per word (lib/search/han.ts), so a Chinese word is searched as an exact
// phrase of its characters: every release containing it is found, and no
// release containing its characters apart is. Other words go to Pagefind
// as typed, with its stemming (battery finds batteries).

const HAN = /\p{Script=Han}/u;
const WORD_BREAK = /\u200B/g;

export interface QueryPart {
  /** Han characters, to be found next to each other. */
  han?: string[];
  text?: string;
}

export function planQuery(query: string): QueryPart[] {
  const parts = query.normalize("NFKC").match(/\p{Script=Han}+|[^\s\p{Script=Han}]+/gu) ?? [];
  return parts.map((part) => (HAN.test(part) ? { han: [...part] } : { text: part }));
}

/** All words and characters, for Pagefind's ranking. */
export function rankingQuery(plan: readonly QueryPart[]): string {
  return plan.map((p) => (p.han ? p.han.join(" ") : (p.text ?? ""))).join(" ");
}

/** Exact-phrase queries for each run of more than one Han character. */
export function phraseQueries(plan: readonly QueryPart[]): string[] {
  return plan.filter((p) => p.han && p.han.length > 1).map((p) => `"${(p.han ?? []).join(" ")}"`);
}

/** Pagefind keeps our word breaks in titles it read from the page. */
export function withoutWordBreaks(value: string): string {
  return value.replace(WORD_BREAK, "");
}

export interface PagefindLike<R extends { id: string }> {
  search(
    query: string | null,
    options?: object,
  ): Promise<{ results: R[]; filters: Record<string, Record<string, number>> } | null>;
}

export interface QueryResult<R> {
  results: R[];
  filters: Record<string, Record<string, number>>;
}

/**
 * Runs a query: Pagefind's ranked search over all words and characters, kept
 * to the releases where every Chinese run appears as a phrase. The phrase
 * search's result objects are returned where there is one, since their
 * excerpts highlight the whole phrase.
 */
export async function runQuery<R extends { id: string }>(
  pagefind: PagefindLike<R>,
  query: string,
  options: object,
): Promise<QueryResult<R> | null> {
  const plan = planQuery(query);
  if (plan.length === 0) return pagefind.search(null, options);
  const ranked = await pagefind.search(rankingQuery(plan), options);
  const phrases = phraseQueries(plan);
  if (!ranked || phrases.length === 0) return ranked;
  let keep: Set<string> | undefined;
  let preferred: Map<string, R> | undefined;
  let filters = ranked.filters;
  for (const phrase of phrases) {
    const exact = await pagefind.search(phrase, options);
    if (!exact) return null;
    const ids = new Map(exact.results.map((r) => [r.id, r]));
    preferred ??= ids;
    // Facet counts of a phrase search are exact for that phrase; with several
    // phrases they are those of the last, an upper bound.
    filters = exact.filters;
    keep = keep ? new Set([...keep].filter((id) => ids.has(id))) : new Set(ids.keys());
  }
  const results = ranked.results.filter((r) => keep?.has(r.id)).map((r) => preferred?.get(r.id) ?? r);
  return { results, filters };
}

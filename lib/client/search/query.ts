// How a visitor's query is asked of the index. Han text is indexed as
// overlapping character pairs (lib/search/han.ts), so a Chinese run is
// searched as an exact phrase of its pairs: every release containing it is
// found first. Chinese readers type without spaces, so a run may be several words
// (a company and a topic): the run is also split into words the way the
// browser's Intl.Segmenter splits Chinese, and releases containing every word,
// apart, follow the exact matches. Other words go to Pagefind as typed, with
// its stemming (battery finds batteries).

import { hanPairs } from "../../search/han.ts";

const HAN = /\p{Script=Han}/u;

export interface QueryPart {
  /** The run's character pairs (one character alone), to be found next to each other. */
  han?: string[];
  /** The run's words (each as pairs) when it is more than one word. */
  words?: string[][];
  text?: string;
}

/** Splits a run of Han characters into words. */
export type Segment = (run: string) => string[];

let zhSegmenter: Intl.Segmenter | undefined;
export const segmentChinese: Segment = (run) => {
  zhSegmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return Array.from(zhSegmenter.segment(run), (s) => s.segment);
};

/**
 * Glues neighbouring one-character segments back together: the segmenter
 * leaves a word it does not know (a name, 储能 in some ICU versions) as
 * single characters, and searching those apart would find almost anything.
 */
export function joinSingles(words: readonly string[]): string[] {
  const joined: string[] = [];
  let single = false;
  for (const word of words) {
    const one = [...word].length === 1;
    if (one && single) joined[joined.length - 1] += word;
    else joined.push(word);
    single = one;
  }
  return joined;
}

/**
 * Runs this long or shorter are one word: the segmenter splits 新能源 into
 * 新 | 能源 and 锂电池 into 锂 | 电池, and finding those apart would add
 * releases the reader did not ask for (and a search by the single character).
 */
export const ONE_WORD_CHARS = 3;

export function planQuery(query: string, segment: Segment = segmentChinese): QueryPart[] {
  const parts = query.normalize("NFKC").match(/\p{Script=Han}+|[^\s\p{Script=Han}]+/gu) ?? [];
  return parts.map((part) => {
    if (!HAN.test(part)) return { text: part };
    const words = [...part].length > ONE_WORD_CHARS ? joinSingles(segment(part)) : [part];
    return words.length > 1 ? { han: hanPairs(part), words: words.map(hanPairs) } : { han: hanPairs(part) };
  });
}

/**
 * Every word Pagefind must find, for its ranking: a run's pairs, or when it
 * is several words, the pairs of each word of two or more characters (a
 * release with the words apart lacks the pairs across them; a single
 * character, matched by prefix, would miss the pairs it ends).
 */
export function rankingQuery(plan: readonly QueryPart[]): string {
  return plan
    .map((p) => {
      if (!p.han) return p.text ?? "";
      const words = p.words?.filter((w) => w.length > 1 || [...(w[0] ?? "")].length > 1);
      return (words && words.length > 0 ? words.flat() : p.han).join(" ");
    })
    .join(" ");
}

const phrase = (chars: readonly string[]) => `"${chars.join(" ")}"`;

/** Exact-phrase queries for each run of more than one Han character. */
export function phraseQueries(plan: readonly QueryPart[]): string[] {
  return plan.filter((p) => p.han && p.han.length > 1).map((p) => phrase(p.han ?? []));
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
  /** How many of the results, from the first, have every Chinese run as typed; the rest have its words apart. */
  exact: number;
}

const intersect = <T>(a: Set<T> | undefined, b: Set<T>) => (a ? new Set([...a].filter((x) => b.has(x))) : b);

/**
 * Runs a query: Pagefind's ranked search over all words and characters, kept
 * to the releases where every Chinese run appears as a phrase, then those
 * where it appears only as its words apart, each group in ranked order. The
 * phrase search's result objects are returned for exact matches, since their
 * excerpts highlight the whole phrase.
 */
export async function runQuery<R extends { id: string }>(
  pagefind: PagefindLike<R>,
  query: string,
  options: object,
  segment: Segment = segmentChinese,
): Promise<QueryResult<R> | null> {
  const plan = planQuery(query, segment);
  const whole = (answer: { results: R[]; filters: QueryResult<R>["filters"] } | null) =>
    answer && { ...answer, exact: answer.results.length };
  if (plan.length === 0) return whole(await pagefind.search(null, options));
  const ranked = await pagefind.search(rankingQuery(plan), options);
  const runs = plan.filter((p) => p.han && p.han.length > 1);
  if (!ranked || runs.length === 0) return whole(ranked);
  let exactKeep: Set<string> | undefined;
  let anyKeep: Set<string> | undefined;
  let preferred: Map<string, R> | undefined;
  let filters = ranked.filters;
  for (const run of runs) {
    const exact = await pagefind.search(phrase(run.han ?? []), options);
    if (!exact) return null;
    const ids = new Map(exact.results.map((r) => [r.id, r]));
    preferred ??= ids;
    const exactIds = new Set(ids.keys());
    // Facet counts are exact for one phrase; with words apart they are
    // those of the word found least, an upper bound.
    let narrowest = exact;
    let apart = exactIds;
    if (run.words) {
      // Every ranked result has the pairs of every word (rankingQuery): a
      // word of one pair is no narrower. A longer word must be found as the
      // phrase of its pairs; a single character, as the start of a word.
      let every = new Set(ranked.results.map((r) => r.id));
      let rarest: typeof exact | undefined;
      for (const word of run.words.filter((w) => w.length > 1 || [...(w[0] ?? "")].length === 1)) {
        const found = await pagefind.search(word.length > 1 ? phrase(word) : (word[0] ?? ""), options);
        if (!found) return null;
        every = intersect(every, new Set(found.results.map((r) => r.id)));
        if (!rarest || found.results.length < rarest.results.length) rarest = found;
      }
      apart = new Set([...exactIds, ...every]);
      if (rarest && apart.size > exactIds.size) narrowest = rarest;
    }
    filters = narrowest.filters;
    exactKeep = intersect(exactKeep, exactIds);
    anyKeep = intersect(anyKeep, apart);
  }
  const first = ranked.results.filter((r) => exactKeep?.has(r.id)).map((r) => preferred?.get(r.id) ?? r);
  const then = ranked.results.filter((r) => !exactKeep?.has(r.id) && anyKeep?.has(r.id));
  return { results: [...first, ...then], filters, exact: first.length };
}

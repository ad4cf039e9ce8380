// How Han text (Chinese, and Japanese kanji) is given to the search index
// and asked of it: as overlapping character pairs, the bigram approach of
// Lucene's CJK analyzer and Elasticsearch's cjk_bigram. 新能源汽车 is indexed
// as the words 新能 能源 源汽 汽车, and a query of two or more characters is
// asked as the phrase of its pairs, so every substring is found, whatever
// a dictionary thinks the words are. Pairs are rarer than single characters:
// each word's postings, and so what a first query downloads, are about a
// third of what one character per word cost (figures in docs/performance.md).
//
// Pagefind must not segment the pairs again (its indexer and the browser's
// Intl.Segmenter disagree: https://github.com/Pagefind/pagefind/issues/1237),
// so a Chinese index is built under a language Pagefind does not segment
// (lib/search/parts.ts). Its page text is then split on whitespace only, and
// the excerpt it stores is the encoded text, from which the search page puts
// the original text back (`decodeIndexText`): a pair that repeats the
// character before it continues its run, and two markers, kept in the
// stored text but never part of an indexed word (Pagefind drops ASCII
// punctuation from words), say where that reading would be wrong. Markers
// are kept few: Pagefind takes a slower path for every word with
// punctuation in it, and a marker on each pair cost about 12% of the CPU
// time of indexing Chinese (docs/performance.md).
//
// A one-character query matches the pairs that start with it (Pagefind
// searches words by prefix), not those that end with it: about as many
// releases as Pagefind's own segmentation finds (the bench prints both).

const HAN_RUN = /\p{Script=Han}+/gu;

/** Starts a word the encoding split from the text before it, with no space in the original. */
export const JOIN = "^";
/**
 * Starts a run that follows a space in the original, where the run's
 * first pair would otherwise be read as continuing the text before it:
 * 好 好的 stays two runs. A text's first run is marked too, since the
 * text Pagefind puts before it (the block before) is not known here.
 */
export const APART = "~";

/** A run's overlapping pairs; a single character stands alone. */
export function hanPairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

const ANY_HAN = /\p{Script=Han}/u;

const FULL_WIDTH: Record<string, string> = { [APART]: "～", [JOIN]: "＾" };

/**
 * Whether the run at `start` of `text`, which follows whitespace or starts
 * the text, would be read as continuing the text before it: its first pair
 * repeats the last character before the space, or nothing is known of what
 * comes before. Reads back only over the whitespace, so that a text of many
 * runs is encoded in linear time.
 */
function readAsContinuation(text: string, start: number, run: string): boolean {
  if ([...run].length < 2) return false;
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1] ?? "")) before--;
  return before === 0 || text.endsWith(String.fromCodePoint(run.codePointAt(0) ?? 0), before);
}

/**
 * The index copy of a text: each Han run as its pairs, separated from each
 * other and from neighbouring text by spaces, with markers where the
 * original had no space (JOIN) or where a reader would take a new run for
 * a continuation (APART), so that `decodeIndexText` restores the text
 * exactly. A marker the author typed at the start of a word is shown in its
 * full-width form instead, so it is never read as one of ours.
 */
export function encodeHan(text: string): string {
  const safe = text.replace(
    /(^|\s)([~^])/g,
    (_, space: string, mark: string) => `${space}${FULL_WIDTH[mark]}`,
  );
  // English text, and the space between a body's tags, have nothing to encode.
  if (!ANY_HAN.test(safe)) return safe;
  let out = "";
  let last = 0;
  for (const match of safe.matchAll(HAN_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    out += safe.slice(last, start);
    if (start > 0 && !/\s/.test(safe[start - 1] ?? "")) out += ` ${JOIN}`;
    else if (readAsContinuation(safe, start, match[0])) out += APART;
    out += hanPairs(match[0]).join(" ");
    if (end < safe.length && !/\s/.test(safe[end] ?? "")) out += ` ${JOIN}`;
    last = end;
  }
  return out + safe.slice(last);
}

/**
 * `encodeHan` undone, in plain text or in Pagefind's excerpt HTML, where
 * each matched word is in a `<mark>`. A pair that continues a run repeats
 * the character before it: when only the continuing pair is marked, the
 * mark takes that character over, so a phrase is highlighted from its
 * first character. An excerpt may begin with a marker, its space left
 * outside.
 */
export function decodeIndexText(text: string): string {
  return text
    .replace(
      /(\p{Script=Han})(<\/mark>)? (<mark>)?\1(?=\p{Script=Han})/gu,
      (_, char: string, close = "", open = "") =>
        close || !open ? `${char}${close}${open}` : `${open}${char}`,
    )
    .replace(/ (<mark>)?\^/gu, "$1")
    .replace(/(^|\s)(<mark>)?~(?=\p{Script=Han})/gu, "$1$2")
    .replace(/^(<mark>)?\^(?=\S)/u, "$1");
}

// Han characters (Chinese, and Japanese kanji) are indexed one character per
// word. Pagefind's browser code splits a Chinese query with the browser's
// Intl.Segmenter while its indexer segments pages with another dictionary;
// the two disagree (锂电|池 indexed, 锂|电池 queried), and a short word only
// loads the first index chunk of the words it prefixes. Indexing single
// characters and searching a Chinese query as an exact phrase of characters
// (lib/client/search/query.ts) makes every substring findable. The served
// pages are untouched: only the copy given to Pagefind is split.
//
// Upstream: the segmentation disagreement is
// https://github.com/Pagefind/pagefind/issues/1237 (reported for Japanese,
// confirmed there for Chinese). For the chunk loading we found no upstream
// issue matching what we measured with Pagefind 1.5.2; the closest,
// https://github.com/Pagefind/pagefind/pull/996, fixed short-prefix chunk
// loading before 1.5. tests/browser/search-recall.test.ts tells whether an
// upgrade makes this split unnecessary.

/** Zero-width space: Pagefind splits words on it and strips it from excerpts. */
const WORD_BREAK = "\u200B";

const HAN = /(\p{Script=Han})/gu;

/** Puts a word break after every Han character. */
export function splitHan(text: string): string {
  return text.replace(HAN, `$1${WORD_BREAK}`);
}

// Plain-text descriptions cut to the length search results and link
// previews show. Cuts fall between words as the language segments them
// (Intl.Segmenter: spaces in English, dictionary words or single characters
// in Chinese), never inside a word or a number.

/** About what a search result shows: 160 Latin characters, or 80 Chinese ones. */
export const DESCRIPTION_WIDTH = 160;

/**
 * Full-width characters (Han, kana, Hangul, full-width forms) take two
 * columns, as in a result snippet. Compared as code points: a regular
 * expression per character was most of cutting 2,000 descriptions.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** How many code units of `text` fit in `width` columns: all of it, or up to the first character past the width. */
function fittingLength(text: string, width: number): number {
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    used += isWide(code) ? 2 : 1;
    if (used > width) return i;
    if (code > 0xffff) i++;
  }
  return text.length;
}

// Made once per language and granularity: making one loads the language's
// ICU data, which took about 40% of the time of cutting 2,000 descriptions.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string, granularity: "word" | "grapheme"): Intl.Segmenter {
  const key = `${lang} ${granularity}`;
  let made = segmenters.get(key);
  if (!made) {
    made = new Intl.Segmenter(lang, { granularity });
    segmenters.set(key, made);
  }
  return made;
}

/** Left at the end of a cut, these would sit oddly before the ellipsis. */
const TRAILING = /[\s,.;:!?·，。、；：！？—–-]+$/u;

/**
 * `text` when it fits in `width`; otherwise its longest start that ends at
 * a word boundary of `lang`, passed to `ellipsis` (a bundle pattern, since
 * languages write the ellipsis differently). A first word longer than the
 * width is cut between characters.
 */
export function cutText(
  text: string,
  lang: string,
  ellipsis: (start: string) => string,
  width = DESCRIPTION_WIDTH,
): string {
  const plain = text.replace(/\s+/g, " ").trim();
  const fits = fittingLength(plain, width);
  if (fits === plain.length) return plain;
  // The cut falls where the word the width ends in starts. Asked of that
  // word alone: walking every word up to it took most of the time of
  // cutting 2,000 descriptions.
  let cut = segmenter(lang, "word").segment(plain).containing(fits)?.index ?? fits;
  if (plain.slice(0, cut).trim() === "") {
    cut = segmenter(lang, "grapheme").segment(plain).containing(fits)?.index ?? fits;
  }
  return ellipsis(plain.slice(0, cut).replace(TRAILING, ""));
}

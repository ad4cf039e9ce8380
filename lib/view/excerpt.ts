// Plain-text descriptions cut to the length search results and link
// previews show. Cuts fall between words as the language segments them
// (Intl.Segmenter: spaces in English, dictionary words or single characters
// in Chinese), never inside a word or a number.

/** About what a search result shows: 160 Latin characters, or 80 Chinese ones. */
export const DESCRIPTION_WIDTH = 160;

/** Full-width characters (Han, kana, Hangul, full-width forms) take two columns, as in a result snippet. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
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
  if (widthOf(plain) <= width) return plain;
  let start = "";
  let used = 0;
  for (const { segment } of segmenter(lang, "word").segment(plain)) {
    const w = widthOf(segment);
    if (used + w > width) {
      if (start.trim() === "") {
        for (const { segment: g } of segmenter(lang, "grapheme").segment(segment)) {
          if (used + widthOf(g) > width) break;
          start += g;
          used += widthOf(g);
        }
      }
      break;
    }
    start += segment;
    used += w;
  }
  return ellipsis(start.replace(TRAILING, ""));
}

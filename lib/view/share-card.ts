// What a generated share card says and how it is laid out: the release's
// title, its company and date and the site's name, in the release's
// language, as the element tree satori lays out (CSS flexbox). The colours
// are the site's (src/assets/site.css). lib/build/share-cards.ts draws it.

// Raise when a change below changes the picture, so cached cards are drawn again.
export const LAYOUT_VERSION = 1;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Everything a card shows; its hash names the file, so equal text is one file. */
export interface ShareCardText {
  title: string;
  company: string | undefined;
  date: string;
  siteName: string;
  /** BCP 47, for line breaking and glyph choice. */
  lang: string;
  dir: "ltr" | "rtl";
}

/** A generated card as a page refers to it. */
export interface ShareCardRef {
  key: string;
  /** Root-relative URL of the PNG. */
  url: string;
  width: number;
  height: number;
}

export const shareCardUrl = (key: string): string => `/media/share/${key}.png`;

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; lang?: string; children?: string | CardNode[] };
}

const INK = "#1d232b";
const MUTED = "#5a6472";
const ACCENT = "#0b5cad";
const PAPER = "#ffffff";

/** Smaller type for longer titles, so most fit in four lines; longer ones end in an ellipsis. */
function titleSize(title: string): number {
  const length = [...title].reduce((n, c) => n + (/[\u2E80-\uFFFF]/.test(c) ? 2 : 1), 0);
  if (length <= 50) return 68;
  if (length <= 90) return 58;
  if (length <= 140) return 50;
  return 44;
}

// More than four lines hold at the smallest size: the rest would be laid
// out only to be cut by the ellipsis, at a cost that grows with the length.
const TITLE_LIMIT = 240;

/** The card's element tree; `fontFamily` lists the fonts loaded for its text. */
export function cardElement(text: ShareCardText, fontFamily: string): CardNode {
  const size = titleSize(text.title);
  const title = [...text.title].slice(0, TITLE_LIMIT).join("");
  const footer = [text.company, text.date].filter((part): part is string => Boolean(part));
  return {
    type: "div",
    props: {
      lang: text.lang,
      style: {
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        boxSizing: "border-box",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px 56px 72px",
        background: PAPER,
        color: INK,
        fontFamily,
        borderTop: `16px solid ${ACCENT}`,
        direction: text.dir,
      },
      children: [
        {
          type: "div",
          props: { style: { fontSize: 30, fontWeight: 700, color: ACCENT }, children: text.siteName },
        },
        {
          type: "div",
          props: {
            style: {
              display: "block",
              width: CARD_WIDTH - 144,
              fontSize: size,
              fontWeight: 700,
              lineHeight: 1.25,
              lineClamp: 4,
              wordBreak: "break-word",
            },
            children: title,
          },
        },
        {
          type: "div",
          props: {
            style: { display: "flex", justifyContent: "space-between", fontSize: 30, color: MUTED },
            children: footer.map((part) => ({ type: "div", props: { children: part } })),
          },
        },
      ],
    },
  };
}

// Draws one share card: satori lays out the element tree of
// lib/view/share-card.ts into an SVG whose text is already outlines (so no
// system font is consulted), and sharp turns it into a PNG.
import satori from "satori";
import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH, cardElement, type ShareCardText } from "../view/share-card.ts";
import type { CardFonts, CardWeight } from "./card-fonts.ts";

/** zlib's fastest strategy but one: see docs/performance.md#share-images. */
const COMPRESSION_LEVEL = 2;

type SatoriFont = { name: string; data: Buffer; weight: CardWeight; style: "normal" };

/** The subsets a card's text needs, in both weights, each as a family of its own. */
function fontsFor(text: ShareCardText, fonts: CardFonts): { list: SatoriFont[]; family: string } {
  const bold = fonts.cover(`${text.siteName}${text.title}`).subsets;
  const regular = fonts.cover(`${text.company ?? ""}${text.date}`).subsets;
  // satori takes a character from the first family in `fontFamily` that has
  // it, but within one family only from one font per weight: hence a family
  // per subset.
  const names = [...new Set([...bold, ...regular])];
  const list: SatoriFont[] = [];
  for (const subset of names) {
    const name = `card-${subset}`;
    if (bold.includes(subset))
      list.push({ name, data: fonts.file(subset, 700), weight: 700, style: "normal" });
    if (regular.includes(subset))
      list.push({ name, data: fonts.file(subset, 400), weight: 400, style: "normal" });
  }
  return { list, family: names.map((n) => `card-${n}`).join(", ") };
}

/** The card as PNG bytes. */
export async function renderShareCard(text: ShareCardText, fonts: CardFonts): Promise<Buffer> {
  const { list, family } = fontsFor(text, fonts);
  const svg = await satori(cardElement(text, family) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: list,
  });
  // The card is opaque: RGB, not RGBA, is a quarter less to compress for
  // the same file. Compression level: see docs/performance.md#share-images.
  return sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: COMPRESSION_LEVEL }).toBuffer();
}

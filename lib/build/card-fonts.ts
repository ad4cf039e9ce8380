// The font share cards are drawn with: Noto Sans SC (SIL OFL) from the
// @fontsource/noto-sans-sc package, so a fresh machine draws Chinese the same
// as a developer's, whatever fonts its system has. It covers Latin, Latin
// extended, Cyrillic, Vietnamese and Simplified Chinese. The package ships
// it cut into about a hundred Unicode-range subsets per weight; a card loads
// only the subsets its text needs, since satori parses every font it is
// given on every call. WOFF, not WOFF2: satori reads TTF, OTF and WOFF only.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";

export type CardWeight = 400 | 700;

interface Subset {
  name: string;
  ranges: [number, number][];
}

/** The package's folder: its exports map only lets CSS and font files be resolved by name. */
function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc"));
}

function parseRanges(list: string): [number, number][] {
  return list.split(",").map((part) => {
    const [first = "", last] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(first, 16), Number.parseInt(last ?? first, 16)];
  });
}

/**
 * The code points a WOFF font has a glyph for, read from its cmap table.
 * The package's Unicode ranges are Google Fonts' slicing, shared by all its
 * Chinese fonts, and name code points this font lacks (some Devanagari,
 * Thai, Arabic…); only the font itself says what it draws.
 */
export function woffCodePoints(woff: Buffer): (codePoint: number) => boolean {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF font");
  const tables = woff.readUInt16BE(12);
  let cmap: Buffer | undefined;
  for (let i = 0; i < tables; i++) {
    const entry = 44 + i * 20;
    if (woff.toString("latin1", entry, entry + 4) !== "cmap") continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    cmap = compressed < original ? inflateSync(data) : data;
  }
  if (!cmap) throw new Error("the font has no cmap table");
  const table = cmap;
  const records = table.readUInt16BE(2);
  const subtables = Array.from({ length: records }, (_, i) => table.readUInt32BE(4 + i * 8 + 4));
  // Format 12 (full Unicode) when there is one, else format 4 (the BMP).
  const twelve = subtables.find((o) => table.readUInt16BE(o) === 12);
  if (twelve !== undefined) {
    const groups = table.readUInt32BE(twelve + 12);
    const ranges: [number, number][] = [];
    for (let g = 0; g < groups; g++) {
      const at = twelve + 16 + g * 12;
      ranges.push([table.readUInt32BE(at), table.readUInt32BE(at + 4)]);
    }
    return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
  }
  const four = subtables.find((o) => table.readUInt16BE(o) === 4);
  if (four === undefined) throw new Error("the font has no Unicode cmap (format 4 or 12)");
  const segments = table.readUInt16BE(four + 6) / 2;
  const ends = four + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    for (let i = 0; i < segments; i++) {
      if (cp > table.readUInt16BE(ends + i * 2)) continue;
      const start = table.readUInt16BE(starts + i * 2);
      if (cp < start) return false;
      const delta = table.readInt16BE(deltas + i * 2);
      const rangeOffset = table.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const at = rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2;
      const glyph = table.readUInt16BE(at);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

// Drawn without a glyph: spaces, controls, joiners and variation selectors.
const INVISIBLE = /^(?:\p{White_Space}|\p{Cc}|\p{Cf}|\p{Mn}|[\u{FE00}-\u{FE0F}])$/u;

export class CardFonts {
  readonly dir: string;
  readonly version: string;
  private readonly subsets: Subset[];
  private readonly files = new Map<string, Buffer>();
  private readonly drawn = new Map<string, (codePoint: number) => boolean>();
  // Every card asks again for its site name's and date's characters, and
  // the search through some hundred subsets is not free (at 20,000 cards).
  private readonly subsetOfCodePoint = new Map<number, string | undefined>();

  constructor(dir = packageDir()) {
    this.dir = dir;
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
    this.version = manifest.version;
    const unicode = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<
      string,
      string
    >;
    // Named subsets (latin, cyrillic…) first: a character that a numbered
    // (Chinese) subset also has is then taken from the small one, so a
    // Latin-only card loads one small file.
    this.subsets = Object.entries(unicode)
      .map(([key, ranges]) => ({ name: key.replace(/^\[|\]$/g, ""), ranges: parseRanges(ranges) }))
      .sort((a, b) => Number(/^\d/.test(a.name)) - Number(/^\d/.test(b.name)));
  }

  /** The first subset that lists the code point and really has a glyph for it. */
  private subsetOf(codePoint: number): string | undefined {
    if (this.subsetOfCodePoint.has(codePoint)) return this.subsetOfCodePoint.get(codePoint);
    let found: string | undefined;
    for (const subset of this.subsets) {
      if (!subset.ranges.some(([a, b]) => codePoint >= a && codePoint <= b)) continue;
      if (this.has(subset.name, codePoint)) {
        found = subset.name;
        break;
      }
    }
    this.subsetOfCodePoint.set(codePoint, found);
    return found;
  }

  // Both weights of a subset cover the same characters; the bold is read.
  private has(subset: string, codePoint: number): boolean {
    let test = this.drawn.get(subset);
    if (!test) {
      test = woffCodePoints(this.file(subset, 700));
      this.drawn.set(subset, test);
    }
    return test(codePoint);
  }

  /** The subsets that draw `text`, and the characters none of them has. */
  cover(text: string): { subsets: string[]; missing: string[] } {
    const subsets = new Set<string>();
    const missing = new Set<string>();
    for (const char of text) {
      if (INVISIBLE.test(char)) continue;
      const subset = this.subsetOf(char.codePointAt(0) as number);
      if (subset === undefined) missing.add(char);
      else subsets.add(subset);
    }
    return { subsets: [...subsets].sort(), missing: [...missing] };
  }

  /** One subset's WOFF file, read once per process. */
  file(subset: string, weight: CardWeight): Buffer {
    const name = `noto-sans-sc-${subset}-${weight}-normal.woff`;
    let data = this.files.get(name);
    if (!data) {
      data = readFileSync(path.join(this.dir, "files", name));
      this.files.set(name, data);
    }
    return data;
  }
}

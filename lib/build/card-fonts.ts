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

// Drawn without a glyph: spaces, controls, joiners and variation selectors.
const INVISIBLE = /^(?:\p{White_Space}|\p{Cc}|\p{Cf}|\p{Mn}|[\u{FE00}-\u{FE0F}])$/u;

export class CardFonts {
  readonly dir: string;
  readonly version: string;
  private readonly subsets: Subset[];
  private readonly files = new Map<string, Buffer>();

  constructor(dir = packageDir()) {
    this.dir = dir;
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
    this.version = manifest.version;
    const unicode = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<
      string,
      string
    >;
    this.subsets = Object.entries(unicode).map(([key, ranges]) => ({
      name: key.replace(/^\[|\]$/g, ""),
      ranges: parseRanges(ranges),
    }));
  }

  private subsetOf(codePoint: number): string | undefined {
    return this.subsets.find((s) => s.ranges.some(([a, b]) => codePoint >= a && codePoint <= b))?.name;
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

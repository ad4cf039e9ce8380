// The fixed words a first search is measured with (scripts/bench.ts), for
// ours and for bare Pagefind, and the truth they are judged against: how
// many releases of the language contain the word. Chinese words of 1, 2, 3,
// 4 and 6 characters and English words, each common (in most releases of
// the generated corpus, scripts/bench/corpus.ts) and rare (in about 2 to 7%
// of them, from the corpus's rare terms). Counted at 1,000 releases; the
// shares hold at any size, as every release is drawn alike.
import { formatBytes } from "../../lib/build/summary.ts";
import type { CorpusRelease } from "./corpus.ts";

export type BenchLocale = "en" | "zh";

export interface BenchWord {
  locale: BenchLocale;
  /** What the visitor types. */
  word: string;
  frequency: "common" | "rare";
  /**
   * The forms whose presence makes a release a correct answer: the word, and
   * for English the inflections in the corpus that Pagefind's stemming also
   * matches (battery, batteries).
   */
  forms: readonly string[];
}

const zh = (word: string, frequency: BenchWord["frequency"]): BenchWord => ({
  locale: "zh",
  word,
  frequency,
  forms: [word],
});

export const BENCH_WORDS: readonly BenchWord[] = [
  zh("电", "common"),
  zh("钒", "rare"),
  zh("储能", "common"),
  zh("潮汐", "rare"),
  zh("新能源", "common"),
  zh("钙钛矿", "rare"),
  zh("圆柱电池", "common"),
  zh("海水淡化", "rare"),
  zh("粤港澳大湾区", "common"),
  zh("全钒液流电池", "rare"),
  { locale: "en", word: "battery", frequency: "common", forms: ["battery", "batteries"] },
  { locale: "en", word: "perovskite", frequency: "rare", forms: ["perovskite"] },
];

const HAN = /\p{Script=Han}/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether `text` contains `form`: Han text as a substring (Chinese has no
 * spaces between words), other text as a whole word, ignoring case, so
 * "port" is not found in "support".
 */
export function containsForm(text: string, form: string): boolean {
  if (HAN.test(form)) return text.includes(form);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** How many releases of the word's language contain one of its forms. */
export function releasesContaining(corpus: readonly CorpusRelease[], word: BenchWord): number {
  let count = 0;
  for (const release of corpus) {
    const text = release[word.locale].text;
    if (word.forms.some((form) => containsForm(text, form))) count++;
  }
  return count;
}

/** Ours / bare, as "0.87×"; a dash when bare sent nothing to compare with. */
export function formatRatio(ours: number, bare: number): string {
  if (!(bare > 0) || !Number.isFinite(ours)) return "–";
  return `${(ours / bare).toFixed(2)}×`;
}

/** What a search page's status line says was found. */
export interface StatusCount {
  found: number;
  /** When only releases from this year on were searched yet (older index parts wait). */
  fromYear?: number;
}

const PLACEHOLDER = /\\\{\\\{\s*(\w+)\s*\\\}\\\}/g;

/** A pattern matching the whole of what `template` gives, capturing its count and year. */
function templatePattern(template: string): RegExp {
  const captured = new Set<string>();
  const pattern = escapeRegExp(template).replace(PLACEHOLDER, (_, name: string) => {
    // A group name may appear once; a repeated placeholder matches any number.
    if (name !== "count" && name !== "year") return "[\\s\\S]*?";
    if (captured.has(name)) return "\\d+";
    captured.add(name);
    return `(?<${name}>\\d+)`;
  });
  return new RegExp(`^${pattern}$`, "u");
}

/**
 * Results found, as a search page's status line says: matched against the
 * page's own status templates when it has them (`strings`, the search.
 * strings our page carries in data-strings: "{{count}} releases found",
 * "{{year}}年以来找到{{count}}篇新闻稿", the no-results message); otherwise its
 * first number ("1,234", the bare page's bare count), or 0 when it repeats
 * the query without a number. Undefined when it says none of these.
 */
export function foundInStatus(
  status: string,
  query: string,
  strings: Record<string, string> = {},
): StatusCount | undefined {
  const text = status.trim();
  for (const [key, template] of Object.entries(strings)) {
    if (!/^(results|partial)_\w+$/.test(key)) continue;
    const groups = templatePattern(template).exec(text)?.groups;
    if (!groups?.count) continue;
    return key.startsWith("partial") && groups.year
      ? { found: Number(groups.count), fromYear: Number(groups.year) }
      : { found: Number(groups.count) };
  }
  if (strings.empty && templatePattern(strings.empty).test(text)) return { found: 0 };
  const digits = /\d[\d,.\s\u00a0\u202f]*/.exec(text)?.[0].replace(/\D/g, "");
  if (digits) return { found: Number(digits) };
  return query !== "" && text.includes(query) ? { found: 0 } : undefined;
}

/** What one first search transferred and found (scripts/bench/first-query.ts). */
export interface QueryFigures {
  bytes: number;
  /** Of `bytes`, Pagefind's runtime and index files. */
  pagefindBytes: number;
  /** Results on the page. */
  results: number;
  /** Results found, from the status line. */
  found: number | undefined;
  /** Set when the page had searched only the releases from this year on. */
  fromYear?: number;
}

/** One row of the bench's word table, as the JSON summary holds it. */
export interface WordFigures {
  locale: BenchLocale;
  word: string;
  characters: number;
  frequency: BenchWord["frequency"];
  /** Releases of the language containing the word. */
  containing: number;
  bare?: QueryFigures;
  ours?: QueryFigures;
  /** ours.bytes / bare.bytes. */
  ratio?: number;
  /** Why a side was not measured. */
  problem?: string;
}

export function wordFigures(
  word: BenchWord,
  containing: number,
  measured: { bare?: QueryFigures; ours?: QueryFigures; problem?: string } = {},
): WordFigures {
  const { bare, ours, problem } = measured;
  return {
    locale: word.locale,
    word: word.word,
    characters: [...word.word].length,
    frequency: word.frequency,
    containing,
    ...(bare ? { bare } : {}),
    ...(ours ? { ours } : {}),
    ...(bare && ours && bare.bytes > 0 ? { ratio: ours.bytes / bare.bytes } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** Columns in a terminal: Han and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, right = false) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

const found = (q: QueryFigures | undefined) => (q ? String(q.found ?? "?") : "–");
const fromYear = (q: QueryFigures) => (q.fromYear === undefined ? "" : ` from ${q.fromYear}`);
const bytes = (q: QueryFigures | undefined) =>
  q ? `${formatBytes(q.bytes)} (${formatBytes(q.pagefindBytes)})` : "–";

/** The word table, aligned for a terminal: one header line and one line per word. */
export function formatWordTable(rows: readonly WordFigures[]): string[] {
  const header = [
    "lang",
    "word",
    "chars",
    "",
    "containing",
    "bare found",
    "ours found/shown",
    "bare bytes (Pagefind)",
    "ours bytes (Pagefind)",
    "ours/bare",
  ];
  const cells = rows.map((row) => [
    row.locale,
    row.word,
    HAN.test(row.word) ? String(row.characters) : "",
    row.frequency,
    String(row.containing),
    found(row.bare),
    row.ours ? `${found(row.ours)}/${row.ours.results}${fromYear(row.ours)}` : "–",
    bytes(row.bare),
    bytes(row.ours),
    row.bare && row.ours ? formatRatio(row.ours.bytes, row.bare.bytes) : "–",
  ]);
  const widths = header.map((title, i) =>
    Math.max(displayWidth(title), ...cells.map((line) => displayWidth(line[i] ?? ""))),
  );
  // Text columns to the left, figures to the right.
  const right = (i: number) => i >= 4;
  const line = (values: string[]) =>
    values
      .map((value, i) => pad(value, widths[i] ?? 0, right(i)))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    ...cells.map((values, i) => {
      const problem = rows[i]?.problem;
      return problem ? `${line(values)}  (${problem})` : line(values);
    }),
  ];
}

// The bench's fixed word list (scripts/bench/words.ts): it covers every
// length and frequency the search targets name, each word is as common or
// rare in the generated corpus as it says, the truth it is judged against
// counts whole words in English and substrings in Chinese, the search
// page's status line is read in every language, and the printed table
// lines up with Chinese words in it.
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../lib/i18n/locales.ts";
import { createTranslator, loadBundles } from "../../../lib/i18n/translator.ts";
import { type CorpusRelease, generateCorpus } from "../../../scripts/bench/corpus.ts";
import {
  BENCH_WORDS,
  type BenchWord,
  containsForm,
  displayWidth,
  formatRatio,
  formatWordTable,
  foundInStatus,
  type QueryFigures,
  releasesContaining,
  wordFigures,
} from "../../../scripts/bench/words.ts";
import { projectRoot } from "../../support/fixture-site.ts";

const RELEASES = 1000;

describe("the bench's word list", () => {
  it("has a common and a rare Chinese word of 1, 2, 3, 4 and 6 characters, and a common and a rare English one", () => {
    const kinds = BENCH_WORDS.map((w) =>
      w.locale === "zh" ? `zh ${[...w.word].length} ${w.frequency}` : `${w.locale} ${w.frequency}`,
    );
    const wanted = [
      ...[1, 2, 3, 4, 6].flatMap((n) => [`zh ${n} common`, `zh ${n} rare`]),
      "en common",
      "en rare",
    ];
    expect(new Set(kinds)).toEqual(new Set(wanted));
    expect(kinds).toHaveLength(new Set(kinds).size);
    for (const word of BENCH_WORDS) expect(word.forms).toContain(word.word);
  });

  it(`has common words in most of ${RELEASES} generated releases and rare ones in a few`, () => {
    const corpus = generateCorpus({ releases: RELEASES });
    for (const word of BENCH_WORDS) {
      const share = releasesContaining(corpus, word) / RELEASES;
      if (word.frequency === "common") expect(share, word.word).toBeGreaterThan(0.5);
      else expect([word.word, share > 0.005 && share < 0.1]).toEqual([word.word, true]);
    }
  });

  it("generates the same corpus from the same seed", () => {
    const texts = (corpus: CorpusRelease[]) => corpus.map((r) => r.en.markdown + r.zh.markdown);
    expect(texts(generateCorpus({ releases: 50 }))).toEqual(texts(generateCorpus({ releases: 50 })));
    expect(texts(generateCorpus({ releases: 50, seed: 7 }))).not.toEqual(
      texts(generateCorpus({ releases: 50 })),
    );
  });
});

describe("what counts as containing a word", () => {
  it("finds Chinese as a substring, between any characters", () => {
    expect(containsForm("推进新能源汽车发展", "新能源")).toBe(true);
    expect(containsForm("推进新能汽车发展", "新能源")).toBe(false);
  });

  it("finds other text as a whole word, ignoring case, after a hyphen or before punctuation", () => {
    expect(containsForm("Battery storage", "battery")).toBe(true);
    expect(containsForm("an all-vanadium flow battery.", "vanadium")).toBe(true);
    expect(containsForm("to support the grid", "port")).toBe(false);
    expect(containsForm("new batteries", "battery")).toBe(false);
    expect(containsForm("café", "caf")).toBe(false);
  });

  it("takes a form with pattern characters literally", () => {
    expect(containsForm("we use c++ daily", "c++")).toBe(true);
    expect(containsForm("we use cc daily", "c+")).toBe(false);
    expect(containsForm("a.b", "a.b")).toBe(true);
    expect(containsForm("axb", "a.b")).toBe(false);
  });

  it("counts releases of the word's language with any of its forms", () => {
    const release = (slug: string, en: string, zh: string): CorpusRelease => ({
      slug,
      en: { path: `en/${slug}.md`, markdown: en, text: en },
      zh: { path: `zh/${slug}.md`, markdown: zh, text: zh },
    });
    const corpus = [
      release("a", "One battery.", "电池"),
      release("b", "Two batteries.", "储能"),
      release("c", "Supporting ports.", "电池 battery"),
    ];
    const word = (locale: BenchWord["locale"], w: string, forms: string[]): BenchWord => ({
      locale,
      word: w,
      frequency: "common",
      forms,
    });
    expect(releasesContaining(corpus, word("en", "battery", ["battery", "batteries"]))).toBe(2);
    expect(releasesContaining(corpus, word("en", "battery", ["battery"]))).toBe(1);
    expect(releasesContaining(corpus, word("en", "port", ["port"]))).toBe(0);
    expect(releasesContaining(corpus, word("zh", "电池", ["电池"]))).toBe(2);
  });
});

describe("reading a search page's status line", () => {
  const registry = loadRegistry(projectRoot);
  const translator = createTranslator(registry, loadBundles(projectRoot, registry));
  const codes = registry.all.map((l) => l.code);

  it.each(codes)("reads the count of results in %s with the page's templates, and without them", (code) => {
    const strings = translator.strings(code, "search");
    for (const count of [1, 7, 1234]) {
      const status = translator.t(code, "search.results", { count });
      expect(foundInStatus(status, "电", strings)).toEqual({ found: count });
      expect(foundInStatus(status, "电")).toEqual({ found: count });
    }
  });

  it.each(codes)("reads a partial answer's count and first year in %s, whichever comes first", (code) => {
    const strings = translator.strings(code, "search");
    for (const count of [1, 312]) {
      const status = translator.t(code, "search.partial", { count, year: 2023 });
      expect(foundInStatus(status, "电", strings)).toEqual({ found: count, fromYear: 2023 });
    }
  });

  it.each(codes)("reads no results, which repeats the query, as 0 in %s", (code) => {
    const strings = translator.strings(code, "search");
    for (const query of ["钒", "perovskite", "2023"]) {
      const status = translator.t(code, "search.empty", { query });
      expect(foundInStatus(status, query, strings)).toEqual({ found: 0 });
      if (!/\d/.test(query)) expect(foundInStatus(status, query)).toEqual({ found: 0 });
    }
  });

  it("reads nothing from a status without a count or the query", () => {
    for (const code of codes) {
      const strings = translator.strings(code, "search");
      expect(foundInStatus(translator.t(code, "search.loading"), "电", strings)).toBeUndefined();
    }
    expect(foundInStatus("", "")).toBeUndefined();
  });

  it("reads a bare count, and grouped digits as one number", () => {
    expect(foundInStatus("3", "x")).toEqual({ found: 3 });
    expect(foundInStatus("12,345 releases found", "x")).toEqual({ found: 12345 });
    expect(foundInStatus("12 345 résultats", "x")).toEqual({ found: 12345 });
  });

  it("takes templates with pattern characters and repeated placeholders literally", () => {
    const strings = { partial_other: "[{{year}}+] ({{count}}) found? {{count}} in {{where}}." };
    expect(foundInStatus("[2023+] (5) found? 5 in the archive.", "x", strings)).toEqual({
      found: 5,
      fromYear: 2023,
    });
    // Not the template's text: the first number, as for a page without templates.
    expect(foundInStatus("[2023+] (5) foundX 5 in the archive.", "x", strings)).toEqual({ found: 2023 });
  });
});

describe("the bench's word table", () => {
  const figures = (bytes: number, found: number | undefined, results = 10): QueryFigures => ({
    bytes,
    pagefindBytes: bytes - 1000,
    results,
    found,
  });
  const zhCommon = BENCH_WORDS.find((w) => w.locale === "zh" && [...w.word].length === 6) as BenchWord;
  const enRare = BENCH_WORDS.find((w) => w.locale === "en" && w.frequency === "rare") as BenchWord;

  it("gives ours / bare with two decimals, and a dash when bare sent nothing", () => {
    expect(formatRatio(87_000, 100_000)).toBe("0.87×");
    expect(formatRatio(150_000, 100_000)).toBe("1.50×");
    expect(formatRatio(1, 0)).toBe("–");
    expect(formatRatio(Number.NaN, 10)).toBe("–");
  });

  it("keeps the ratio only when both sides were measured", () => {
    expect(
      wordFigures(zhCommon, 800, { bare: figures(100_000, 700), ours: figures(80_000, 800) }).ratio,
    ).toBe(0.8);
    expect(wordFigures(zhCommon, 800, { bare: figures(100_000, 700) }).ratio).toBeUndefined();
    expect(wordFigures(zhCommon, 800).characters).toBe(6);
  });

  it("says when ours had searched only the newest releases", () => {
    const partial = { ...figures(150_000, 312), fromYear: 2023 };
    const [, line = ""] = formatWordTable([
      wordFigures(zhCommon, 800, { bare: figures(100_000, 700), ours: partial }),
    ]);
    expect(line).toContain("312/10 from 2023");
    expect(line).toContain("1.50×");
  });

  it("lines its columns up when words are Chinese, and says why a side is missing", () => {
    const rows = [
      wordFigures(zhCommon, 800, { bare: figures(176_300, 700), ours: figures(198_300, 800) }),
      wordFigures(enRare, 23, { bare: figures(117_700, 23, 10), problem: "ours: timed out" }),
    ];
    const lines = formatWordTable(rows);
    expect(lines).toHaveLength(3);
    const [header = "", first = "", second = ""] = lines;
    expect(displayWidth(first)).toBe(displayWidth(header));
    expect(first).toContain(zhCommon.word);
    expect(first).toContain("1.12×");
    expect(first).toContain("800/10");
    expect(second).toContain("(ours: timed out)");
    expect(displayWidth(second.replace("  (ours: timed out)", ""))).toBeLessThanOrEqual(displayWidth(header));
  });

  it("counts Han and full-width characters as two columns", () => {
    expect(displayWidth("battery")).toBe(7);
    expect(displayWidth("电池")).toBe(4);
    expect(displayWidth("（1）")).toBe(5);
  });
});

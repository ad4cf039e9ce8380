// The query plan against a fake Pagefind that records what it is asked and
// answers from canned results, so the calls that give Chinese its recall are
// pinned down without an index.
import { describe, expect, it } from "vitest";
import {
  joinSingles,
  type PagefindLike,
  phraseQueries,
  planQuery,
  rankingQuery,
  runQuery,
} from "../../../../lib/client/search/query.ts";
import { pagefindOptions, parseState } from "../../../../lib/client/search/state.ts";

interface FakeResult {
  id: string;
  /** Which search returned this object, to tell ranked results from phrase ones. */
  from: string;
}

type Answer = { ids: string[]; filters?: Record<string, Record<string, number>> } | null;

function fakePagefind(answers: Record<string, Answer>) {
  const calls: { query: string | null; options: object | undefined }[] = [];
  const pagefind: PagefindLike<FakeResult> = {
    async search(query, options) {
      calls.push({ query, options });
      const answer = answers[query ?? "<null>"];
      if (answer === undefined) throw new Error(`unexpected search ${JSON.stringify(query)}`);
      if (answer === null) return null;
      return {
        results: answer.ids.map((id) => ({ id, from: query ?? "<null>" })),
        filters: answer.filters ?? { company: { [`from ${query}`]: answer.ids.length } },
      };
    },
  };
  return { pagefind, calls };
}

const noFilters = { filters: {} };
/** A segmenter that keeps every run as one word, so a test is about phrases alone. */
const oneWord = (run: string) => [run];

describe("English queries", () => {
  it("go to Pagefind once, as typed, and come back untouched", async () => {
    const { pagefind, calls } = fakePagefind({ "battery cells": { ids: ["a", "b"] } });
    const result = await runQuery(pagefind, "battery cells", noFilters);
    expect(calls).toEqual([{ query: "battery cells", options: noFilters }]);
    expect(result).toEqual({
      results: [
        { id: "a", from: "battery cells" },
        { id: "b", from: "battery cells" },
      ],
      filters: { company: { "from battery cells": 2 } },
      exact: 2,
    });
  });

  it("collapse runs of white space and fold full-width letters", async () => {
    const { pagefind, calls } = fakePagefind({ "ACME battery": { ids: [] } });
    await runQuery(pagefind, "  ＡＣＭＥ \t battery ", noFilters);
    expect(calls.map((c) => c.query)).toEqual(["ACME battery"]);
  });
});

describe("an empty query", () => {
  it("asks for everything under the filters (a null query)", async () => {
    const options = pagefindOptions(parseState("?tag=storage"));
    const { pagefind, calls } = fakePagefind({ "<null>": { ids: ["a"] } });
    const result = await runQuery(pagefind, "   ", options);
    expect(calls).toEqual([{ query: null, options }]);
    expect(result?.results.map((r) => r.id)).toEqual(["a"]);
  });
});

describe("Chinese queries", () => {
  it("rank by the characters and keep only releases with the word as a phrase", async () => {
    const { pagefind, calls } = fakePagefind({
      "新能 能源": { ids: ["far-apart", "cabinet", "station"] },
      '"新能 能源"': { ids: ["station", "cabinet"], filters: { tag: { storage: 2 } } },
    });
    const result = await runQuery(pagefind, "新能源", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["新能 能源", '"新能 能源"']);
    // Ranked order, phrase results' objects (their excerpts mark the whole
    // phrase), the phrase search's facet counts.
    expect(result).toEqual({
      results: [
        { id: "cabinet", from: '"新能 能源"' },
        { id: "station", from: '"新能 能源"' },
      ],
      filters: { tag: { storage: 2 } },
      exact: 2,
    });
  });

  it("search a two-character word as its one pair, without a phrase", async () => {
    const { pagefind, calls } = fakePagefind({ 储能: { ids: ["a"] } });
    expect((await runQuery(pagefind, "储能", noFilters, oneWord))?.exact).toBe(1);
    expect(calls.map((c) => c.query)).toEqual(["储能"]);
  });

  it("search a single character as a word, without a phrase", async () => {
    const { pagefind, calls } = fakePagefind({ 电: { ids: ["a"] } });
    expect((await runQuery(pagefind, "电", noFilters))?.results).toEqual([{ id: "a", from: "电" }]);
    expect(calls.map((c) => c.query)).toEqual(["电"]);
  });

  it("need every word as a phrase when there are several", async () => {
    const { pagefind, calls } = fakePagefind({
      "锂电 电池 新能 能源": { ids: ["a", "b", "c", "d"] },
      '"锂电 电池"': { ids: ["d", "b", "c"], filters: { year: { "2024": 3 } } },
      '"新能 能源"': { ids: ["c", "a", "d"], filters: { year: { "2025": 2 } } },
    });
    const result = await runQuery(pagefind, "锂电池　新能源", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["锂电 电池 新能 能源", '"锂电 电池"', '"新能 能源"']);
    expect(result?.results).toEqual([
      { id: "c", from: '"锂电 电池"' },
      { id: "d", from: '"锂电 电池"' },
    ]);
    // The last phrase's counts: an upper bound of the intersection's.
    expect(result?.filters).toEqual({ year: { "2025": 2 } });
  });

  it("find nothing when the phrase is nowhere", async () => {
    const { pagefind } = fakePagefind({ "足球 球场": { ids: ["a"] }, '"足球 球场"': { ids: [] } });
    expect((await runQuery(pagefind, "足球场", noFilters, oneWord))?.results).toEqual([]);
  });

  it("answer null when Pagefind answers null to any of the searches", async () => {
    const ranked = fakePagefind({ "新能 能源": null });
    expect(await runQuery(ranked.pagefind, "新能源", noFilters, oneWord)).toBeNull();
    expect(ranked.calls).toHaveLength(1);
    const phrase = fakePagefind({ "新能 能源": { ids: ["a"] }, '"新能 能源"': null });
    expect(await runQuery(phrase.pagefind, "新能源", noFilters, oneWord)).toBeNull();
  });
});

describe("Chinese runs of several words, typed without spaces", () => {
  const split = (run: string) => (run === "新能源港口" ? ["新能源", "港口"] : [run]);

  it("list exact phrases first, then releases with every word apart, each in ranked order", async () => {
    const { pagefind, calls } = fakePagefind({
      "新能 能源 港口": { ids: ["apart1", "exact1", "pairs-only", "apart2", "exact2"] },
      '"新能 能源 源港 港口"': { ids: ["exact2", "exact1"] },
      '"新能 能源"': { ids: ["apart2", "exact1", "exact2", "apart1"], filters: { year: { "2024": 4 } } },
    });
    const result = await runQuery(pagefind, "新能源港口", noFilters, split);
    // 港口 is one pair, which every ranked result has: no search of its own.
    expect(calls.map((c) => c.query)).toEqual(["新能 能源 港口", '"新能 能源 源港 港口"', '"新能 能源"']);
    expect(result?.results).toEqual([
      { id: "exact1", from: '"新能 能源 源港 港口"' },
      { id: "exact2", from: '"新能 能源 源港 港口"' },
      { id: "apart1", from: "新能 能源 港口" },
      { id: "apart2", from: "新能 能源 港口" },
    ]);
    expect(result?.exact).toBe(2);
  });

  it("count facets of the rarest word when words apart add releases", async () => {
    const { pagefind } = fakePagefind({
      "新能 能源 港口": { ids: ["a", "b", "c"] },
      '"新能 能源 源港 港口"': { ids: ["a"], filters: { year: { phrase: 1 } } },
      '"新能 能源"': { ids: ["a", "b"], filters: { year: { energy: 2 } } },
    });
    expect((await runQuery(pagefind, "新能源港口", noFilters, split))?.filters).toEqual({
      year: { energy: 2 },
    });
  });

  it("keep the phrase's facet counts when no release has the words apart", async () => {
    const { pagefind } = fakePagefind({
      "新能 能源 港口": { ids: ["a"] },
      '"新能 能源 源港 港口"': { ids: ["a"], filters: { year: { phrase: 1 } } },
      '"新能 能源"': { ids: ["a"] },
    });
    const result = await runQuery(pagefind, "新能源港口", noFilters, split);
    expect(result).toMatchObject({ exact: 1, filters: { year: { phrase: 1 } } });
  });

  it("keep single characters the segmenter left together, so an unknown word is a phrase", () => {
    expect(joinSingles(["鹿", "鸣", "能源", "储", "能", "柜"])).toEqual(["鹿鸣", "能源", "储能柜"]);
    expect(joinSingles(["锂", "电池"])).toEqual(["锂", "电池"]);
    expect(planQuery("储能", () => ["储", "能"])).toEqual([{ han: ["储能"] }]);
  });

  it("are split by the browser's segmenter by default", () => {
    const plan = planQuery("港口物流");
    expect(plan[0]?.han).toEqual(["港口", "口物", "物流"]);
    // Whatever the ICU version, the words' pairs are pairs of the run.
    for (const word of plan[0]?.words ?? []) for (const pair of word) expect("港口物流").toContain(pair);
  });
});

describe("mixed queries", () => {
  it("keep English words as typed and split Chinese ones, with or without spaces", async () => {
    const { pagefind, calls } = fakePagefind({
      "Acme 新能 能源 cabinet": { ids: ["a", "b"] },
      '"新能 能源"': { ids: ["b"] },
    });
    const result = await runQuery(pagefind, "Acme新能源 cabinet", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["Acme 新能 能源 cabinet", '"新能 能源"']);
    expect(result?.results.map((r) => r.id)).toEqual(["b"]);
  });
});

describe("filters and sort", () => {
  it("are passed to every search of a query, unchanged", async () => {
    const options = pagefindOptions(parseState("?q=x&company=Acme&year=2024&year=2025&sort=newest"));
    const { pagefind, calls } = fakePagefind({
      "Acme 新能 能源": { ids: ["a"] },
      '"新能 能源"': { ids: ["a"] },
    });
    await runQuery(pagefind, "Acme 新能源", options, oneWord);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.options).toEqual({
        filters: { company: { any: ["Acme"] }, year: { any: ["2024", "2025"] } },
        sort: { date: "desc" },
      });
    }
  });

  it("keep the ranked (here newest-first) order after the phrase filter", async () => {
    const options = pagefindOptions(parseState("?sort=newest"));
    const { pagefind } = fakePagefind({
      "新能 能源": { ids: ["2026", "2025", "2024"] },
      '"新能 能源"': { ids: ["2024", "2026"] },
    });
    expect((await runQuery(pagefind, "新能源", options, oneWord))?.results.map((r) => r.id)).toEqual([
      "2026",
      "2024",
    ]);
  });
});

describe("the query plan", () => {
  it("splits Han runs into overlapping pairs and keeps other words whole", () => {
    const plan = planQuery("Acme 锂电池 R&D 电", oneWord);
    expect(plan).toEqual([{ text: "Acme" }, { han: ["锂电", "电池"] }, { text: "R&D" }, { han: ["电"] }]);
    expect(rankingQuery(plan)).toBe("Acme 锂电 电池 R&D 电");
    expect(phraseQueries(plan)).toEqual(['"锂电 电池"']);
  });

  it("takes a run of up to three characters as one word, however the segmenter splits it", () => {
    expect(planQuery("新能源", () => ["新", "能源"])).toEqual([{ han: ["新能", "能源"] }]);
    expect(planQuery("新能源车", () => ["新", "能源", "车"])).toEqual([
      { han: ["新能", "能源", "源车"], words: [["新"], ["能源"], ["车"]] },
    ]);
  });

  it("ranks a run of several words by the pairs inside its words, not those across them", () => {
    const plan = planQuery("新能源的港口", () => ["新能源", "的", "港口"]);
    expect(rankingQuery(plan)).toBe("新能 能源 港口");
  });

  it("treats characters outside the Basic Multilingual Plane as one character each", () => {
    expect(planQuery("𠀀𠀁𠀂", oneWord)).toEqual([{ han: ["𠀀𠀁", "𠀁𠀂"] }]);
  });
});

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
  withoutWordBreaks,
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
      "储 能": { ids: ["far-apart", "cabinet", "station"] },
      '"储 能"': { ids: ["station", "cabinet"], filters: { tag: { storage: 2 } } },
    });
    const result = await runQuery(pagefind, "储能", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["储 能", '"储 能"']);
    // Ranked order, phrase results' objects (their excerpts mark the whole
    // phrase), the phrase search's facet counts.
    expect(result).toEqual({
      results: [
        { id: "cabinet", from: '"储 能"' },
        { id: "station", from: '"储 能"' },
      ],
      filters: { tag: { storage: 2 } },
      exact: 2,
    });
  });

  it("search a single character as a word, without a phrase", async () => {
    const { pagefind, calls } = fakePagefind({ 电: { ids: ["a"] } });
    expect((await runQuery(pagefind, "电", noFilters))?.results).toEqual([{ id: "a", from: "电" }]);
    expect(calls.map((c) => c.query)).toEqual(["电"]);
  });

  it("need every word as a phrase when there are several", async () => {
    const { pagefind, calls } = fakePagefind({
      "锂 电 池 储 能": { ids: ["a", "b", "c", "d"] },
      '"锂 电 池"': { ids: ["d", "b", "c"], filters: { year: { "2024": 3 } } },
      '"储 能"': { ids: ["c", "a", "d"], filters: { year: { "2025": 2 } } },
    });
    const result = await runQuery(pagefind, "锂电池　储能", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["锂 电 池 储 能", '"锂 电 池"', '"储 能"']);
    expect(result?.results).toEqual([
      { id: "c", from: '"锂 电 池"' },
      { id: "d", from: '"锂 电 池"' },
    ]);
    // The last phrase's counts: an upper bound of the intersection's.
    expect(result?.filters).toEqual({ year: { "2025": 2 } });
  });

  it("find nothing when the phrase is nowhere", async () => {
    const { pagefind } = fakePagefind({ "足 球": { ids: ["a"] }, '"足 球"': { ids: [] } });
    expect((await runQuery(pagefind, "足球", noFilters))?.results).toEqual([]);
  });

  it("answer null when Pagefind answers null to any of the searches", async () => {
    const ranked = fakePagefind({ "储 能": null });
    expect(await runQuery(ranked.pagefind, "储能", noFilters)).toBeNull();
    expect(ranked.calls).toHaveLength(1);
    const phrase = fakePagefind({ "储 能": { ids: ["a"] }, '"储 能"': null });
    expect(await runQuery(phrase.pagefind, "储能", noFilters)).toBeNull();
  });
});

describe("Chinese runs of several words, typed without spaces", () => {
  const split = (run: string) => (run === "港口物流" ? ["港口", "物流"] : [run]);

  it("list exact phrases first, then releases with every word apart, each in ranked order", async () => {
    const { pagefind, calls } = fakePagefind({
      "港 口 物 流": { ids: ["apart1", "exact1", "chars-only", "apart2", "exact2"] },
      '"港 口 物 流"': { ids: ["exact2", "exact1"] },
      '"港 口"': { ids: ["apart2", "exact1", "exact2", "apart1"], filters: { year: { "2024": 4 } } },
      '"物 流"': { ids: ["exact1", "apart1", "apart2", "exact2"], filters: { year: { "2025": 4 } } },
    });
    const result = await runQuery(pagefind, "港口物流", noFilters, split);
    expect(calls.map((c) => c.query)).toEqual(["港 口 物 流", '"港 口 物 流"', '"港 口"', '"物 流"']);
    expect(result?.results).toEqual([
      { id: "exact1", from: '"港 口 物 流"' },
      { id: "exact2", from: '"港 口 物 流"' },
      { id: "apart1", from: "港 口 物 流" },
      { id: "apart2", from: "港 口 物 流" },
    ]);
    expect(result?.exact).toBe(2);
  });

  it("count facets of the rarest word when words apart add releases", async () => {
    const { pagefind } = fakePagefind({
      "港 口 物 流": { ids: ["a", "b", "c"] },
      '"港 口 物 流"': { ids: ["a"], filters: { year: { phrase: 1 } } },
      '"港 口"': { ids: ["a", "b", "c"], filters: { year: { port: 3 } } },
      '"物 流"': { ids: ["a", "b"], filters: { year: { logistics: 2 } } },
    });
    expect((await runQuery(pagefind, "港口物流", noFilters, split))?.filters).toEqual({
      year: { logistics: 2 },
    });
  });

  it("keep the phrase's facet counts when no release has the words apart", async () => {
    const { pagefind } = fakePagefind({
      "港 口 物 流": { ids: ["a"] },
      '"港 口 物 流"': { ids: ["a"], filters: { year: { phrase: 1 } } },
      '"港 口"': { ids: ["a"] },
      '"物 流"': { ids: ["a"] },
    });
    const result = await runQuery(pagefind, "港口物流", noFilters, split);
    expect(result).toMatchObject({ exact: 1, filters: { year: { phrase: 1 } } });
  });

  it("keep single characters the segmenter left together, so an unknown word is a phrase", () => {
    expect(joinSingles(["鹿", "鸣", "能源", "储", "能", "柜"])).toEqual(["鹿鸣", "能源", "储能柜"]);
    expect(joinSingles(["锂", "电池"])).toEqual(["锂", "电池"]);
    expect(planQuery("储能", () => ["储", "能"])).toEqual([{ han: ["储", "能"] }]);
  });

  it("are split by the browser's segmenter by default", () => {
    const plan = planQuery("港口物流");
    expect(plan[0]?.han).toEqual(["港", "口", "物", "流"]);
    // Whatever the ICU version, the words put back together are the run.
    expect((plan[0]?.words ?? [plan[0]?.han ?? []]).map((w) => w.join("")).join("")).toBe("港口物流");
  });
});

describe("mixed queries", () => {
  it("keep English words as typed and split Chinese ones, with or without spaces", async () => {
    const { pagefind, calls } = fakePagefind({
      "Acme 储 能 cabinet": { ids: ["a", "b"] },
      '"储 能"': { ids: ["b"] },
    });
    const result = await runQuery(pagefind, "Acme储能 cabinet", noFilters, oneWord);
    expect(calls.map((c) => c.query)).toEqual(["Acme 储 能 cabinet", '"储 能"']);
    expect(result?.results.map((r) => r.id)).toEqual(["b"]);
  });
});

describe("filters and sort", () => {
  it("are passed to every search of a query, unchanged", async () => {
    const options = pagefindOptions(parseState("?q=x&company=Acme&year=2024&year=2025&sort=newest"));
    const { pagefind, calls } = fakePagefind({ "Acme 储 能": { ids: ["a"] }, '"储 能"': { ids: ["a"] } });
    await runQuery(pagefind, "Acme 储能", options);
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
      "储 能": { ids: ["2026", "2025", "2024"] },
      '"储 能"': { ids: ["2024", "2026"] },
    });
    expect((await runQuery(pagefind, "储能", options, oneWord))?.results.map((r) => r.id)).toEqual([
      "2026",
      "2024",
    ]);
  });
});

describe("the query plan", () => {
  it("splits Han runs into characters and keeps other words whole", () => {
    const plan = planQuery("Acme 锂电池 R&D 电", oneWord);
    expect(plan).toEqual([{ text: "Acme" }, { han: ["锂", "电", "池"] }, { text: "R&D" }, { han: ["电"] }]);
    expect(rankingQuery(plan)).toBe("Acme 锂 电 池 R&D 电");
    expect(phraseQueries(plan)).toEqual(['"锂 电 池"']);
  });

  it("treats characters outside the Basic Multilingual Plane as one character each", () => {
    expect(planQuery("𠀀𠀁", oneWord)).toEqual([{ han: ["𠀀", "𠀁"] }]);
  });
});

describe("withoutWordBreaks", () => {
  it("removes zero-width spaces only", () => {
    expect(withoutWordBreaks("储\u200B能 battery\u200B")).toBe("储能 battery");
  });
});

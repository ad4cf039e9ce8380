import { describe, expect, it } from "vitest";
import {
  isBlank,
  isFacet,
  pagefindOptions,
  parseState,
  stateToSearch,
  withFilter,
  withKeys,
  withoutFilters,
  withQuery,
  withSort,
} from "../../../../lib/client/search/state.ts";

describe("search page state", () => {
  it("reads the query, filters and sort from the URL", () => {
    expect(parseState("?q=%E5%82%A8%E8%83%BD&company=Acme&year=2024&year=2025&sort=newest")).toEqual({
      query: "储能",
      filters: { company: ["Acme"], year: ["2024", "2025"], tag: [] },
      sort: "newest",
    });
  });

  it("defaults to relevance and no filters", () => {
    expect(parseState("")).toEqual({
      query: "",
      filters: { company: [], year: [], tag: [] },
      sort: "relevance",
    });
  });

  it("trims the query and ignores empty filter values and unknown sorts", () => {
    expect(parseState("?q=++battery++&tag=&tag=storage&sort=oldest")).toEqual({
      query: "battery",
      filters: { company: [], year: [], tag: ["storage"] },
      sort: "relevance",
    });
  });

  it("writes back the same URL it reads", () => {
    const search = "?q=battery&company=Acme+Cells&tag=people&sort=newest";
    expect(stateToSearch(parseState(search))).toBe(search);
    expect(stateToSearch(parseState(""))).toBe("");
  });

  it("writes characters a URL cannot hold as they round-trip", () => {
    const state = {
      ...parseState(""),
      query: "R&D 储能 #1",
      filters: { company: ["A&B"], year: [], tag: [] },
    };
    expect(stateToSearch(state)).toBe("?q=R%26D+%E5%82%A8%E8%83%BD+%231&company=A%26B");
    expect(parseState(stateToSearch(state))).toEqual(state);
  });

  it("asks Pagefind for any value within a facet and newest first by release time", () => {
    expect(pagefindOptions(parseState("?year=2024&year=2025&sort=newest"))).toEqual({
      filters: { year: { any: ["2024", "2025"] } },
      sort: { date: "desc" },
    });
    expect(pagefindOptions(parseState("?q=x"))).toEqual({ filters: {} });
  });
});

describe("state changes", () => {
  const start = parseState("?q=battery&company=Acme&sort=newest");

  it("takes a typed query trimmed, keeping filters and sort", () => {
    expect(withQuery(start, "  cell line ")).toEqual({ ...start, query: "cell line" });
  });

  it("sorts newest first only for the select's 'newest'", () => {
    expect(withSort(start, "relevance").sort).toBe("relevance");
    expect(withSort(start, "bogus").sort).toBe("relevance");
    expect(withSort(parseState(""), "newest").sort).toBe("newest");
  });

  it("adds and removes a filter value once, leaving the old state alone", () => {
    const added = withFilter(start, "year", "2024", true);
    expect(added.filters).toEqual({ company: ["Acme"], year: ["2024"], tag: [] });
    expect(withFilter(added, "year", "2024", true).filters.year).toEqual(["2024"]);
    expect(withFilter(added, "company", "Acme", false).filters).toEqual({
      company: [],
      year: ["2024"],
      tag: [],
    });
    expect(start.filters.year).toEqual([]);
  });

  it("clears every filter but keeps the query and sort", () => {
    const cleared = withoutFilters(parseState("?q=x&company=A&year=2024&tag=t&sort=newest"));
    expect(cleared).toEqual({ query: "x", filters: { company: [], year: [], tag: [] }, sort: "newest" });
  });

  it("is blank with neither a query nor a filter", () => {
    expect(isBlank(parseState("?sort=newest"))).toBe(true);
    expect(isBlank(parseState("?q=x"))).toBe(false);
    expect(isBlank(parseState("?tag=storage"))).toBe(false);
  });

  it("knows the facets by name", () => {
    expect(["company", "year", "tag", "q", "sort"].filter(isFacet)).toEqual(["company", "year", "tag"]);
  });
});

describe("withKeys", () => {
  const labels = {
    company: { lumora: "Lumora Energy", "beta-corp": "Beta Corp" },
    tag: { "energy-storage": "储能" },
  };

  it("keeps keys and turns this language's labels from older links into their keys", () => {
    const state = parseState(`?company=lumora&company=Beta+Corp&tag=${encodeURIComponent("储能")}&year=2024`);
    expect(withKeys(state, labels).filters).toEqual({
      company: ["lumora", "beta-corp"],
      year: ["2024"],
      tag: ["energy-storage"],
    });
  });

  it("matches labels regardless of case, once per key, and leaves unknown values for the index to answer", () => {
    const state = parseState("?company=LUMORA+energy&company=lumora&company=Nobody");
    expect(withKeys(state, labels).filters.company).toEqual(["lumora", "Nobody"]);
  });

  it("treats names of Object's own properties in a URL as plain values", () => {
    const state = parseState("?company=constructor&company=__proto__&tag=toString");
    expect(withKeys(state, labels).filters).toMatchObject({
      company: ["constructor", "__proto__"],
      tag: ["toString"],
    });
  });
});

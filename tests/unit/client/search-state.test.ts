import { describe, expect, it } from "vitest";
import { pagefindOptions, parseState, plural, stateToSearch } from "../../../lib/client/search/state.ts";

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

  it("writes back the same URL it reads", () => {
    const search = "?q=battery&company=Acme+Cells&tag=people&sort=newest";
    expect(stateToSearch(parseState(search))).toBe(search);
    expect(stateToSearch(parseState(""))).toBe("");
  });

  it("asks Pagefind for any value within a facet and newest first by release time", () => {
    expect(pagefindOptions(parseState("?year=2024&year=2025&sort=newest"))).toEqual({
      filters: { year: { any: ["2024", "2025"] } },
      sort: { date: "desc" },
    });
    expect(pagefindOptions(parseState("?q=x"))).toEqual({ filters: {} });
  });
});

describe("plural", () => {
  const en = { results_one: "{{count}} release found", results_other: "{{count}} releases found" };
  const zh = { results_other: "找到 {{count}} 篇新闻稿" };

  it("picks the language's plural form", () => {
    expect(plural(en, "results", 1, "en")).toBe("1 release found");
    expect(plural(en, "results", 7, "en")).toBe("7 releases found");
    expect(plural(zh, "results", 1, "zh-CN")).toBe("找到 1 篇新闻稿");
  });
});

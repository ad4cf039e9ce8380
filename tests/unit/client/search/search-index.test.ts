// The index in parts as the page asks it: newest parts first, older ones on
// request, one at a time, each part opened once under its own language.
import { describe, expect, it } from "vitest";
import { openSearchIndex, type PagefindInstance } from "../../../../lib/client/search/search-index.ts";

function partsIndex(counts: number[], pages = 1000) {
  const searched: string[] = [];
  const created: string[] = [];
  let language = "";
  const index = openSearchIndex(
    {
      createInstance: () => {
        const key = language;
        created.push(key);
        const n = counts[Number(key.slice(1))] ?? 0;
        const instance: PagefindInstance = {
          options: async () => undefined,
          filters: async () => ({}),
          search: async () => {
            searched.push(key);
            await new Promise((resolve) => setTimeout(resolve, 1));
            return {
              results: Array.from({ length: n }, (_, i) => ({
                id: `${key}-${i}`,
                data: async () => ({ url: "", excerpt: "", meta: {} }),
              })),
              filters: { year: { [key]: n } },
            };
          },
        };
        return instance;
      },
    },
    {
      base: "/pagefind/",
      version: "v1",
      manifest: { parts: counts.map((_, i) => ({ key: `p${i}`, years: [2025 - i], pages })), filters: {} },
      withLanguage: (key, create) => {
        language = key;
        return create();
      },
    },
  );
  return { index, searched, created };
}

describe("openSearchIndex", () => {
  it("stops after a page of results, and otherwise after 2,000 releases", async () => {
    const enough = partsIndex([20, 5, 5]);
    expect((await enough.index.query("x", {}, 11))?.complete).toBe(false);
    expect(enough.searched).toEqual(["p0"]);
    const few = partsIndex([1, 1, 1, 1]);
    const answer = await few.index.query("x", {}, 11);
    expect(few.searched).toEqual(["p0", "p1"]);
    expect(answer).toMatchObject({ complete: false, fromYear: 2024, pendingYears: ["2023", "2022"] });
  });

  it("searches a small archive whole", async () => {
    const small = partsIndex([1, 1, 1, 1], 100);
    expect((await small.index.query("x", {}, 11))?.complete).toBe(true);
  });

  it("searches each part once when more is asked for twice at once, and opens each part once", async () => {
    const { index, searched, created } = partsIndex([1, 1, 1, 1]);
    const first = await index.query("x", {}, 11);
    const [a, b] = await Promise.all([first?.more(100), first?.more(100)]);
    expect(searched).toEqual(["p0", "p1", "p2", "p3"]);
    expect(b?.results.map((r) => r.id)).toEqual(["p0-0", "p1-0", "p2-0", "p3-0"]);
    expect(a?.complete).toBe(true);
    await index.query("y", {}, 11);
    expect(created).toEqual(["p0", "p1", "p2", "p3"]);
  });

  it("searches only the parts of a year filter's years", async () => {
    const { index, searched } = partsIndex([1, 1, 1]);
    await index.query("x", { filters: { year: { any: ["2023"] } } }, 11);
    expect(searched).toEqual(["p2"]);
  });
});

// How the index is cut into parts, and what the search page is told of them.
import { describe, expect, it } from "vitest";
import { runWithinBudget } from "../../../lib/search/pagefind.ts";
import {
  indexingWork,
  languageManifest,
  MAX_PART_PAGES,
  partKey,
  splitIntoParts,
} from "../../../lib/search/parts.ts";

const doc = (language: string, sortKey: string, tag = "t") => ({
  language,
  year: Number(sortKey.slice(0, 4)),
  sortKey,
  filters: { year: [sortKey.slice(0, 4)], tag: [tag] },
});

describe("partKey", () => {
  it("keeps a language Pagefind stems, and puts Han languages under one it neither segments nor stems", () => {
    expect(partKey("en", 2025, 0)).toBe("en-x-y2025");
    expect(partKey("en-gb", 2025, 1)).toBe("en-gb-x-y2025b");
    expect(partKey("zh-cn", 2024, 0)).toBe("zxx-x-zh-cn-y2024");
    expect(partKey("zh-hant", 2024, 2)).toBe("zxx-x-zh-hant-y2024c");
    expect(Intl.getCanonicalLocales(partKey("zh-cn", 2024, 0))).toHaveLength(1);
  });
});

describe("splitIntoParts", () => {
  it("keeps a small archive in one part, newest first", () => {
    const parts = splitIntoParts([doc("en", "2024-05-01"), doc("en", "2025-01-02"), doc("en", "2025-03-01")]);
    expect(parts.map((p) => [p.key, p.years, p.documents.map((d) => d.sortKey)])).toEqual([
      ["en-x-y2024", [2025, 2024], ["2025-03-01", "2025-01-02", "2024-05-01"]],
    ]);
  });

  it("fills parts with whole years from the oldest, so new releases change only the newest part", () => {
    const year = (y: number, n: number) =>
      Array.from({ length: n }, (_, i) => doc("en", `${y}-01-01T${String(i).padStart(6, "0")}`));
    const archive = [...year(2020, 600), ...year(2021, 300), ...year(2022, 200), ...year(2023, 100)];
    const parts = splitIntoParts(archive);
    expect(parts.map((p) => [p.key, p.years, p.documents.length])).toEqual([
      ["en-x-y2022", [2023, 2022], 300],
      ["en-x-y2020", [2021, 2020], 900],
    ]);
    const later = splitIntoParts([...archive, ...year(2024, 50)]);
    expect(later.at(-1)?.documents).toEqual(parts.at(-1)?.documents);
  });

  it("cuts a busy year into even parts of at most MAX_PART_PAGES", () => {
    const days = Array.from({ length: MAX_PART_PAGES + 1 }, (_, i) =>
      doc("en", `2025-01-01T${String(i).padStart(6, "0")}`),
    );
    const parts = splitIntoParts(days);
    expect(parts.map((p) => p.key)).toEqual(["en-x-y2025b", "en-x-y2025"]);
    expect(parts.map((p) => p.documents.length)).toEqual([501, 500]);
    // Newest first across the pieces too.
    expect((parts[0]?.documents[0]?.sortKey ?? "") > (parts[1]?.documents[0]?.sortKey ?? "")).toBe(true);
  });
});

describe("indexingWork", () => {
  it("counts a Han part's releases three times, so it starts before an English part of as many", () => {
    const english = splitIntoParts([doc("en", "2025-01-01"), doc("en", "2025-02-01")]);
    const chinese = splitIntoParts([doc("zh-cn", "2025-01-01"), doc("zh-cn", "2025-02-01")]);
    const fewer = splitIntoParts([doc("zh-cn", "2025-01-01")]);
    expect(
      [english, chinese, fewer].map((parts) => indexingWork(parts[0] as (typeof parts)[number])),
    ).toEqual([2, 6, 3]);
  });
});

describe("languageManifest", () => {
  it("lists the parts and counts every facet value of the whole language", () => {
    const manifest = languageManifest(
      splitIntoParts([
        doc("zh-cn", "2025-01-01", "a"),
        doc("zh-cn", "2024-01-01", "a"),
        doc("zh-cn", "2024-02-01", "b"),
      ]),
    );
    expect(manifest).toEqual({
      parts: [{ key: "zxx-x-zh-cn-y2024", years: [2025, 2024], pages: 3 }],
      filters: { year: { "2025": 1, "2024": 2 }, tag: { a: 2, b: 1 } },
    });
  });
});

describe("runWithinBudget", () => {
  /** Tasks that record how many run at once; each ends when released. */
  function tasks(weights: number[]) {
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const list = weights.map((weight, i) => ({
      weight,
      run: () =>
        new Promise<number>((resolve) => {
          running++;
          peak = Math.max(peak, running);
          release.push(() => {
            running--;
            resolve(i);
          });
        }),
    }));
    return { list, peak: () => peak, release };
  }
  const drain = async (release: (() => void)[], done: Promise<unknown>) => {
    while (true) {
      const settled = await Promise.race([
        done.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5)),
      ]);
      if (settled) return;
      release.shift()?.();
    }
  };

  it("runs tasks at once while their weights fit, one when none fits, and keeps the order of results", async () => {
    const fits = tasks([300, 300, 300, 300]);
    const all = runWithinBudget(fits.list, 700);
    await drain(fits.release, all);
    expect(await all).toEqual([0, 1, 2, 3]);
    expect(fits.peak()).toBe(2);
    const cores = tasks([1, 1, 1]);
    const two = runWithinBudget(cores.list, 700, 2);
    await drain(cores.release, two);
    expect(cores.peak()).toBe(2);
    const heavy = tasks([900, 900]);
    const one = runWithinBudget(heavy.list, 500);
    await drain(heavy.release, one);
    expect(heavy.peak()).toBe(1);
  });

  it("reads a task's weight (which may prepare it) only once a core is free for it", async () => {
    const weighed: number[] = [];
    const release: (() => void)[] = [];
    const list = [0, 1, 2].map((i) => ({
      get weight() {
        weighed.push(i);
        return 1;
      },
      run: () => new Promise<number>((resolve) => release.push(() => resolve(i))),
    }));
    const all = runWithinBudget(list, 100, 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(weighed).toEqual([0]);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
    expect(weighed).toEqual([0, 1]);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
    release.shift()?.();
    expect(await all).toEqual([0, 1, 2]);
    // Read once each: the weight given back when a task ends is the one it started with.
    expect(weighed).toEqual([0, 1, 2]);
  });

  it("starts nothing after a failure and reports it once the running tasks end", async () => {
    let started = 0;
    const list = [0, 1, 2].map((i) => ({
      weight: 1,
      run: async () => {
        started++;
        if (i === 0) throw new Error("part failed");
        return i;
      },
    }));
    await expect(runWithinBudget(list, 1)).rejects.toThrow("part failed");
    expect(started).toBe(1);
  });
});

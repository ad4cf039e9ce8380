// Recall at a realistic size: on 1,500 generated releases per language, a
// browser search for each listed word must return every release whose text
// contains it. A Chinese query typed without spaces must list the releases
// containing it as typed first, then those containing each of its words
// (as the browser's Intl.Segmenter splits it) apart, and nothing else. Small sites cannot show the failure this guards against
// (Pagefind loading only some index chunks, and splitting Chinese queries
// differently from pages; see lib/search/han.ts). Keep it when upgrading Pagefind.
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { measureFirstQuery } from "../../scripts/bench/first-query.ts";
import { projectRoot } from "../support/fixture-site.ts";
import { type ServedSite, serveFixtureSite } from "../support/served-site.ts";

const RELEASES = 1500;

/** Words searched, and the forms whose presence makes a release a correct answer. */
const ZH_WORDS = [
  "储能",
  "锂电池",
  "圆柱电池",
  "新能源",
  "新能源汽车",
  "电池",
  "能源",
  "集装箱",
  "港口",
  "水稻",
  "种子",
  "新",
  "电",
];
/** Several words typed without spaces, as Chinese readers do. */
const ZH_RUNS = ["港口物流", "水稻种子", "新能源港口", "锂电池集装箱"];
const EN_WORDS: Record<string, RegExp> = {
  battery: /\b(battery|batteries)\b/i,
  batteries: /\b(battery|batteries)\b/i,
  container: /\bcontainers?\b/i,
  port: /\bports?\b/i,
  rice: /\brice\b/i,
  seeds: /\bseeds?\b/i,
};

let served: ServedSite;
let queryScript: string;
const truth = { en: new Map<string, string>(), zh: new Map<string, string>() };
/** Each release page's calendar date, from its front matter. */
const dates = new Map<string, string>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const release of generateCorpus({ releases: RELEASES })) {
    files[release.en.path] = release.en.markdown;
    files[release.zh.path] = release.zh.markdown;
    truth.en.set(`/en/releases/${release.slug}/`, release.en.text);
    truth.zh.set(`/zh/releases/${release.slug}/`, release.zh.text);
    const date = /releaseTime: (\d{4}-\d\d-\d\d)/.exec(release.en.markdown)?.[1] ?? "";
    dates.set(`/en/releases/${release.slug}/`, date);
    dates.set(`/zh/releases/${release.slug}/`, date);
  }
  // The recall searches need no service worker, and one would go on fetching
  // the whole index in the background while the transfer test counts bytes.
  served = await serveFixtureSite(files, { serviceWorkers: "block" });
  // The search page's own index and query code, exposed so the test can ask for all results.
  const bundled = await build({
    stdin: {
      contents:
        'export * from "./lib/client/search/query.ts"; export * from "./lib/client/search/search-index.ts";',
      resolveDir: projectRoot,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "PressroomQuery",
  });
  queryScript = bundled.outputFiles[0]?.text ?? "";
}, 900_000);

afterAll(async () => {
  await served?.close();
});

interface Found {
  urls: string[];
  /** How many of the first results have the query as typed. */
  exact: number;
  /** The words of the query, as the page split it. */
  words: string[];
  /** The year facet's counts for the query. */
  years: Record<string, number>;
}

async function searchAll(locale: "en" | "zh", word: string): Promise<Found> {
  const page = await served.browser.context.newPage();
  await page.goto(`${served.server.origin}/${locale}/search/`);
  // Evaluated through the DevTools protocol, as the page's CSP refuses inline
  // scripts; evaluation has its own scope, so the global is set by hand.
  await page.evaluate(`${queryScript};globalThis.PressroomQuery = PressroomQuery;`);
  // A string, not a function: vitest would rewrite import() in a function's source.
  const found = (await page.evaluate(`(async () => {
    const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
    const manifest = (await (await fetch("/pagefind/pressroom-index.json")).json()).languages[document.documentElement.lang.toLowerCase()];
    const index = PressroomQuery.openSearchIndex(pagefind, { base: "/pagefind/", manifest, version: "", withLanguage: PressroomQuery.withLanguage });
    // Every part: the first answer covers the newest ones, more() the rest.
    let found = await index.query(${JSON.stringify(word)}, { filters: {}, sort: { date: "desc" } }, Infinity);
    while (found && !found.complete) found = await found.more(Infinity);
    const data = await Promise.all((found ? found.results : []).map((r) => r.data()));
    const plan = PressroomQuery.planQuery(${JSON.stringify(word)});
    // Pairs back to words: the first pair, then the last character of each next one.
    const join = (pairs) => pairs.map((pair, i) => (i === 0 ? pair : [...pair].slice(-1).join(""))).join("");
    const words = plan.flatMap((p) => p.words ? p.words.map(join) : [p.han ? join(p.han) : p.text]);
    return { urls: data.map((d) => d.url), exact: found ? found.exact : 0, words, years: found ? found.filters.year ?? {} : {} };
  })()`)) as Found;
  await page.close();
  return found;
}

function score(
  found: string[],
  expected: Set<string>,
): { recall: number; precision: number; missed: string[] } {
  const hits = found.filter((u) => expected.has(u)).length;
  return {
    recall: expected.size === 0 ? 1 : hits / expected.size,
    precision: found.length === 0 ? 1 : hits / found.length,
    missed: [...expected].filter((u) => !found.includes(u)).slice(0, 3),
  };
}

/**
 * Newest first, as the page shows them with "Newest first": across the
 * index's parts as within each. Returns the first pair out of order.
 */
function outOfOrder(urls: string[]): string[] | undefined {
  for (let i = 1; i < urls.length; i++) {
    if ((dates.get(urls[i - 1] ?? "") ?? "") < (dates.get(urls[i] ?? "") ?? ""))
      return [urls[i - 1] ?? "", urls[i] ?? ""];
  }
  return undefined;
}

/** The year facet's counts of a set of release pages. */
function yearCounts(urls: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const url of urls) {
    const year = (dates.get(url) ?? "").slice(0, 4);
    counts[year] = (counts[year] ?? 0) + 1;
  }
  return counts;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe(`search recall on ${RELEASES} releases per language`, () => {
  /** Searches in the browser, compares with the releases whose text contains the word, prints both rates. */
  async function measure(locale: "en" | "zh", word: string, contains: (text: string) => boolean) {
    const expected = new Set([...truth[locale]].filter(([, text]) => contains(text)).map(([url]) => url));
    const found = await searchAll(locale, word);
    const result = score(found.urls, expected);
    expect(outOfOrder(found.urls)).toBeUndefined();
    expect(found.years).toEqual(yearCounts(found.urls));
    console.log(
      `${locale} ${word}: ${expected.size} releases contain it; recall ${percent(result.recall)}, precision ${percent(result.precision)}`,
    );
    expect(expected.size).toBeGreaterThan(0);
    return result;
  }

  /** Exact matches first, then every release with all the words, and nothing else. */
  async function measureChinese(query: string) {
    const found = await searchAll("zh", query);
    const having = (test: (text: string) => boolean) =>
      new Set([...truth.zh].filter(([, text]) => test(text)).map(([url]) => url));
    const exact = having((text) => text.includes(query));
    const every = having((text) => found.words.every((w) => text.includes(w)));
    const first = score(found.urls.slice(0, found.exact), exact);
    const all = score(found.urls, every);
    console.log(
      `zh ${query} (${found.words.join(" | ")}): ${exact.size} as typed, ${every.size} with every word; recall ${percent(all.recall)}, precision ${percent(all.precision)}; exact first: ${percent(first.recall)}`,
    );
    expect(every.size).toBeGreaterThan(0);
    expect(first.missed).toEqual([]);
    expect(first.precision).toBe(1);
    expect(all.missed).toEqual([]);
    expect(all.precision).toBe(1);
    // Newest first within the exact matches and within the rest.
    expect(outOfOrder(found.urls.slice(0, found.exact))).toBeUndefined();
    expect(outOfOrder(found.urls.slice(found.exact))).toBeUndefined();
    // One word: the facet counts are those of the releases found.
    if (found.words.length === 1) expect(found.years).toEqual(yearCounts(found.urls));
    return { found, exact, every };
  }

  it.each(ZH_WORDS.filter((w) => [...w].length > 1))(
    "finds every Chinese release containing %s, exact matches first",
    async (word) => {
      await measureChinese(word);
    },
  );

  // A single character is found where it starts an indexed pair (lib/search/han.ts):
  // every result has it, and most releases that have it are found (Pagefind's own
  // segmentation found 60% of those with 电 at 10,000 releases).
  it.each(ZH_WORDS.filter((w) => [...w].length === 1))(
    "finds Chinese releases containing %s",
    async (word) => {
      const result = await measure("zh", word, (text) => text.includes(word));
      expect(result.precision).toBe(1);
      expect(result.recall).toBeGreaterThan(0.9);
    },
  );

  it.each(ZH_RUNS)("finds %s typed without spaces: as typed first, then its words apart", async (query) => {
    const { found, exact, every } = await measureChinese(query);
    // The run is more than one word, and the corpus has releases with them apart.
    expect(found.words.length).toBeGreaterThan(1);
    expect(every.size).toBeGreaterThan(exact.size);
  });

  it.each(Object.keys(EN_WORDS))("finds every English release containing a form of %s", async (word) => {
    const pattern = EN_WORDS[word] as RegExp;
    const result = await measure("en", word, (text) => pattern.test(text));
    expect(result.missed).toEqual([]);
  });
});

describe(`a first search on ${RELEASES} releases per language`, () => {
  it.each([
    ["zh", "新能源"],
    ["en", "battery"],
  ] as const)("transfers a bounded amount for a first %s query (%s)", async (locale, word) => {
    const first = await measureFirstQuery(served.server, `/${locale}/search/`, word);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `first ${locale} query "${word}": ${kb(first.bytes)} transferred with gzip (${kb(first.uncompressedBytes)} uncompressed), of which ${kb(first.pagefindBytes)} Pagefind files`,
    );
    expect(first.results).toBeGreaterThan(0);
    // Pagefind loads only the chunks a query needs, never the whole index.
    expect(first.pagefindBytes).toBeLessThan(1024 * 1024);
  });
});

// Recall at a realistic size: on 1,500 generated releases per language, a
// browser search for each listed word must return every release whose text
// contains it. Small sites cannot show the failure this guards against
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

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const release of generateCorpus({ releases: RELEASES })) {
    files[release.en.path] = release.en.markdown;
    files[release.zh.path] = release.zh.markdown;
    truth.en.set(`/en/releases/${release.slug}/`, release.en.text);
    truth.zh.set(`/zh/releases/${release.slug}/`, release.zh.text);
  }
  // The recall searches need no service worker, and one would go on fetching
  // the whole index in the background while the transfer test counts bytes.
  served = await serveFixtureSite(files, { serviceWorkers: "block" });
  // The search page's own query code, exposed so the test can ask for all results.
  const bundled = await build({
    entryPoints: [`${projectRoot}/lib/client/search/query.ts`],
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

async function searchAll(locale: "en" | "zh", word: string): Promise<string[]> {
  const page = await served.browser.context.newPage();
  await page.goto(`${served.server.origin}/${locale}/search/`);
  await page.addScriptTag({ content: queryScript });
  // A string, not a function: vitest would rewrite import() in a function's source.
  const urls = (await page.evaluate(`(async () => {
    const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
    await pagefind.init();
    const found = await PressroomQuery.runQuery(pagefind, ${JSON.stringify(word)}, { filters: {} });
    const data = await Promise.all((found ? found.results : []).map((r) => r.data()));
    return data.map((d) => d.url);
  })()`)) as string[];
  await page.close();
  return urls;
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

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe(`search recall on ${RELEASES} releases per language`, () => {
  /** Searches in the browser, compares with the releases whose text contains the word, prints both rates. */
  async function measure(locale: "en" | "zh", word: string, contains: (text: string) => boolean) {
    const expected = new Set([...truth[locale]].filter(([, text]) => contains(text)).map(([url]) => url));
    const result = score(await searchAll(locale, word), expected);
    console.log(
      `${locale} ${word}: ${expected.size} releases contain it; recall ${percent(result.recall)}, precision ${percent(result.precision)}`,
    );
    expect(expected.size).toBeGreaterThan(0);
    return result;
  }

  it.each(ZH_WORDS)("finds every Chinese release containing %s", async (word) => {
    const result = await measure("zh", word, (text) => text.includes(word));
    expect(result.missed).toEqual([]);
    expect(result.precision).toBe(1);
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

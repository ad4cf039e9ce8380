// What a reader downloads, on a generated archive of 1,000 bilingual
// releases, counted through the DevTools protocol (playwright's request
// events, which in Chromium include the service worker's own fetches) and
// at the server: a first visit to a release page, service worker included,
// stays within a small budget and never touches the search index; the
// search page offers to save an index above the automatic-saving budget,
// saves it with progress, searches offline afterwards, cancels and removes.
import type { BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTO_SAVE_BYTES, fileListName, type IndexFileList } from "../../lib/search/index-files.ts";
import { openBrowser } from "../../scripts/bench/chromium.ts";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { type ServedSite, searchSettled, serveFixtureSite } from "../support/served-site.ts";

const RELEASES = 1000;
/** The budget for a first visit to a release page, service worker included. */
const FIRST_VISIT_BUDGET = 100 * 1024;

let served: ServedSite;
let slug: string;

beforeAll(async () => {
  const files: Record<string, string> = {};
  const corpus = generateCorpus({ releases: RELEASES });
  for (const release of corpus) {
    files[release.en.path] = release.en.markdown;
    files[release.zh.path] = release.zh.markdown;
  }
  slug = corpus[Math.floor(RELEASES / 2)]?.slug ?? "";
  served = await serveFixtureSite(files);
}, 900_000);

afterAll(async () => {
  await served?.close();
});

interface Counted {
  url: string;
  bytes: number;
  fromWorker: boolean;
}

/** Every request the context sees, page and service worker alike, with its size on the wire. */
function countRequests(context: BrowserContext): Counted[] {
  const seen: Counted[] = [];
  const record = async (request: Request) => {
    const response = await request.response();
    // The page's side of a response the worker answered: the worker's own
    // fetch, if it made one, is counted separately.
    if (!response || response.fromServiceWorker()) return;
    const sizes = await request.sizes();
    seen.push({
      url: request.url(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      fromWorker: request.serviceWorker() !== null,
    });
  };
  context.on("requestfinished", (request) => void record(request));
  return seen;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe(`a first visit on ${RELEASES} releases per language`, () => {
  it("transfers at most 100 KB in the 30 s after a release page loads, service worker included, and no index", async () => {
    const visitor = await openBrowser();
    try {
      const seen = countRequests(visitor.context);
      served.server.bytesSent.clear();
      const page = await visitor.context.newPage();
      await page.goto(`${served.server.origin}/zh/releases/${slug}/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.waitForTimeout(30_000);
      const wire = sum([...served.server.bytesSent.values()]);
      const counted = sum(seen.map((s) => s.bytes));
      console.log(
        `first visit to a release page: ${(counted / 1024).toFixed(1)} KB in ${seen.length} requests (${seen.filter((s) => s.fromWorker).length} by the service worker); server sent ${(wire / 1024).toFixed(1)} KB`,
      );
      // The worker did install and precache its shell.
      expect(seen.some((s) => s.fromWorker)).toBe(true);
      expect(seen.filter((s) => s.url.includes("/pagefind/"))).toEqual([]);
      expect([...served.server.bytesSent.keys()].filter((u) => u.includes("/pagefind/"))).toEqual([]);
      expect(counted).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
      expect(wire).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    } finally {
      await visitor.close();
    }
  }, 120_000);
});

async function fileList(language: string): Promise<IndexFileList> {
  const response = await fetch(`${served.server.origin}/pagefind/${fileListName(language)}`);
  return (await response.json()) as IndexFileList;
}

async function controlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe(`saving a large index for offline use (${RELEASES} releases per language)`, () => {
  it.each([
    ["zh", "zh-cn", "新能源", "港口"],
    ["en", "en", "battery", "harvest"],
  ] as const)(
    "offers, saves with progress and searches offline in %s",
    async (locale, language, online, offline) => {
      const list = await fileList(language);
      // The generated archive is meant to be above the automatic budget.
      expect(list.bytes).toBeGreaterThan(AUTO_SAVE_BYTES);
      const visitor = await openBrowser();
      try {
        const page = await visitor.context.newPage();
        await controlled(page, `${served.server.origin}/${locale}/search/`);
        await page.goto(`${served.server.origin}/${locale}/search/?q=${encodeURIComponent(online)}`);
        await searchSettled(page);
        const box = page.locator(".offline-index");
        await page.waitForSelector('.offline-index[data-state="offer"]');
        const strings = JSON.parse((await page.locator("#search").getAttribute("data-strings")) ?? "{}");
        expect(await box.locator(".offline-index-save").textContent()).toBe(strings.offlineSave);
        // The size, as the page formats it, and the browser's storage figures.
        const size = await page.evaluate(
          ([bytes, lang]) =>
            new Intl.NumberFormat(lang, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
              bytes / 1024 / 1024,
            ),
          [list.bytes, await page.evaluate(() => document.documentElement.lang)] as const,
        );
        expect(await box.locator(".offline-index-text").textContent()).toContain(size);
        await page.waitForSelector(".offline-index-storage:not([hidden])");

        await box.locator(".offline-index-save").click();
        await page.waitForSelector('.offline-index[data-state="saving"] progress:not([hidden])');
        const progress = await page.waitForFunction(() => {
          const bar = document.querySelector<HTMLProgressElement>(".offline-index progress");
          return bar && bar.value > 0 ? bar.value : null;
        });
        expect(await progress.jsonValue()).toBeGreaterThan(0);
        await page.waitForSelector('.offline-index[data-state="saved"]', { timeout: 240_000 });
        expect(await box.locator(".offline-index-remove").isVisible()).toBe(true);

        await visitor.context.setOffline(true);
        await page.goto(`${served.server.origin}/${locale}/search/?q=${encodeURIComponent(offline)}`);
        expect((await searchSettled(page)).length).toBeGreaterThan(0);
        await visitor.context.setOffline(false);

        await page.goto(`${served.server.origin}/${locale}/search/?q=${encodeURIComponent(online)}`);
        await page.waitForSelector('.offline-index[data-state="saved"]');
        await box.locator(".offline-index-remove").click();
        await page.waitForSelector('.offline-index[data-state="offer"]');
        const left = await page.evaluate(async () => {
          const cache = await caches.open("pressroom-search");
          return (await cache.keys()).filter((r) => /\/(index|fragment)\//.test(r.url)).length;
        });
        expect(left).toBeLessThan(list.files.filter((f) => /^(index|fragment)\//.test(f.path)).length / 4);
      } finally {
        await visitor.close();
      }
    },
    420_000,
  );

  it("stops when cancelled, keeping the offer", async () => {
    const visitor = await openBrowser();
    try {
      const page = await visitor.context.newPage();
      await controlled(page, `${served.server.origin}/zh/search/`);
      await page.goto(`${served.server.origin}/zh/search/?q=${encodeURIComponent("电网")}`);
      await searchSettled(page);
      await page.waitForSelector('.offline-index[data-state="offer"]');
      await page.locator(".offline-index-save").click();
      await page.locator(".offline-index-cancel").click();
      await page.waitForSelector('.offline-index[data-state="stopped"]');
      expect(await page.locator(".offline-index-save").isVisible()).toBe(true);
    } finally {
      await visitor.close();
    }
  }, 120_000);
});

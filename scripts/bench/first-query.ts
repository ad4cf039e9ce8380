// What a visitor's first search costs on the wire: the search page opened
// with a query in a fresh browser, without the service worker (which may
// go on to save a small index for offline use), counting every byte the
// server sends until the results are shown. The bare baseline's search page
// (scripts/bench/bare-site.ts) marks its status line and results the same
// way, so both are measured alike.

import type { Page } from "playwright-core";
import type { StaticServer } from "../../lib/deploy/static-server.ts";
import { openBrowser } from "./chromium.ts";
import { foundInStatus } from "./words.ts";

export interface FirstQuery {
  /** As sent, text gzipped as static hosts do. */
  bytes: number;
  uncompressedBytes: number;
  /** Of `bytes`, Pagefind's runtime and index files. */
  pagefindBytes: number;
  /** Results on the page. */
  results: number;
  /** Results found, as the status line counts them. */
  found: number | undefined;
  /** Set when the page had searched only the releases from this year on. */
  fromYear?: number;
}

/** The status line read with the page's own templates (our page carries them in data-strings; the bare one has none). */
async function statusCount(page: Page, query: string): Promise<Pick<FirstQuery, "found" | "fromYear">> {
  const status = (await page.locator(".search-status").textContent()) ?? "";
  const strings = await page.evaluate(() => {
    const carried = document.querySelector("[data-strings]")?.getAttribute("data-strings");
    return carried ? (JSON.parse(carried) as Record<string, string>) : {};
  });
  const count = foundInStatus(status, query, strings);
  return { found: count?.found, ...(count?.fromYear === undefined ? {} : { fromYear: count.fromYear }) };
}

const sum = (values: Iterable<number>) => [...values].reduce((total, n) => total + n, 0);

export async function measureFirstQuery(
  server: StaticServer,
  searchPath: string,
  query: string,
): Promise<FirstQuery> {
  const visitor = await openBrowser({ serviceWorkers: "block" });
  try {
    server.bytesSent.clear();
    server.bytesUncompressed.clear();
    const page = await visitor.context.newPage();
    await page.goto(`${server.origin}${searchPath}?q=${encodeURIComponent(query)}`);
    // Answered: a count, or the no-results message, which repeats the query.
    await page.waitForFunction(
      (typed) => {
        const status = document.querySelector(".search-status")?.textContent ?? "";
        return /\d/.test(status) || status.includes(typed);
      },
      query,
      { timeout: 120_000 },
    );
    return {
      bytes: sum(server.bytesSent.values()),
      uncompressedBytes: sum(server.bytesUncompressed.values()),
      pagefindBytes: sum(
        [...server.bytesSent].filter(([url]) => url.includes("/pagefind/")).map(([, n]) => n),
      ),
      results: await page.locator(".result").count(),
      ...(await statusCount(page, query)),
    };
  } finally {
    await visitor.close();
  }
}

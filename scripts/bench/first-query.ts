// What a visitor's first search costs on the wire: the search page opened
// with a query in a fresh browser, without the service worker (which may
// go on to save a small index for offline use), counting every byte the
// server sends until the results are shown. The bare baseline's search page
// (scripts/bench/bare-site.ts) marks its status line and results the same
// way, so both are measured alike.

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
      found: foundInStatus((await page.locator(".search-status").textContent()) ?? "", query),
    };
  } finally {
    await visitor.close();
  }
}

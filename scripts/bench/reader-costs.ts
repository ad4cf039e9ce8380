// What a reader's browser downloads, for the benchmark: a first visit to a
// release page with the service worker (everything the server sends in the
// 30 s after load), each language's whole index as the search page would
// save it for offline use, and what a saved index re-fetches after a new
// build (the files whose names, content hashes, changed).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { StaticServer } from "../../lib/deploy/static-server.ts";
import type { IndexFileList } from "../../lib/search/index-files.ts";
import { openBrowser } from "./chromium.ts";

const sum = (values: Iterable<number>) => [...values].reduce((total, n) => total + n, 0);

export interface FirstVisit {
  bytes: number;
  requests: number;
  pagefindRequests: number;
}

export async function measureFirstVisit(server: StaticServer, pagePath: string): Promise<FirstVisit> {
  const visitor = await openBrowser();
  try {
    server.bytesSent.clear();
    const page = await visitor.context.newPage();
    await page.goto(`${server.origin}${pagePath}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForTimeout(30_000);
    const urls = [...server.bytesSent.keys()];
    return {
      bytes: sum(server.bytesSent.values()),
      requests: urls.length,
      pagefindRequests: urls.filter((u) => u.includes("/pagefind/")).length,
    };
  } finally {
    await visitor.close();
  }
}

/** The build's per-language file lists (lib/search/offline-files.ts), by language. */
export function readIndexLists(siteDir: string): Map<string, IndexFileList> {
  const dir = path.join(siteDir, "pagefind");
  const lists = new Map<string, IndexFileList>();
  for (const name of readdirSync(dir).filter((n) => /^pressroom-files\..+\.json$/.test(n))) {
    const list = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as IndexFileList;
    lists.set(list.language, list);
  }
  return lists;
}

/** Bytes of the new list's files a saved copy of the old one lacks. */
export function refetchedBytes(before: IndexFileList, after: IndexFileList): number {
  const had = new Set(before.files.map((f) => f.path));
  // The entry file has no hash in its name and is always asked of the network.
  return sum(
    after.files.filter((f) => !had.has(f.path) || f.path === "pagefind-entry.json").map((f) => f.bytes),
  );
}

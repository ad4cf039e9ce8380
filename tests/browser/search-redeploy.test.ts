// A visitor who saved the search index comes back after a new build: a
// release the build removed is gone from the first online search, and the
// saved index fetches only the files whose names (content hashes) changed,
// plus the entry file and file list that say which files make the index.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileListName, type IndexFileList } from "../../lib/search/index-files.ts";
import { MANIFEST } from "../../lib/search/parts.ts";
import { openBrowser } from "../../scripts/bench/chromium.ts";
import { mustBuild, releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, searchSettled, serveFixtureSite } from "../support/served-site.ts";

const RELEASES = 30;
let served: ServedSite;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < RELEASES; i++) {
    files[`src/releases/en/harbor-${i}.md`] = releaseFile(
      { title: `Harbor update ${i}`, releaseTime: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}` },
      `The harbor crane number ${i} moved containers for the port${i === 7 ? " beside the lighthouse" : ""}.`,
    );
  }
  served = await serveFixtureSite(files);
}, 300_000);

afterAll(async () => {
  await served?.close();
});

async function fileList(): Promise<IndexFileList> {
  return (await (
    await fetch(`${served.server.origin}/pagefind/${fileListName("en")}`)
  ).json()) as IndexFileList;
}

describe("after a redeploy", () => {
  it("drops a removed release from the next online search and fetches only changed index files", async () => {
    const visitor = await openBrowser();
    try {
      const page = await visitor.context.newPage();
      await page.goto(`${served.server.origin}/en/search/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.goto(`${served.server.origin}/en/search/?q=lighthouse`);
      expect(await searchSettled(page)).toEqual(["/en/releases/harbor-7/"]);
      await page.waitForSelector('.offline-index[data-state="saved"]');
      const before = await fileList();

      rmSync(path.join(served.site.dir, "src/releases/en/harbor-7.md"));
      served.site.write(
        "src/releases/en/harbor-3.md",
        releaseFile(
          { title: "Harbor update 3", releaseTime: "2013-04-13" },
          "The lighthouse crane was repainted.",
        ),
      );
      await mustBuild(served.site);
      const after = await fileList();
      const had = new Set(before.files.map((f) => f.path));
      const changed = after.files.filter((f) => !had.has(f.path));
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.length).toBeLessThan(after.files.length / 2);

      served.server.bytesSent.clear();
      await page.goto(`${served.server.origin}/en/search/?q=lighthouse`);
      expect(await searchSettled(page)).toEqual(["/en/releases/harbor-3/"]);
      await page.waitForSelector('.offline-index[data-state="saved"]');
      const fetched = [...served.server.bytesSent.keys()]
        .filter((u) => u.includes("/pagefind/"))
        .map((u) => new URL(u, served.server.origin).pathname.replace("/pagefind/", ""));
      // Unchanged index files come from the browser's cache; only what
      // changed, what names the index, and the runtime (network-first) travel.
      const allowed = new Set([
        ...changed.map((f) => f.path),
        "pagefind-entry.json",
        MANIFEST,
        fileListName("en"),
        "pagefind.js",
        "pagefind-worker.js",
        "wasm.en.pagefind",
      ]);
      expect(fetched.filter((f) => !allowed.has(f))).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 300_000);
});

// A fixture site built with the real build command, served on 127.0.0.1 and
// opened in a fresh headless Chromium: the setup every browser test shares.
import type { Page } from "playwright-core";
import { type StaticServer, serveStatic } from "../../lib/deploy/static-server.ts";
import { type BrowserSession, openBrowser } from "../../scripts/bench/chromium.ts";
import { type BuildRun, createFixtureSite, type FixtureSite, mustBuild } from "./fixture-site.ts";

export interface ServedSite {
  site: FixtureSite;
  server: StaticServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

export async function serveFixtureSite(
  files: Record<string, string | Uint8Array>,
  options: BuildRun & { mount?: string; serviceWorkers?: "allow" | "block" } = {},
): Promise<ServedSite> {
  const site = createFixtureSite(files);
  try {
    await mustBuild(site, options);
  } catch (error) {
    site.dispose();
    throw error;
  }
  const server = await serveStatic(`${site.dir}/_site`, { mount: options.mount });
  const browser = await openBrowser({ serviceWorkers: options.serviceWorkers });
  return {
    site,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      site.dispose();
    },
  };
}

/**
 * Waits until the search page has answered its query (the status line says
 * how many releases were found, or that none were) and returns the result links.
 */
export async function searchSettled(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector(".search-status")?.textContent ?? "";
    return status !== "" && !status.includes("…");
  });
  return page.locator(".result h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

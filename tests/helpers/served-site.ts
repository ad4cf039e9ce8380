// A fixture site built with the real build command, served on 127.0.0.1 and
// opened in a fresh headless Chromium: the setup every browser test shares.
import { type BrowserSession, openBrowser } from "../../lib/bench/chromium.ts";
import { type StaticServer, serveStatic } from "../../lib/bench/static-server.ts";
import { type BuildRun, createFixtureSite, type FixtureSite } from "./fixture-site.ts";

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
  const result = await site.build(options);
  if (result.code !== 0) {
    site.dispose();
    throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  }
  const server = await serveStatic(`${site.dir}/_site`, options.mount);
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

// Headless Chromium from the system (Debian's package), driven by
// playwright-core, against a built site served on 127.0.0.1 only: for the
// browser tests and the benchmark's first-query figure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent profile per session, so service workers and caches start empty. */
export async function openBrowser(
  options: { serviceWorkers?: "allow" | "block" } = {},
): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "pressroom-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    serviceWorkers: options.serviceWorkers ?? "allow",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

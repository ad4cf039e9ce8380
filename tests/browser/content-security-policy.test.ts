// Every page of a built site, served by the code behind `npm run serve` with
// the headers the build wrote into `_headers`, loads in Chromium without a
// Content-Security-Policy violation: pages with JSON-LD, a table with
// aligned columns, a media kit with image renditions and an embedded video
// player, both 404 pages, the offline page, search (Pagefind's worker and
// WebAssembly) and the service worker. Under a path prefix, as a project
// site on GitHub Pages is.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser } from "../../scripts/bench/chromium.ts";
import { releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, searchSettled, serveFixtureSite } from "../support/served-site.ts";

const PREFIX = "/newsroom/";
const photo = await sharp({ create: { width: 700, height: 400, channels: 3, background: "#2f6fa8" } })
  .png()
  .toBuffer();

const table = "| Item | Units | Share |\n|:--|:-:|--:|\n| Cells | 120 | 40% |\n";
const video = '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Launch video"></iframe>';

function release(title: string, body: string, extra: string[] = []): string {
  const file = releaseFile(
    { title, releaseTime: "2025-03-12T10:00:00+08:00", company: "Acme Power", tags: ["storage"] },
    body,
  );
  return extra.length === 0 ? file : file.replace("\n---\n", `\n${extra.join("\n")}\n---\n`);
}

let served: ServedSite;
const violations: string[] = [];

beforeAll(async () => {
  served = await serveFixtureSite(
    {
      "src/releases/en/cell-line.png": photo,
      "src/releases/en/cell-line.md": release(
        "Acme opens a cell line",
        `Each battery cell is scanned twice.\n\n${table}\n${video}\n`,
        ["attachments:", "  - cell-line.png"],
      ),
      "src/releases/zh/cell-line.md": release(
        "艾克姆新产线投产",
        `每一颗锂电池出厂前都要经过两次扫描检测。\n\n${table}`,
        ["attachments:", "  - ../en/cell-line.png"],
      ),
      "src/releases/en/rice-trial.md": release(
        "Green Fields reports a rice trial",
        "Drought-tolerant rice held up.",
      ),
    },
    { env: { PATH_PREFIX: PREFIX }, mount: PREFIX },
  );
  await recordViolations(served.browser.context);
});

/** Records violations from the first script on, before any of the page's own. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
}

afterAll(async () => {
  await served?.close();
});

/** Console lines Chromium writes when a policy refuses something. */
function watchConsole(page: Page): void {
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
}

async function open(page: Page, urlPath: string): Promise<string[]> {
  const response = await page.goto(`${served.server.origin}${urlPath}`);
  // Served with the policy: without it there would be nothing to violate.
  expect(response?.headers()["content-security-policy"], urlPath).toContain("default-src 'self'");
  // Violation events are dispatched as a task; one more frame lets them arrive.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Every HTML file of the built site as the address a visitor opens. */
function pageAddresses(siteDir: string, dir = siteDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageAddresses(siteDir, full);
    if (!entry.name.endsWith(".html")) return [];
    const relative = path.relative(siteDir, full).split(path.sep).join("/");
    return [`${PREFIX}${relative.replace(/(^|\/)index\.html$/, "$1")}`];
  });
}

describe("the site's Content-Security-Policy", () => {
  it("lets every page load without a violation", async () => {
    const addresses = pageAddresses(path.join(served.site.dir, "_site"));
    expect(addresses).toEqual(
      expect.arrayContaining([
        PREFIX,
        `${PREFIX}404.html`,
        `${PREFIX}en/offline/`,
        `${PREFIX}zh/offline/`,
        `${PREFIX}en/search/`,
        `${PREFIX}en/releases/cell-line/`,
      ]),
    );
    const page = await served.browser.context.newPage();
    watchConsole(page);
    for (const address of addresses) expect(await open(page, address), address).toEqual([]);
    // The release page really holds what the policy has to allow.
    await page.goto(`${served.server.origin}${PREFIX}en/releases/cell-line/`);
    expect(await page.locator('td[style="text-align:right"]').count()).toBeGreaterThan(0);
    expect(await page.locator("iframe[src^='https://www.youtube-nocookie.com/']").count()).toBe(1);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    expect(await page.locator("img").count()).toBeGreaterThan(0);
    await page.close();
    expect(violations).toEqual([]);
  });

  it("lets search run its worker and WebAssembly in both languages", async () => {
    const page = await served.browser.context.newPage();
    watchConsole(page);
    await page.goto(`${served.server.origin}${PREFIX}en/search/?q=scanned`);
    expect(await searchSettled(page)).toEqual([`${PREFIX}en/releases/cell-line/`]);
    await page.goto(`${served.server.origin}${PREFIX}zh/search/?q=${encodeURIComponent("扫描")}`);
    expect(await searchSettled(page)).toEqual([`${PREFIX}zh/releases/cell-line/`]);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await page.close();
    expect(violations).toEqual([]);
  });

  it("lets the service worker register, precache and answer offline", async () => {
    // A browser of its own, whose service worker has cached no page yet.
    const visitor = await openBrowser();
    try {
      await recordViolations(visitor.context);
      const page = await visitor.context.newPage();
      watchConsole(page);
      await page.goto(`${served.server.origin}${PREFIX}en/`);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${served.server.origin}${PREFIX}`);
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const offlinePage = await visitor.context.newPage();
      await offlinePage.goto(`${served.server.origin}${PREFIX}en/offline/`);
      const offlineHeading = await offlinePage.locator("h1").textContent();
      await visitor.context.setOffline(true);
      // Never visited: the service worker answers with the offline page.
      await page.goto(`${served.server.origin}${PREFIX}en/releases/rice-trial/`);
      expect(await page.locator("h1").textContent()).toBe(offlineHeading);
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
    } finally {
      await visitor.close();
    }
    expect(violations).toEqual([]);
  });

  it("is enforced: an inline script is refused and reported", async () => {
    const page = await served.browser.context.newPage();
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    await page.goto(`${served.server.origin}${PREFIX}en/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true;";
      document.body.append(script);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual(["script-src-elem blocked inline"]);
    expect(messages.some((m) => /Content Security Policy/.test(m))).toBe(true);
    await page.close();
  });
});

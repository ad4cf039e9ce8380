// axe-core in headless Chromium on the pages readers use most, in each
// language and in both color schemes (the stylesheet follows
// prefers-color-scheme): the home page, a release (corrected, with a media
// kit), the search page with results, an archive list, a static page, the
// media contacts page and a company page with its press kit.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, searchSettled, serveFixtureSite } from "../support/served-site.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let served: ServedSite;

beforeAll(async () => {
  served = await serveFixtureSite({
    "src/releases/en/storage.md": releaseFile(
      {
        title: "Storage plant opens",
        releaseTime: "2025-05-01",
        company: "acme",
        location: "Wuxi",
        tags: ["storage"],
        updated: "2025-05-02T09:00:00+08:00",
        correction: "An earlier version gave the wrong *capacity*.",
      },
      "## Highlights\n\n- Batteries for factories\n- Made in Wuxi\n",
    ).replace("tags:", "attachments: [factsheet.pdf]\ntags:"),
    "src/releases/en/factsheet.pdf": "%PDF-1.4\n%%EOF\n",
    "src/releases/zh/storage.md": releaseFile(
      {
        title: "储能工厂投产",
        releaseTime: "2025-05-01",
        company: "acme",
        location: "无锡",
        tags: ["storage"],
      },
      "## 亮点\n\n- 面向工厂的储能电池\n",
    ),
    "src/pages/en/about.md": "---\ntitle: About us\nnav: 1\n---\n## Who we are\n\nA newsroom.\n",
    "src/pages/zh/about.md": "---\ntitle: 关于我们\nnav: 1\n---\n## 我们是谁\n\n新闻中心。\n",
    "_data/companies/acme.json": JSON.stringify({
      name: { en: "Acme Power", zh: "艾克姆电力" },
      about: { en: "Acme Power builds storage plants." },
      contacts: {
        en: [
          { name: "Kim Lee", role: "Press officer", email: "press@acme.example", phone: "+86 510 0000 0000" },
        ],
      },
      pressKit: [
        {
          file: "photo.jpg",
          title: { en: "Plant", zh: "工厂" },
          caption: { en: "The Wuxi plant.", zh: "无锡工厂。" },
        },
        { file: "facts.pdf", title: { en: "Fact sheet", zh: "公司概况" } },
      ],
    }),
    "_data/companies/acme/photo.jpg": await sharp({
      create: { width: 800, height: 500, channels: 3, background: "#468" },
    })
      .jpeg()
      .toBuffer(),
    "_data/companies/acme/facts.pdf": "%PDF-1.4",
  });
});

afterAll(async () => {
  await served?.close();
});

const PAGES = [
  "/",
  "/en/",
  "/zh/",
  "/en/releases/storage/",
  "/zh/releases/storage/",
  "/en/search/?q=batteries",
  `/zh/search/?q=${encodeURIComponent("储能")}`,
  "/en/archive/2025/",
  "/zh/archive/2025/",
  "/en/archive/",
  "/zh/404.html",
  "/en/about/",
  "/zh/about/",
  "/en/contacts/",
  "/zh/contacts/",
  "/en/companies/acme/",
  "/zh/companies/acme/",
];

/** Relative luminance of a computed rgb() color, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe.each(["light", "dark"] as const)("accessibility in the %s color scheme", (colorScheme) => {
  it("shows the page in that scheme", async () => {
    const page = await served.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`${served.server.origin}/en/releases/storage/`);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    if (colorScheme === "dark") expect(luminance(background)).toBeLessThan(0.1);
    else expect(luminance(background)).toBeGreaterThan(0.9);
    await page.close();
  });

  it.each(PAGES)("%s has no axe-core violations", async (url) => {
    const page = await served.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`${served.server.origin}${url}`);
    if (url.includes("/search/")) expect(await searchSettled(page)).not.toEqual([]);
    // Run through the DevTools protocol: the site's Content-Security-Policy,
    // which the test server sends as a host would, refuses an added <script>.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

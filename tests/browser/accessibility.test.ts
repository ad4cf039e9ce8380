// axe-core in headless Chromium on the pages readers use most, in each
// language: the home page, a release, the search page with results, an
// archive list, a static page, the media contacts page and a company page
// with its press kit.
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
      },
      "## Highlights\n\n- Batteries for factories\n- Made in Wuxi\n",
    ),
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

describe("accessibility", () => {
  it.each([
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
  ])("%s has no axe-core violations", async (url) => {
    const page = await served.browser.context.newPage();
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

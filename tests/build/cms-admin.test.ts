// The editor at /admin/ in a built site under a path prefix: its page is
// noindex and works from its own folder (relative URLs), Decap is copied in
// from npm, one configuration per language is written, and the editor is
// left out of the sitemap, the feeds, the search index and the service
// worker's precache.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";

let site: FixtureSite;

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/plant.md": releaseFile({ title: "Plant opens", releaseTime: "2025-05-01" }),
    "src/releases/zh/plant.md": releaseFile({ title: "工厂投产", releaseTime: "2025-05-01" }),
  });
  await mustBuild(site, { env: { PATH_PREFIX: "/newsroom/" } });
});

afterAll(() => site?.dispose());

describe("the editor in a built site", () => {
  it("is a noindex page that loads Decap and its script from its own folder", () => {
    const html = site.read("_site/admin/index.html");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow">/);
    expect(html).toContain('<script src="admin.js"></script>');
    expect(html).toContain('<script src="decap-cms.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(site.exists("_site/admin/decap-cms.js")).toBe(true);
    expect(site.exists("_site/admin/admin.js")).toBe(true);
    const registry = JSON.parse(site.read("locales/registry.json")) as { locales: { code: string }[] };
    for (const { code } of registry.locales) {
      const config = JSON.parse(site.read(`_site/admin/config.${code}.json`)) as { site_url: string };
      expect(config.site_url).toMatch(/\/newsroom\/$/);
    }
  });

  it("is not in the sitemap, the feeds, the search index or the precache", () => {
    expect(site.read("_site/sitemap.xml")).not.toContain("/admin");
    const feeds = readdirSync(path.join(site.dir, "_site", "en"))
      .filter((n) => /^feed\./.test(n))
      .map((n) => site.read(`_site/en/${n}`));
    for (const feed of feeds) expect(feed).not.toContain("/admin");
    expect(site.read("_site/sw.js")).not.toMatch(/admin\/(index\.html|decap-cms|admin\.js|config)/);
    const entry = site.read("_site/pagefind/pagefind-entry.json");
    expect(JSON.parse(entry)).toBeTruthy();
    // Pagefind indexes release documents only (lib/search/documents.ts): the editor's page is never one.
    const indexed = readdirSync(path.join(site.dir, "_site", "pagefind", "fragment")).length;
    expect(indexed).toBe(2);
  });
});

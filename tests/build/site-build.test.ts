// Builds a small en/zh fixture site with the real config and build command,
// on build machines in two different time zones, and checks the pages a
// reader and a search engine get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { bundleText } from "../support/bundles.ts";
import {
  type BuildResult,
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  releaseFile,
} from "../support/fixture-site.ts";
import { hreflangLinks, page } from "../support/html.ts";

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    "src/releases/en/cell-line-opens.md": releaseFile(
      {
        title: "Cell line opens",
        releaseTime: "2023-01-14",
        company: "Acme Cells",
        location: "Shenzhen",
        summary: "A new line.",
        tags: ["cell-chemistry", "Plant tour"],
      },
      "Opening text.\n\n## Line highlights\n\n- fast\n- clean\n",
    ),
    "src/releases/zh/cell-line-opens.md": releaseFile(
      {
        title: "电芯产线投产",
        releaseTime: "2023-01-14",
        company: "Acme Cells",
        location: "深圳",
        tags: ["batteries"],
      },
      "正文。\n\n## 产线亮点\n",
    ),
    "src/releases/en/annual-results.md": releaseFile({
      title: "Annual results",
      releaseTime: "2024-04-25T10:00:00+08:00",
    }),
    "src/releases/zh/nian-du-ye-ji.md": releaseFile({
      title: "年度业绩",
      releaseTime: "2024-04-25T10:00:00+08:00",
      translationKey: "annual-results",
    }),
    "src/releases/en/english-only.md": releaseFile({ title: "Only in English", releaseTime: "2024-06-01" }),
  };
  // Enough English releases for a second listing page (20 a page).
  for (let i = 1; i <= 20; i++) {
    const day = String(i).padStart(2, "0");
    files[`src/releases/en/filler-${day}.md`] = releaseFile({
      title: `Filler ${day}`,
      releaseTime: `2022-03-${day}`,
    });
  }
  return files;
}

let la: FixtureSite;
let tokyo: FixtureSite;
let laBuild: BuildResult;

beforeAll(async () => {
  la = createFixtureSite(fixtureFiles());
  tokyo = createFixtureSite(fixtureFiles());
  [laBuild] = await Promise.all([
    mustBuild(la, { env: { TZ: "America/Los_Angeles" } }),
    mustBuild(tokyo, { env: { TZ: "Asia/Tokyo" } }),
  ]);
});

afterAll(() => {
  la?.dispose();
  tokyo?.dispose();
});

describe("a built en/zh site", () => {
  it("is the same byte for byte whatever the build machine's time zone", () => {
    // Pagefind 1.5 writes its filter chunks in a varying order (so sw.js and
    // _headers, which list hashed names, vary too; see
    // https://github.com/Pagefind/pagefind/issues/638); that is not about
    // time zones and is covered in safe-publishing.test.ts.
    const files = (site: FixtureSite) =>
      listFiles(`${site.dir}/_site`)
        .map((f) => f.slice(site.dir.length))
        .filter((f) => !f.startsWith("/_site/pagefind/") && f !== "/_site/sw.js" && f !== "/_site/_headers")
        .sort();
    expect(files(la)).toEqual(files(tokyo));
    for (const file of files(la)) expect(la.read(file), file).toBe(tokyo.read(file));
  });

  it("puts releases at the contract URLs with the registry's lang", () => {
    expect(page(la, "/en/releases/cell-line-opens/")("html").attr("lang")).toBe("en");
    expect(page(la, "/zh/releases/cell-line-opens/")("html").attr("lang")).toBe("zh-CN");
    expect(page(la, "/zh/releases/nian-du-ye-ji/")("h1").text()).toBe("年度业绩");
  });

  it("shows the localized Release time label and the date the writer meant", () => {
    const en = page(la, "/en/releases/cell-line-opens/");
    const zh = page(la, "/zh/releases/cell-line-opens/");
    expect(en(".release-meta dt").first().text()).toBe(bundleText(la.dir, "en", "release.time"));
    expect(zh(".release-meta dt").first().text()).toBe(bundleText(la.dir, "zh", "release.time"));
    expect(en(".release-meta time").attr("datetime")).toBe("2023-01-14");
    expect(en(".release-meta time").text()).toBe("January 14, 2023");
    expect(zh(".release-meta time").text()).toBe("2023年1月14日");
  });

  it("shows hour, minute and zone when the release time has them", () => {
    const en = page(la, "/en/releases/annual-results/");
    expect(en(".release-meta time").attr("datetime")).toBe("2024-04-25T10:00:00+08:00");
    // How date, time and zone are joined is the bundle's (tests/build/journalists.test.ts).
    const shown = en(".release-meta time").text();
    expect(shown).toContain("April 25, 2024");
    expect(shown).toMatch(/10:00\s?AM/);
    expect(shown).toContain("+8");
  });

  it("shows company, location and tags, and renders the body with heading ids", () => {
    const en = page(la, "/en/releases/cell-line-opens/");
    const meta = en(".release-meta").text();
    expect(meta).toContain("Acme Cells");
    expect(meta).toContain("Shenzhen");
    expect(
      en(".release-meta .tags li")
        .map((_, el) => en(el).text())
        .get(),
    ).toEqual(["cell-chemistry", "Plant tour"]);
    expect(en(".release-body h2").attr("id")).toBe("line-highlights");
    expect(page(la, "/zh/releases/cell-line-opens/")(".release-body h2").attr("id")).toBe("产线亮点");
  });

  it("links each release to its other-language version, by slug or translationKey", () => {
    const switcher = (url: string) => page(la, url)(".language-switcher a").first();
    expect(switcher("/en/releases/cell-line-opens/").attr("href")).toBe("/zh/releases/cell-line-opens/");
    expect(switcher("/zh/releases/cell-line-opens/").attr("href")).toBe("/en/releases/cell-line-opens/");
    expect(switcher("/en/releases/annual-results/").attr("href")).toBe("/zh/releases/nian-du-ye-ji/");
    expect(switcher("/zh/releases/nian-du-ye-ji/").attr("href")).toBe("/en/releases/annual-results/");
  });

  it("marks a missing translation and links to that language's home instead", () => {
    const link = page(la, "/en/releases/english-only/")(".language-switcher a").first();
    expect(link.attr("href")).toBe("/zh/");
    expect(link.attr("lang")).toBe("zh-CN");
    expect(link.find(".note").text()).toBe(bundleText(la.dir, "zh", "switcher.notAvailable"));
  });

  it("declares hreflang alternates for existing versions and x-default", () => {
    const alternates = (url: string) => hreflangLinks(la, url, 'link[rel="alternate"][hreflang]');
    expect(alternates("/zh/releases/nian-du-ye-ji/")).toEqual([
      "en https://newsroom.example.com/en/releases/annual-results/",
      "zh-CN https://newsroom.example.com/zh/releases/nian-du-ye-ji/",
      "x-default https://newsroom.example.com/en/releases/annual-results/",
    ]);
    expect(alternates("/en/releases/english-only/")).toEqual([
      "en https://newsroom.example.com/en/releases/english-only/",
      "x-default https://newsroom.example.com/en/releases/english-only/",
    ]);
  });

  it("links the newer and older release in the same locale", () => {
    const en = page(la, "/en/releases/annual-results/");
    expect(en(".neighbours a.newer").attr("href")).toBe("/en/releases/english-only/");
    expect(en(".neighbours a.older").attr("href")).toBe("/en/releases/cell-line-opens/");
    const zh = page(la, "/zh/releases/nian-du-ye-ji/");
    expect(zh(".neighbours a.newer").length).toBe(0);
    expect(zh(".neighbours a.older").attr("href")).toBe("/zh/releases/cell-line-opens/");
  });

  it("lists releases newest first, 20 a page, with a localized count", () => {
    const first = page(la, "/en/");
    const links = first(".release-card h2 a")
      .map((_, el) => el.attribs.href)
      .get();
    expect(links).toHaveLength(20);
    expect(links.slice(0, 3)).toEqual([
      "/en/releases/english-only/",
      "/en/releases/annual-results/",
      "/en/releases/cell-line-opens/",
    ]);
    expect(first(".count").text()).toBe("23 releases");
    expect(first('.pager a[rel="next"]').attr("href")).toBe("/en/page/2/");

    const second = page(la, "/en/page/2/");
    expect(
      second(".release-card h2 a")
        .map((_, el) => el.attribs.href)
        .get(),
    ).toEqual(["/en/releases/filler-03/", "/en/releases/filler-02/", "/en/releases/filler-01/"]);
    expect(second('.pager a[rel="prev"]').attr("href")).toBe("/en/");
    expect(la.exists("_site/en/page/3/index.html")).toBe(false);

    const zh = page(la, "/zh/");
    expect(zh(".count").text()).toBe(bundleText(la.dir, "zh", "home.count", { count: 2 }));
    // Date, then time, then zone; the joining is the bundle's (tests/build/journalists.test.ts).
    expect(zh(".release-card time").first().text()).toMatch(/^2024年4月25日\D*10:00\D*\+8\D*$/);
  });

  it("offers every language at / as plain links", () => {
    const root = page(la, "/");
    expect(hreflangLinks(la, "/", ".choices a")).toEqual(["en /en/", "zh-CN /zh/"]);
    expect(root('.choices li[lang="zh-CN"]').text()).toContain("简体中文");
  });

  it("loads no script on pages other than search but the optional offline registration", () => {
    for (const url of [
      "/",
      "/en/",
      "/zh/",
      "/en/releases/cell-line-opens/",
      "/zh/releases/cell-line-opens/",
    ]) {
      const scripts = page(
        la,
        url,
      )("script")
        .map((_, el) => el.attribs.src)
        .get();
      expect(scripts, url).toEqual(["/assets/register-sw.js"]);
    }
    expect(page(la, "/zh/search/")('script[src="/assets/search.js"]').length).toBe(1);
  });

  it("prints a summary with pages per locale and time per phase", () => {
    const result = laBuild;
    expect(result.code).toBe(0);
    const htmlIn = (dir: string) =>
      listFiles(`${la.dir}/_site/${dir}`).filter((f) => f.endsWith(".html")).length;
    // Pages outside the locale folders: the chooser, the 404 page and the editor at /admin/.
    const shared = listFiles(`${la.dir}/_site`).filter((f) =>
      /\/_site\/([^/]+|admin\/[^/]+)\.html$/.test(f),
    ).length;
    expect(result.stdout).toContain(`pages:      en ${htmlIn("en")}, zh ${htmlIn("zh")}, shared ${shared}`);
    expect(result.stdout).toMatch(
      /search:\s+25 pages indexed in (en, zh-cn|zh-cn, en), in \d+ parts?; \d+ files/,
    );
    expect(result.stdout).toMatch(/releases:\s+25 published; held back: 0 scheduled, 0 draft/);
    for (const phase of ["content", "eleventy", "checks", "search", "offline", "publish"]) {
      expect(result.stdout).toMatch(new RegExp(`phases:.*\\b${phase} \\d`));
    }
  });
});

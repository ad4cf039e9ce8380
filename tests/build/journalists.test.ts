// What journalists, crawlers and feed readers get from a built en/zh site:
// a corrected release's update time in every place that carries it, the
// description of a release without a summary, descriptions of every page,
// Open Graph locales, and Chinese date-times and contact lines put together
// from the bundles. Expected text is read from the bundles, never pinned.
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { formatReleaseTime, parseReleaseTime } from "../../lib/content/dates.ts";
import { type Locale, loadRegistry } from "../../lib/i18n/locales.ts";
import { createTranslator, loadBundles, type Translator } from "../../lib/i18n/translator.ts";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const ORIGIN = "https://newsroom.example.com";
const ZONE = "Asia/Shanghai";

const LONG_EN =
  "Acme Cells today opened a second production line at its plant in Wuxi, doubling the output of cylindrical cells for home storage systems and bringing the plant's workforce to more than 800 people, most of them hired locally.";
const LONG_ZH =
  "艾克姆电芯今日在无锡工厂启用第二条生产线，用于户用储能系统的圆柱电芯产能因此翻倍，工厂员工总数超过800人，其中大部分为本地招聘。新产线采用自动化检测设备，每颗电芯出厂前都经过三道质量检验，良品率达到行业领先水平。";

const files: Record<string, string> = {
  "_data/companies/acme.json": JSON.stringify({
    name: { en: "Acme Cells", zh: "艾克姆电芯" },
    contacts: {
      en: [
        { name: "Ann Lee", role: "Press officer", email: "press@acme.example", phone: "+86 510 0000 0000" },
      ],
      zh: [{ name: "李安", role: "新闻官", email: "press@acme.example", phone: "+86 510 0000 0000" }],
    },
  }),
  // Released first, corrected last: the newest change on the site.
  "src/releases/en/line-two.md": releaseFile(
    {
      title: "Second line opens",
      releaseTime: "2025-03-01T10:00:00+08:00",
      updated: "2025-05-20T16:30:00+08:00",
      correction: "An earlier version gave the wrong *head count*.",
      company: "acme",
      tags: ["cells"],
    },
    `![The line](line.png)\n\n${LONG_EN.replace("cylindrical cells", "**cylindrical cells**")}\n\nSecond paragraph.`,
  ),
  "src/releases/zh/line-two.md": releaseFile(
    {
      title: "第二条产线投产",
      releaseTime: "2025-03-01T10:00:00+08:00",
      updated: "2025-03-02",
      correction: "此前版本的员工人数有误，现已更正。",
      company: "acme",
      tags: ["cells"],
    },
    `${LONG_ZH.replace("圆柱电芯", "[圆柱电芯](https://acme.example/cells)")}\n\n第二段。`,
  ),
  // Released after line-two, never corrected.
  "src/releases/en/results.md": releaseFile(
    { title: "Annual results", releaseTime: "2025-04-10", summary: "Revenue grew.", company: "acme" },
    "Short body.",
  ),
  "src/releases/en/short.md": releaseFile({ title: "Short one", releaseTime: "2024-12-01" }, "Only this."),
};

let site: FixtureSite;
let t: Translator;
let en: Locale;
let zh: Locale;

beforeAll(async () => {
  site = createFixtureSite(files);
  await mustBuild(site, { env: { SITE_URL: ORIGIN } });
  const registry = loadRegistry(site.dir);
  t = createTranslator(registry, loadBundles(site.dir, registry));
  en = registry.get("en") as Locale;
  zh = registry.get("zh") as Locale;
});

afterAll(() => site?.dispose());

/** A time as the site shows it in a locale, put together by that locale's bundle. */
function shown(value: string, locale: Locale): string {
  const time = parseReleaseTime(value, ZONE);
  if (!time) throw new Error(value);
  return formatReleaseTime(time, locale.luxonLocale, {
    dateTime: (parts) => t.t(locale.code, "time.dateTime", parts),
    zone: (offset) => t.t(locale.code, "time.zone", { offset }),
  });
}

const xml = (url: string) => cheerio.load(site.read(`_site${url}`), { xml: true });
const jsonLd = (url: string) => JSON.parse(page(site, url)('script[type="application/ld+json"]').text());
const meta = (url: string, selector: string) => page(site, url)(`meta[${selector}]`).attr("content");

describe("a corrected release", () => {
  const url = "/en/releases/line-two/";
  const absolute = `${ORIGIN}${url}`;

  it("shows the update beside the release time, and the correction note", () => {
    const $ = page(site, url);
    const updated = $(".release-meta time.updated");
    expect(updated.attr("datetime")).toBe("2025-05-20T16:30:00+08:00");
    expect(updated.text()).toBe(
      t.t("en", "release.updated", { time: shown("2025-05-20T16:30:00+08:00", en) }),
    );
    expect($(".correction .label").text()).toBe(t.t("en", "release.correction"));
    expect($(".correction em").text()).toBe("head count");
    expect(page(site, "/zh/releases/line-two/")(".release-meta time.updated").text()).toBe(
      t.t("zh", "release.updated", { time: shown("2025-03-02", zh) }),
    );
  });

  it("carries the update time in JSON-LD and Open Graph", () => {
    expect(jsonLd(url)).toMatchObject({
      datePublished: "2025-03-01T10:00:00+08:00",
      dateModified: "2025-05-20T16:30:00+08:00",
    });
    expect(meta(url, 'property="article:published_time"')).toBe("2025-03-01T10:00:00+08:00");
    expect(meta(url, 'property="article:modified_time"')).toBe("2025-05-20T16:30:00+08:00");
    // A date-only update is that day, at its start, in the site's zone.
    expect(jsonLd("/zh/releases/line-two/").dateModified).toBe("2025-03-02T00:00:00+08:00");
  });

  it("carries it in the Atom and JSON feeds, which stay in release-time order", () => {
    const atom = xml("/en/feed.xml");
    const entries = atom("entry")
      .toArray()
      .map((e) => ({
        id: atom(e).find("id").text(),
        published: atom(e).find("published").text(),
        updated: atom(e).find("updated").text(),
      }));
    expect(entries.map((e) => e.id)).toEqual([
      `${ORIGIN}/en/releases/results/`,
      absolute,
      `${ORIGIN}/en/releases/short/`,
    ]);
    expect(entries[1]).toMatchObject({
      published: "2025-03-01T10:00:00+08:00",
      updated: "2025-05-20T16:30:00+08:00",
    });
    expect(entries[0]?.updated).toBe(entries[0]?.published);
    // The feed changed when its newest change was made: the correction.
    expect(atom("feed > updated").text()).toBe("2025-05-20T16:30:00+08:00");

    const json = JSON.parse(site.read("_site/en/feed.json")) as { items: Record<string, string>[] };
    expect(json.items.map((i) => i.id)).toEqual(entries.map((e) => e.id));
    expect(json.items[1]).toMatchObject({
      date_published: "2025-03-01T10:00:00+08:00",
      date_modified: "2025-05-20T16:30:00+08:00",
    });
    expect(json.items[0]).not.toHaveProperty("date_modified");
  });

  it("gives the sitemap a lastmod per page: a release's update, a list's newest change", () => {
    const sitemap = xml("/sitemap.xml");
    const lastmod = (loc: string) =>
      sitemap("url")
        .toArray()
        .find((u) => sitemap(u).find("loc").text() === loc);
    const of = (loc: string) => {
      const entry = lastmod(loc);
      if (!entry) throw new Error(`no sitemap entry ${loc}`);
      return sitemap(entry).find("lastmod").text();
    };
    expect(of(absolute)).toBe("2025-05-20T16:30:00+08:00");
    expect(of(`${ORIGIN}/en/releases/results/`)).toBe("2025-04-10T00:00:00+08:00");
    expect(of(`${ORIGIN}/en/`)).toBe("2025-05-20T16:30:00+08:00");
    expect(of(`${ORIGIN}/en/archive/`)).toBe("2025-05-20T16:30:00+08:00");
    expect(of(`${ORIGIN}/en/archive/2024/`)).toBe("2024-12-01T00:00:00+08:00");
    expect(of(`${ORIGIN}/zh/`)).toBe("2025-03-02T00:00:00+08:00");
    expect(of(`${ORIGIN}/`)).toBe("2025-05-20T16:30:00+08:00");
  });

  it("leaves an uncorrected release without modification times", () => {
    const $ = page(site, "/en/releases/results/");
    expect($(".release-meta time.updated")).toHaveLength(0);
    expect($(".correction")).toHaveLength(0);
    expect($('meta[property="article:modified_time"]')).toHaveLength(0);
    expect(jsonLd("/en/releases/results/")).not.toHaveProperty("dateModified");
  });
});

describe("descriptions", () => {
  const descriptionsOf = (url: string) => {
    const $ = page(site, url);
    return [
      $('meta[name="description"]').attr("content"),
      $('meta[property="og:description"]').attr("content"),
      $('meta[name="twitter:description"]').attr("content"),
      JSON.parse($('script[type="application/ld+json"]').text()).description,
    ];
  };

  /** The start the description kept, and checks that it ends with the bundle's ellipsis. */
  const startOf = (description: string, code: string) => {
    const [before, after] = t.t(code, "description.cut", { start: "\u0000" }).split("\u0000");
    expect(description.startsWith(before ?? "")).toBe(true);
    expect(description.endsWith(after ?? "")).toBe(true);
    return description.slice((before ?? "").length, description.length - (after ?? "").length);
  };

  it("describes a release without summary by its first paragraph, cut between words", () => {
    const [description, ...others] = descriptionsOf("/en/releases/line-two/");
    expect(others).toEqual([description, description, description]);
    const start = startOf(description as string, "en");
    // Plain text of the first paragraph with text (the image paragraph is passed over).
    expect(LONG_EN.startsWith(start)).toBe(true);
    expect(start.length).toBeGreaterThan(80);
    expect(start.length).toBeLessThan(LONG_EN.length);
    expect(LONG_EN.charAt(start.length)).toMatch(/[\s,.]/);
  });

  it("cuts a Chinese first paragraph between characters, links as plain text", () => {
    const [description, ...others] = descriptionsOf("/zh/releases/line-two/");
    expect(others).toEqual([description, description, description]);
    const start = startOf(description as string, "zh");
    expect(LONG_ZH.startsWith(start)).toBe(true);
    expect(start).toContain("圆柱电芯");
    expect(start.length).toBeGreaterThan(40);
    expect(start.length).toBeLessThan(LONG_ZH.length);
  });

  it("keeps the summary, and a short first paragraph whole", () => {
    expect(descriptionsOf("/en/releases/results/")[0]).toBe("Revenue grew.");
    expect(descriptionsOf("/en/releases/short/")[0]).toBe("Only this.");
  });

  it("gives lists, the archive and search a description from the bundles", () => {
    const description = (url: string) => meta(url, 'name="description"');
    for (const locale of [en, zh]) {
      const siteName = t.t(locale.code, "site.name");
      const base = `/${locale.urlSegment}/`;
      expect(description(base)).toBe(t.t(locale.code, "description.home", { site: siteName }));
      expect(description(`${base}archive/`)).toBe(
        t.t(locale.code, "description.archive", { site: siteName }),
      );
      expect(description(`${base}search/`)).toBe(t.t(locale.code, "description.search", { site: siteName }));
      expect(description(`${base}archive/2025/`)).toBe(
        t.t(locale.code, "description.year", { year: "2025" }),
      );
      expect(description(`${base}companies/acme/`)).toBe(
        t.t(locale.code, "description.company", {
          company: locale.code === "en" ? "Acme Cells" : "艾克姆电芯",
        }),
      );
    }
  });

  it("gives every page exactly one non-empty description", () => {
    const pages = listFiles(`${site.dir}/_site`)
      .filter((f) => f.endsWith(".html"))
      .map((f) => f.slice(`${site.dir}/_site`.length))
      // The editor at /admin/ is Decap's page, not the newsroom's, and carries noindex.
      .filter((url) => !url.startsWith("/admin/"));
    expect(pages.length).toBeGreaterThan(10);
    const without = pages.filter((url) => {
      const found = page(site, url)('meta[name="description"]');
      return found.length !== 1 || !found.attr("content")?.trim();
    });
    expect(without).toEqual([]);
  });
});

describe("Open Graph locale", () => {
  it("is the registry's language_TERRITORY, with the other versions as alternates", () => {
    expect(en.ogLocale).toMatch(/^[a-z]{2,3}_[A-Z]{2}$/);
    expect(meta("/en/releases/line-two/", 'property="og:locale"')).toBe(en.ogLocale);
    expect(meta("/en/releases/line-two/", 'property="og:locale:alternate"')).toBe(zh.ogLocale);
    expect(meta("/zh/releases/line-two/", 'property="og:locale"')).toBe(zh.ogLocale);
  });
});

describe("Chinese typography", () => {
  it("writes a date-time with the bundle's pattern: date, then time, then zone", () => {
    const text = page(site, "/zh/releases/line-two/")(".release-meta time").first().text();
    expect(text).toBe(shown("2025-03-01T10:00:00+08:00", zh));
    // The parts appear in the order the bundle's pattern puts them.
    const pattern = t.t("zh", "time.dateTime", { date: "\u0001", time: "\u0002", zone: "\u0003" });
    const rank = (s: string, marks: string[]) => {
      const at = marks.map((m) => s.indexOf(m));
      expect(at.every((i) => i >= 0)).toBe(true);
      return at.map((i) => at.filter((j) => j < i).length);
    };
    const parts = ["2025年3月1日", "10:00", t.t("zh", "time.zone", { offset: "+8" })];
    expect(rank(text, parts)).toEqual(rank(pattern, ["\u0001", "\u0002", "\u0003"]));
  });

  it("punctuates contacts with the bundle's patterns", () => {
    const item = page(site, "/zh/releases/line-two/")(".contacts li").text().replace(/\s+/g, "");
    expect(item).toContain(
      t.t("zh", "release.contactName", { name: "李安", role: "新闻官" }).replace(/\s+/g, ""),
    );
    expect(item).toContain(
      t
        .t("zh", "release.contactField", { label: t.t("zh", "release.email"), value: "press@acme.example" })
        .replace(/\s+/g, ""),
    );
    const enItem = page(site, "/en/releases/line-two/")(".contacts li").text();
    expect(enItem).toContain(t.t("en", "release.contactName", { name: "Ann Lee", role: "Press officer" }));
  });
});

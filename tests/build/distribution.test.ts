// What journalists, aggregators and search engines read: feeds, sitemap,
// structured data, archives, company boilerplate, 404 pages, and a site
// that works from a subdirectory.
import * as cheerio from "cheerio";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { bundleText } from "../support/bundles.ts";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const companies = {
  "_data/companies/acme.json": JSON.stringify({
    name: { en: "Acme Power", zh: "艾克姆电力" },
    about: { en: "Acme Power builds batteries.", zh: "艾克姆电力生产电池。" },
    contacts: {
      en: [{ name: "Ada Li", role: "Press officer", email: "press@acme.example", phone: "+86 10 0000 0000" }],
      zh: [{ name: "李雅", role: "新闻官", email: "press@acme.example" }],
    },
  }),
};

/** A real PNG, so the image pipeline has something to resize. */
const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2f6fa8" } })
  .png()
  .toBuffer();

function files(): Record<string, string | Uint8Array> {
  const result: Record<string, string | Uint8Array> = {
    ...companies,
    "src/releases/en/plant-photo.png": photo,
    "src/releases/en/plant-facts.pdf": "%PDF-1.4\n% fact sheet\n",
    "src/releases/en/media-day.md": [
      "---",
      'title: "Media day"',
      "releaseTime: 2022-01-01",
      "attachments:",
      "  - file: plant-facts.pdf",
      '    title: "Plant fact sheet"',
      "  - plant-photo.png",
      "---",
      "Photos and facts.",
      "",
    ].join("\n"),
    "src/releases/en/plant.md": releaseFile(
      {
        title: "Acme opens a plant",
        releaseTime: "2024-05-01T09:30:00+08:00",
        company: "acme",
        location: "Wuxi",
        tags: ["储能", "plants"],
        summary: "A plant opens.",
      },
      "See [the results](/en/releases/results/) and ![chart](chart.png).",
    ),
    "src/releases/zh/plant.md": releaseFile(
      {
        title: "艾克姆新工厂投产",
        releaseTime: "2024-05-01T09:30:00+08:00",
        company: "acme",
        location: "无锡",
        tags: ["储能"],
      },
      "正文。",
    ),
    "src/releases/en/results.md": releaseFile({
      title: "Acme results",
      releaseTime: "2025-03-01",
      company: "acme",
    }),
    "src/releases/en/partner.md": releaseFile({
      title: "Partner news",
      releaseTime: "2025-06-01",
      company: "Beta Corp",
      tags: ["plants"],
    }),
  };
  for (let i = 1; i <= 21; i++) {
    const day = String(i).padStart(2, "0");
    result[`src/releases/en/old-${day}.md`] = releaseFile({
      title: `Old ${day}`,
      releaseTime: `2023-01-${day}`,
    });
  }
  return result;
}

let site: FixtureSite;
let prefixed: FixtureSite;
let summaries: { plain: string; prefixed: string };

beforeAll(async () => {
  site = createFixtureSite(files());
  prefixed = createFixtureSite(files());
  const [plain, underPrefix] = await Promise.all([
    mustBuild(site),
    mustBuild(prefixed, { env: { PATH_PREFIX: "/newsroom/" } }),
  ]);
  summaries = { plain: plain.stdout, prefixed: underPrefix.stdout };
});

afterAll(() => {
  site?.dispose();
  prefixed?.dispose();
});

const xml = (s: FixtureSite, file: string) => cheerio.load(s.read(`_site${file}`), { xml: true });
const ORIGIN = "https://newsroom.example.com";

describe("feeds", () => {
  it("publish an Atom feed per language with the newest 20 releases and full content", () => {
    const $ = xml(site, "/en/feed.xml");
    expect($("feed").attr("xml:lang")).toBe("en");
    expect($("feed > id").text()).toBe(`${ORIGIN}/en/`);
    expect($('feed > link[rel="self"]').attr("href")).toBe(`${ORIGIN}/en/feed.xml`);
    expect($("feed > updated").text()).toBe("2025-06-01T00:00:00+08:00");
    const entries = $("entry");
    expect(entries).toHaveLength(20);
    expect(entries.first().find("title").text()).toBe("Partner news");
    const plant = entries.filter((_, e) => $(e).find("title").text() === "Acme opens a plant");
    expect(plant.find("id").text()).toBe(`${ORIGIN}/en/releases/plant/`);
    expect(plant.find("published").text()).toBe("2024-05-01T09:30:00+08:00");
    expect(plant.find("author name").text()).toBe("Acme Power");
    const content = plant.find("content").text();
    expect(content).toContain(`href="${ORIGIN}/en/releases/results/"`);
    expect(content).toContain(`src="${ORIGIN}/en/releases/plant/chart.png"`);
  });

  it("publish a JSON Feed per language with the fields the format requires", () => {
    const feed = JSON.parse(site.read("_site/zh/feed.json"));
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: bundleText(site.dir, "zh", "site.name"),
      home_page_url: `${ORIGIN}/zh/`,
      feed_url: `${ORIGIN}/zh/feed.json`,
      language: "zh-CN",
    });
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: `${ORIGIN}/zh/releases/plant/`,
        url: `${ORIGIN}/zh/releases/plant/`,
        title: "艾克姆新工厂投产",
        date_published: "2024-05-01T09:30:00+08:00",
        tags: ["储能"],
        authors: [{ name: "艾克姆电力" }],
        content_html: expect.stringContaining("正文"),
      }),
    ]);
  });

  it("are linked from every page", () => {
    const $ = page(site, "/zh/releases/plant/");
    expect($('link[type="application/atom+xml"]').attr("href")).toBe("/zh/feed.xml");
    expect($('link[type="application/feed+json"]').attr("href")).toBe("/zh/feed.json");
  });
});

describe("the sitemap", () => {
  const entries = () => {
    const $ = xml(site, "/sitemap.xml");
    return new Map(
      $("url")
        .map((_, u) => ({
          loc: $(u).find("loc").text(),
          alternates: $(u)
            .find("xhtml\\:link")
            .map((_, l) => [[l.attribs.hreflang ?? "", l.attribs.href ?? ""]])
            .get() as [string, string][],
        }))
        .get()
        .map((e) => [e.loc, e.alternates]),
    );
  };

  it("lists every indexable page with an absolute URL", () => {
    const locs = [...entries().keys()];
    expect(locs).toContain(`${ORIGIN}/`);
    expect(locs).toContain(`${ORIGIN}/en/releases/plant/`);
    expect(locs).toContain(`${ORIGIN}/zh/releases/plant/`);
    expect(locs).toContain(`${ORIGIN}/en/page/2/`);
    expect(locs).not.toContain(`${ORIGIN}/en/offline/`);
    expect(locs.every((l) => l.startsWith(`${ORIGIN}/`))).toBe(true);
  });

  it("has reciprocal hreflang alternates with x-default", () => {
    const all = entries();
    const plant = all.get(`${ORIGIN}/en/releases/plant/`);
    expect(plant).toEqual([
      ["en", `${ORIGIN}/en/releases/plant/`],
      ["zh-CN", `${ORIGIN}/zh/releases/plant/`],
      ["x-default", `${ORIGIN}/en/releases/plant/`],
    ]);
    for (const [loc, alternates] of all) {
      for (const [hreflang, href] of alternates) {
        if (hreflang === "x-default" || href === loc) continue;
        expect(
          all.get(href)?.map(([, h]) => h),
          `${href} links back to ${loc}`,
        ).toContain(loc);
      }
    }
  });

  it("is named in robots.txt", () => {
    expect(site.read("_site/robots.txt")).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

describe("a release page for search engines and social networks", () => {
  const jsonLd = (url: string) => JSON.parse(page(site, url)('script[type="application/ld+json"]').text());

  it("describes itself as a schema.org NewsArticle linked to its translation", () => {
    expect(jsonLd("/en/releases/plant/")).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Acme opens a plant",
      datePublished: "2024-05-01T09:30:00+08:00",
      inLanguage: "en",
      dateline: "Wuxi",
      publisher: { "@type": "Organization", name: "Acme Power" },
      workTranslation: [{ "@type": "NewsArticle", url: `${ORIGIN}/zh/releases/plant/`, inLanguage: "zh-CN" }],
    });
    expect(jsonLd("/zh/releases/plant/")).toMatchObject({
      inLanguage: "zh-CN",
      publisher: { name: "艾克姆电力" },
      translationOfWork: { url: `${ORIGIN}/en/releases/plant/` },
    });
  });

  it("has Open Graph, Twitter card and canonical tags", () => {
    const $ = page(site, "/zh/releases/plant/");
    const meta = (property: string) =>
      $(`meta[property="${property}"], meta[name="${property}"]`).attr("content");
    expect(meta("og:title")).toBe("艾克姆新工厂投产");
    expect(meta("og:locale")).toBe("zh_CN");
    expect(meta("og:locale:alternate")).toBe("en_US");
    expect(meta("article:published_time")).toBe("2024-05-01T09:30:00+08:00");
    // A release with no media-kit image still has a share card drawn for it.
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("og:image")).toMatch(new RegExp(`^${ORIGIN}/`));
    expect($('link[rel="canonical"]').attr("href")).toBe(`${ORIGIN}/zh/releases/plant/`);
  });

  it("ends with the company's localized boilerplate and media contacts", () => {
    const $ = page(site, "/zh/releases/plant/");
    expect($(".company-info h2").first().text()).toBe("关于艾克姆电力");
    expect($(".company-info").text()).toContain("艾克姆电力生产电池。");
    expect($(".contacts li").text()).toContain("李雅");
    expect($('.contacts a[href="mailto:press@acme.example"]')).toHaveLength(1);
    expect(page(site, "/en/releases/partner/")(".company-info")).toHaveLength(0);
    expect(page(site, "/en/releases/partner/")(".release-meta").text()).toContain("Beta Corp");
  });
});

describe("archives", () => {
  const listed = (s: FixtureSite, url: string) =>
    page(
      s,
      url,
    )(".release-card h2 a")
      .map((_, a) => a.attribs.href)
      .get();

  it("list exactly the releases of a year", () => {
    expect(listed(site, "/en/archive/2025/")).toEqual(["/en/releases/partner/", "/en/releases/results/"]);
    expect(page(site, "/en/archive/2025/")("h1").text()).toBe("Releases from 2025");
  });

  it("list exactly the releases of a company, keyed or plain, paginated", () => {
    expect(listed(site, "/en/companies/acme/")).toEqual(["/en/releases/results/", "/en/releases/plant/"]);
    expect(page(site, "/zh/companies/acme/")("h1").text()).toBe("艾克姆电力的新闻稿");
    expect(listed(site, "/en/companies/beta-corp/")).toEqual(["/en/releases/partner/"]);
    expect(listed(site, "/en/archive/2023/")).toHaveLength(20);
    expect(listed(site, "/en/archive/2023/page/2/")).toEqual(["/en/releases/old-01/"]);
  });

  it("give a Chinese tag a stable ASCII URL and pair it across languages", () => {
    const link = page(site, "/zh/releases/plant/")('.tags a:contains("储能")').attr("href") ?? "";
    expect(link).toMatch(/^\/zh\/tags\/x[0-9a-f]{8}\/$/);
    expect(listed(site, link)).toEqual(["/zh/releases/plant/"]);
    expect(listed(site, link.replace("/zh/", "/en/"))).toEqual(["/en/releases/plant/"]);
    expect(listed(site, "/en/tags/plants/")).toEqual(["/en/releases/partner/", "/en/releases/plant/"]);
  });

  it("have an overview page with counts, linked from the header", () => {
    const $ = page(site, "/en/archive/");
    expect($('a[href="/en/archive/2023/"]').parent().text()).toContain("21 releases");
    expect(page(site, "/en/")('.site-nav a[href="/en/archive/"]')).toHaveLength(1);
  });
});

describe("a release's media kit", () => {
  it("lists every attachment with its localized type and size, beside the release", () => {
    const $ = page(site, "/en/releases/media-day/");
    const items = $(".media-kit li");
    expect(items).toHaveLength(2);
    expect(items.first().find("a[download]").text()).toBe("Plant fact sheet");
    expect(items.first().find(".file-meta").text()).toMatch(
      /^PDF document · \d+ B|^PDF document · 0\.\d kB$/,
    );
    expect(items.last().find(".file-meta").text()).toMatch(/^Image · [\d.]+ kB$/);
    expect(site.exists("_site/en/releases/media-day/plant-facts.pdf")).toBe(true);
    expect(site.exists("_site/en/releases/media-day/plant-photo.png")).toBe(true);
  });

  it("shows images at responsive sizes with width and height", () => {
    const img = page(site, "/en/releases/media-day/")(".media-kit img");
    // Widths above the original are skipped; the attributes keep its 8:5 shape.
    expect(img.attr("width")).toBe("640");
    expect(img.attr("height")).toBe("400");
    const srcset =
      page(site, "/en/releases/media-day/")('.media-kit source[type="image/webp"]').attr("srcset") ?? "";
    expect(srcset).toMatch(/^\/media\/[\w-]+-320\.webp 320w, \/media\/[\w-]+-640\.webp 640w$/);
    for (const url of srcset.split(", ").map((s) => s.split(" ")[0])) {
      expect(site.exists(`_site${url}`), url).toBe(true);
    }
  });
});

describe("not-found pages", () => {
  it("offer every language at the root and speak one per locale", () => {
    const root = page(site, "/404.html");
    expect(
      root("h1")
        .map((_, h) => root(h).text())
        .get(),
    ).toEqual(["en", "zh"].map((code) => bundleText(site.dir, code, "notFound.title")));
    expect(page(site, "/zh/404.html")("h1").text()).toBe(bundleText(site.dir, "zh", "notFound.title"));
    expect(page(site, "/zh/404.html")('meta[name="robots"]').attr("content")).toBe("noindex");
  });
});

describe("a site built with PATH_PREFIX=/newsroom/", () => {
  const ROOT_RELATIVE = /(?:href|src|action|content)="(\/[^"]*)"/g;

  it("prints the line the host's root robots.txt needs, which the plain build does not", () => {
    // The line the build wrote into its own robots.txt, under the prefix where no crawler reads it.
    const sitemapLine = prefixed.read("_site/robots.txt").match(/^Sitemap: \S+$/m)?.[0] ?? "";
    expect(sitemapLine).toMatch(/^Sitemap: https?:\/\/[^/]+\/newsroom\/sitemap\.xml$/);
    expect(summaries.prefixed).toContain(sitemapLine);
    expect(summaries.plain).not.toContain("robots.txt");
  });

  it("keeps every root-relative URL in every page under the prefix", () => {
    const outside: string[] = [];
    for (const file of listFiles(`${prefixed.dir}/_site`)) {
      if (!/\.(html|xml)$/.test(file)) continue;
      for (const [, url] of prefixed.read(file.slice(prefixed.dir.length + 1)).matchAll(ROOT_RELATIVE)) {
        if (url && !url.startsWith("/newsroom/")) outside.push(`${file.slice(prefixed.dir.length)}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("puts the prefix into absolute URLs, feeds and the sitemap", () => {
    expect(page(prefixed, "/en/releases/plant/")('link[rel="canonical"]').attr("href")).toBe(
      `${ORIGIN}/newsroom/en/releases/plant/`,
    );
    expect(xml(prefixed, "/en/feed.xml")("entry id").first().text()).toBe(
      `${ORIGIN}/newsroom/en/releases/partner/`,
    );
    expect(xml(prefixed, "/sitemap.xml")("loc").first().text()).toBe(`${ORIGIN}/newsroom/`);
    expect(prefixed.read("_site/robots.txt")).toContain(`Sitemap: ${ORIGIN}/newsroom/sitemap.xml`);
  });
});

describe("the output folder's marker", () => {
  it("says a build wrote the folder, and no served file lists it", () => {
    expect(site.read("_site/.pressroom-output")).toMatch(/^kind: site$/m);
    for (const file of ["_site/sw.js", "_site/sitemap.xml", "_site/robots.txt"]) {
      expect(site.read(file), file).not.toContain("pressroom-output");
    }
  });
});

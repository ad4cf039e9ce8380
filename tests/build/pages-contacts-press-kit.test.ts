// Static pages, the media contacts page and company press kits, built with
// the real build command on a small fixture: a bilingual page pair, an
// English-only page, nav order, URLs, lang, switcher, hreflang and sitemap;
// every company's contacts in every language; a press kit with an image
// rendition; and a missing press-kit file stopping the build by name.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../lib/i18n/locales.ts";
import { createTranslator, loadBundles } from "../../lib/i18n/translator.ts";
import {
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  projectRoot,
  releaseFile,
} from "../support/fixture-site.ts";
import { hreflangLinks, page } from "../support/html.ts";

const registry = loadRegistry(projectRoot);
const translator = createTranslator(registry, loadBundles(projectRoot, registry));
const codes = registry.all.map((l) => l.code);
const other = registry.all.find((l) => l.code !== registry.source.code);
if (!other) throw new Error("the project's registry has one language");
const SOURCE = registry.source.code;
const OTHER = other.code;

const company = (names: Record<string, string>, contacts: Record<string, unknown>, extra = {}) =>
  JSON.stringify({ name: names, contacts, ...extra });

async function fixtureFiles(): Promise<Record<string, string | Uint8Array>> {
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#3a6" } })
    .jpeg()
    .toBuffer();
  return {
    [`src/pages/${SOURCE}/about.md`]:
      "---\ntitle: About the newsroom\nnav: 2\ndescription: Who we are.\n---\nWe publish releases.\n",
    [`src/pages/${OTHER}/guanyu.md`]:
      "---\ntitle: 关于本站\nnav: 2\ntranslationKey: about\n---\n本站发布新闻稿。\n",
    [`src/pages/${SOURCE}/legal.md`]: "---\ntitle: Legal notice\nnav: 1\n---\nImprint.\n",
    [`src/releases/${SOURCE}/launch.md`]: releaseFile({
      title: "Launch",
      releaseTime: "2025-01-01",
      company: "acme",
    }),
    [`src/releases/${OTHER}/launch.md`]: releaseFile({
      title: "发布",
      releaseTime: "2025-01-01",
      company: "acme",
    }),
    "_data/companies/acme.json": company(
      { [SOURCE]: "Acme Power", [OTHER]: "艾克姆电力" },
      {
        [SOURCE]: [{ name: "Kim Lee", role: "Press officer", email: "press@acme.example" }],
        [OTHER]: [{ name: "李金", role: "新闻官", email: "press@acme.example" }],
      },
      {
        about: { [SOURCE]: "Acme makes batteries.", [OTHER]: "艾克姆生产电池。" },
        pressKit: [
          {
            file: "ceo.jpg",
            title: { [SOURCE]: "Chief executive" },
            caption: { [SOURCE]: "Jo Acme at work.", [OTHER]: "乔在工作。" },
          },
          { file: "facts.pdf", title: { [SOURCE]: "Fact sheet", [OTHER]: "公司概况" } },
        ],
      },
    ),
    "_data/companies/acme/ceo.jpg": photo,
    "_data/companies/acme/facts.pdf": "%PDF-1.4 fact sheet",
    // Contacts only in the source language, and no releases.
    "_data/companies/beta.json": company(
      { [SOURCE]: "Beta Logistics" },
      {
        [SOURCE]: [{ name: "Sam Beta", phone: "+86 21 0000 0000" }],
      },
    ),
  };
}

let site: FixtureSite;

beforeAll(async () => {
  site = createFixtureSite(await fixtureFiles());
  await mustBuild(site);
});

afterAll(() => site?.dispose());

const t = (code: string, key: string, options?: Record<string, unknown>) => translator.t(code, key, options);
const localeOf = (code: string) => registry.get(code) as NonNullable<ReturnType<typeof registry.get>>;

describe("static pages", () => {
  it("are written at /<locale>/<slug>/ with the registry's lang, their title and body", () => {
    const en = page(site, `/${SOURCE}/about/`);
    expect(en("html").attr("lang")).toBe(localeOf(SOURCE).htmlLang);
    expect(en("h1").text()).toBe("About the newsroom");
    expect(en(".page-body p").text()).toBe("We publish releases.");
    expect(en('meta[name="description"]').attr("content")).toBe("Who we are.");
    expect(page(site, `/${OTHER}/guanyu/`)("html").attr("lang")).toBe(other.htmlLang);
  });

  it("link a page to its twin, by translationKey, and an untranslated page to the other home, marked", () => {
    const switcher = (url: string) => page(site, url)(".language-switcher a").first();
    expect(switcher(`/${SOURCE}/about/`).attr("href")).toBe(`/${OTHER}/guanyu/`);
    expect(switcher(`/${OTHER}/guanyu/`).attr("href")).toBe(`/${SOURCE}/about/`);
    const untranslated = switcher(`/${SOURCE}/legal/`);
    expect(untranslated.attr("href")).toBe(`/${OTHER}/`);
    expect(untranslated.find(".note").text()).toBe(t(OTHER, "switcher.notAvailable"));
  });

  it("declare hreflang alternates and a canonical URL, and are listed in the sitemap with them", () => {
    const base = "https://newsroom.example.com";
    expect(hreflangLinks(site, `/${OTHER}/guanyu/`, 'link[rel="alternate"][hreflang]')).toEqual([
      `${localeOf(SOURCE).htmlLang} ${base}/${SOURCE}/about/`,
      `${other.htmlLang} ${base}/${OTHER}/guanyu/`,
      `x-default ${base}/${SOURCE}/about/`,
    ]);
    expect(page(site, `/${SOURCE}/legal/`)('link[rel="canonical"]').attr("href")).toBe(
      `${base}/${SOURCE}/legal/`,
    );
    const sitemap = cheerio.load(site.read("_site/sitemap.xml"), { xml: true });
    const entry = sitemap("url").filter(
      (_, el) => sitemap(el).find("loc").text() === `${base}/${OTHER}/guanyu/`,
    );
    expect(
      entry
        .find("xhtml\\:link")
        .map((_, el) => el.attribs.hreflang)
        .get(),
    ).toEqual([localeOf(SOURCE).htmlLang, other.htmlLang, "x-default"]);
    expect(
      sitemap("loc")
        .map((_, el) => sitemap(el).text())
        .get(),
    ).toContain(`${base}/${SOURCE}/legal/`);
  });

  it("put nav pages in their language's header, in order, on every page", () => {
    const navLinks = (url: string) =>
      page(
        site,
        url,
      )(".site-nav a")
        .map((_, el) => el.attribs.href)
        .get()
        .filter((href) => !/\/(archive|search)\/$/.test(href) && !/^\/[a-z-]+\/$/.test(href));
    expect(navLinks(`/${SOURCE}/`)).toEqual([`/${SOURCE}/legal/`, `/${SOURCE}/about/`]);
    expect(navLinks(`/${SOURCE}/releases/launch/`)).toEqual([`/${SOURCE}/legal/`, `/${SOURCE}/about/`]);
    expect(navLinks(`/${OTHER}/contacts/`)).toEqual([`/${OTHER}/guanyu/`]);
    expect(page(site, `/${SOURCE}/legal/`)('.site-nav a[aria-current="page"]').attr("href")).toBe(
      `/${SOURCE}/legal/`,
    );
  });
});

describe("the media contacts page", () => {
  it.each(codes)(
    "lists every company's contacts, grouped by company, in %s, linked from the footer",
    (code) => {
      const $ = page(site, `/${code}/contacts/`);
      expect($("html").attr("lang")).toBe(localeOf(code).htmlLang);
      expect($("h1").text()).toBe(t(code, "contacts.title"));
      const groups = $(".company-contacts")
        .map((_, el) => `${$(el).find("h2").text()}: ${$(el).find(".contacts strong").text()}`)
        .get();
      const acme = code === SOURCE ? "Acme Power: Kim Lee" : code === OTHER ? "艾克姆电力: 李金" : undefined;
      if (acme) expect(groups).toContain(acme);
      expect(groups.some((g) => g.endsWith(": Sam Beta"))).toBe(true);
      expect(groups).toHaveLength(2);
      expect($(".site-footer a").filter((_, el) => el.attribs.href === `/${code}/contacts/`).length).toBe(1);
    },
  );

  it("marks contacts shown in the source language with its lang and a note", () => {
    const $ = page(site, `/${OTHER}/contacts/`);
    const beta = $("#beta");
    expect(beta.find(".contacts").attr("lang")).toBe(localeOf(SOURCE).htmlLang);
    expect(beta.find(".fallback-note").text()).toBe(
      t(OTHER, "company.fallback", { language: localeOf(SOURCE).label }),
    );
    expect($("#acme .fallback-note")).toHaveLength(0);
    expect($("#acme a").last().attr("href")).toBe(`/${OTHER}/companies/acme/`);
  });

  it("is linked from each release's contact block", () => {
    const $ = page(site, `/${OTHER}/releases/launch/`);
    expect($(".company-info .all-contacts a").attr("href")).toBe(`/${OTHER}/contacts/`);
  });
});

describe("a company's press kit", () => {
  it("shows About, contacts and the press-kit files with type, size and a responsive rendition", () => {
    const $ = page(site, `/${OTHER}/companies/acme/`);
    expect($(".company-page").text()).toContain("艾克姆生产电池。");
    expect($(".company-page .contacts strong").text()).toBe("李金");
    const files = $(".press-kit li");
    expect(files).toHaveLength(2);
    const photo = files.first();
    expect(photo.find("a[download]").attr("href")).toBe("/press-kit/acme/ceo.jpg");
    expect(photo.find(".caption").text()).toBe("乔在工作。");
    expect(photo.find(".file-meta").text()).toContain(t(OTHER, "media.type.image"));
    const img = photo.find("img");
    expect(img.attr("width")).toBe("900");
    const srcset = photo.find("source").first().attr("srcset") ?? "";
    expect(srcset).toMatch(/\/media\/[^ ]+\.webp 320w, \/media\/[^ ]+\.webp 640w/);
    for (const [, url] of srcset.matchAll(/(\/media\/\S+)/g))
      expect(site.exists(`_site${url}`), url).toBe(true);
    expect(readFileSync(path.join(site.dir, "_site/press-kit/acme/facts.pdf"), "utf8")).toBe(
      "%PDF-1.4 fact sheet",
    );
    expect(files.last().find(".file-meta").text()).toContain(t(OTHER, "media.type.pdf"));
    expect(files.last().find("a[download]").text()).toBe("公司概况");
  });

  it("stops the build, naming the company record and the file, when a listed file is missing", async () => {
    site.write(
      "_data/companies/beta.json",
      company({ [SOURCE]: "Beta" }, {}, { pressKit: [{ file: "logo.png" }] }),
    );
    const before = site.read(`_site/${SOURCE}/contacts/index.html`);
    const result = await site.build();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '_data/companies/beta.json: pressKit.0.file: "logo.png" not found (looked for _data/companies/beta/logo.png)',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(site.read(`_site/${SOURCE}/contacts/index.html`)).toBe(before);
  });
});

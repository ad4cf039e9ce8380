// Link previews of release pages: every release page names an image that is
// in the output at the size its tags say, from each of the three sources (the
// media kit's first image, a card generated from the release, the company
// logo), with absolute URLs under SITE_URL and PATH_PREFIX; and the company's
// logo and site in JSON-LD `publisher`.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const SITE_URL = "https://news.example";
const PREFIX = "/newsroom/";
const BASE = `${SITE_URL}${PREFIX}`;

let site: FixtureSite;
let summary: string;

const logoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100"><title>Acme</title><rect width="300" height="100" fill="#0b5cad"/></svg>';

beforeAll(async () => {
  const photo = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const pngLogo = await sharp({
    create: { width: 240, height: 120, channels: 4, background: { r: 20, g: 160, b: 90, alpha: 1 } },
  })
    .png()
    .toBuffer();
  site = createFixtureSite({
    "_data/companies/acme.json": JSON.stringify({
      name: { en: "Acme Power", zh: "艾克姆电力" },
      url: "https://acme.example/",
      logo: "acme.svg",
    }),
    "_data/companies/acme.svg": logoSvg,
    "_data/companies/beta.json": JSON.stringify({ name: { en: "Beta Seeds" }, logo: "logos/beta.png" }),
    "_data/companies/logos/beta.png": pngLogo,
    "src/releases/en/with-photo.md": [
      "---",
      "title: Plant opens",
      "releaseTime: 2025-04-25",
      "company: acme",
      "attachments:",
      "  - kit.pdf",
      "  - file: plant.jpg",
      "    title: The new plant",
      "---",
      "",
      "Body.",
      "",
    ].join("\n"),
    "src/releases/en/kit.pdf": "%PDF-1.4\n%%EOF\n",
    "src/releases/en/plant.jpg": photo,
    "src/releases/en/plain.md": releaseFile({
      title: "Acme doubles output",
      releaseTime: "2025-05-01",
      company: "acme",
    }),
    "src/releases/zh/plain.md": releaseFile({
      title: "艾克姆电力产能翻番",
      releaseTime: "2025-05-01",
      company: "acme",
    }),
    // The card font has no Devanagari: the logo stands in.
    "src/releases/en/devanagari.md": releaseFile({
      title: "नया संयंत्र खुला",
      releaseTime: "2025-06-01",
      company: "beta",
    }),
    // Nothing to show: no image, no card, no logo.
    "src/releases/en/bare.md": releaseFile({
      title: "Отчёт ∰",
      releaseTime: "2025-06-02",
      company: "Plain Name Ltd",
    }),
  });
  summary = (await mustBuild(site, { env: { SITE_URL, PATH_PREFIX: PREFIX } })).stdout;
});

afterAll(() => site?.dispose());

/** Every release page's URL in the output. */
function releasePages(): string[] {
  return ["en", "zh"].flatMap((code) =>
    readdirSync(path.join(site.dir, "_site", code, "releases")).map((slug) => `/${code}/releases/${slug}/`),
  );
}

interface ImageObject {
  "@type": string;
  url: string;
  width: number;
  height: number;
}

interface ArticleLd {
  image?: ImageObject;
  publisher: { "@type": string; name: string; url?: string; logo: ImageObject };
}

function meta(url: string) {
  const $ = page(site, url);
  const get = (selector: string) => $(selector).attr("content");
  return {
    image: get('meta[property="og:image"]'),
    width: Number(get('meta[property="og:image:width"]')),
    height: Number(get('meta[property="og:image:height"]')),
    alt: get('meta[property="og:image:alt"]'),
    card: get('meta[name="twitter:card"]'),
    twitterImage: get('meta[name="twitter:image"]'),
    jsonLd: JSON.parse($('script[type="application/ld+json"]').text()) as ArticleLd,
  };
}

/** The output file an absolute URL of this site names. */
function fileOf(url: string): string {
  expect(url.startsWith(BASE), url).toBe(true);
  return path.join(site.dir, "_site", url.slice(BASE.length));
}

describe("share images of release pages", () => {
  it("every release page with an image names a file in the output whose size its tags give", async () => {
    const withImage = releasePages().filter((url) => url !== "/en/releases/bare/");
    expect(withImage).toHaveLength(4);
    for (const url of withImage) {
      const m = meta(url);
      expect(m.image, url).toBeDefined();
      const info = await sharp(fileOf(m.image as string)).metadata();
      expect([info.width, info.height], url).toEqual([m.width, m.height]);
      expect(m.alt, url).toBeTruthy();
      expect(m.card, url).toBe("summary_large_image");
      expect(m.twitterImage, url).toBe(m.image);
      expect(m.jsonLd.image, url).toEqual({
        "@type": "ImageObject",
        url: m.image,
        width: m.width,
        height: m.height,
      });
    }
  });

  it("takes the media kit's first image at about 1,200 px, with its title as alt text", () => {
    const m = meta("/en/releases/with-photo/");
    expect(m.image).toMatch(/\/media\/[^/]+-1280\.jpeg$/);
    expect([m.width, m.height]).toEqual([1280, 720]);
    expect(m.alt).toBe("The new plant");
  });

  it("generates a 1200 × 630 card for a release without an image, in its own language", () => {
    const en = meta("/en/releases/plain/");
    const zh = meta("/zh/releases/plain/");
    for (const m of [en, zh]) {
      expect(m.image).toMatch(/\/media\/share\/[0-9a-f]{20}\.png$/);
      expect([m.width, m.height]).toEqual([1200, 630]);
    }
    expect(en.image).not.toBe(zh.image);
    expect(zh.alt).toBe("艾克姆电力产能翻番");
    expect(readdirSync(path.join(site.dir, "_site", "media", "share"))).toHaveLength(2);
  });

  it("shows the company logo, drawn as PNG, when the title is in a script the card font lacks", () => {
    const m = meta("/en/releases/devanagari/");
    expect(m.image).toMatch(/\/media\/logos\/[^/]+\.png$/);
    expect([m.width, m.height]).toEqual([240, 120]);
  });

  it("falls back to a plain summary card when there is nothing to show", () => {
    const m = meta("/en/releases/bare/");
    expect(m.image).toBeUndefined();
    expect(m.card).toBe("summary");
    expect(m.jsonLd.image).toBeUndefined();
  });

  it("gives the publisher's site and its logo, rasterized from SVG, in JSON-LD", async () => {
    const { publisher } = meta("/zh/releases/plain/").jsonLd;
    expect(publisher).toMatchObject({
      "@type": "Organization",
      name: "艾克姆电力",
      url: "https://acme.example/",
    });
    expect(publisher.logo.url).toMatch(/\/media\/logos\/[^/]+\.png$/);
    const info = await sharp(fileOf(publisher.logo.url)).metadata();
    expect([info.format, info.width, info.height]).toEqual([
      "png",
      publisher.logo.width,
      publisher.logo.height,
    ]);
    expect(publisher.logo.width).toBe(600);
    // The SVG itself is never published.
    expect(readdirSync(path.join(site.dir, "_site", "media", "logos")).every((f) => f.endsWith(".png"))).toBe(
      true,
    );
  });

  it("reports the cards in the build summary, and reuses them in the next build", async () => {
    expect(summary).toMatch(/images: +2 share images generated, 0 reused/);
    const again = await mustBuild(site, { env: { SITE_URL, PATH_PREFIX: PREFIX } });
    expect(again.stdout).toMatch(/images: +0 share images generated, 2 reused/);
    // Linked from the cache, not copied: the same file, on the same disk.
    const published = path.join(site.dir, "_site", "media", "share");
    const cards = readdirSync(published).map((name) => [
      statSync(path.join(published, name)).ino,
      statSync(path.join(site.dir, ".cache", "share-cards", name)).ino,
    ]);
    expect(cards).toHaveLength(2);
    for (const [output, cache] of cards) expect(output).toBe(cache);
  });
});

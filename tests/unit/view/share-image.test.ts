// Which image a release's link preview shows: the media kit's first image,
// then a generated card, then the company logo; and that the card is only
// asked for (so only drawn) when it is the one used.
import { describe, expect, it } from "vitest";
import { renderBody } from "../../../lib/content/markdown.ts";
import { buildPages } from "../../../lib/view/page-kinds.ts";
import { chooseShareImage } from "../../../lib/view/share-image.ts";
import type { PagesInput } from "../../../lib/view/site-model.ts";
import { testRegistry, testRelease } from "../../support/temp-project.ts";

const absolute = (url: string) => `https://news.example/newsroom${url}`;
const photo = { url: "/media/p-1280.jpeg", width: 1280, height: 800, alt: "A photo" };
const card = { url: "/media/share/abc.png", width: 1200, height: 630, alt: "Title" };
const logo = { url: "/media/logos/l-600.png", width: 600, height: 200, alt: "Acme logo" };

describe("chooseShareImage", () => {
  it("takes the media kit's image first, without asking for a card", () => {
    let asked = 0;
    const chosen = chooseShareImage(
      {
        mediaKit: photo,
        generated: () => {
          asked++;
          return card;
        },
        logo,
      },
      absolute,
    );
    expect(chosen).toEqual({ source: "media-kit", ...photo, url: absolute(photo.url) });
    expect(asked).toBe(0);
  });

  it("takes a generated card when there is no media-kit image", () => {
    expect(chooseShareImage({ mediaKit: undefined, generated: () => card, logo }, absolute)).toEqual({
      source: "generated",
      ...card,
      url: absolute(card.url),
    });
  });

  it("takes the logo when no card can be drawn, and nothing when there is no logo either", () => {
    expect(
      chooseShareImage({ mediaKit: undefined, generated: () => undefined, logo }, absolute)?.source,
    ).toBe("logo");
    expect(
      chooseShareImage({ mediaKit: undefined, generated: () => undefined, logo: undefined }, absolute),
    ).toBeUndefined();
  });
});

describe("a release page's share image", () => {
  const base = (overrides: Partial<PagesInput>): PagesInput => ({
    registry: testRegistry,
    releases: [],
    releasesPerPage: 20,
    renderBody: (source) => source,
    firstParagraph: (source) => renderBody(source, { allowRawHtml: false }).firstParagraph,
    companies: new Map(),
    tagLabel: (_code, tag) => tag,
    onCompanyFallback: () => {},
    strings: () => ({}),
    absolute,
    siteName: (code) => (code === "zh" ? "新闻中心" : "Newsroom"),
    preview: false,
    searchVersion: "test",
    renditions: new Map(),
    attachmentType: (_code, kind) => kind,
    logos: new Map(),
    shareCard: () => undefined,
    t: (code, key, values) => `${code}:${key}:${JSON.stringify(values)}`,
    renderNote: (source) => source,
    pages: [],
    pattern: (_code, _key, values) => Object.entries(values).map(([slot, text]) => ({ slot, text })),
    ...overrides,
  });

  it("asks for a card with the title, company and date in the release's language", () => {
    const asked: unknown[] = [];
    const pages = buildPages(
      base({
        releases: [
          testRelease("zh", "a", "2025-04-25T10:00:00+08:00", { title: "新品发布", company: "鹿鸣能源" }),
        ],
        shareCard: (text) => {
          asked.push(text);
          return { key: "k", url: "/media/share/k.png", width: 1200, height: 630 };
        },
      }),
    );
    expect(asked).toEqual([
      {
        title: "新品发布",
        company: "鹿鸣能源",
        date: "2025年4月25日",
        siteName: "新闻中心",
        lang: "zh-CN",
        dir: "ltr",
      },
    ]);
    const view = pages.releases[0];
    expect(view?.share).toEqual({
      source: "generated",
      url: "https://news.example/newsroom/media/share/k.png",
      width: 1200,
      height: 630,
      alt: "新品发布",
    });
    expect(JSON.parse(view?.jsonLd ?? "{}").image).toEqual({
      "@type": "ImageObject",
      url: "https://news.example/newsroom/media/share/k.png",
      width: 1200,
      height: 630,
    });
  });

  it("uses the first image of the media kit, skipping other files, with its title as alt text", () => {
    const attachment = (name: string, kind: "pdf" | "image", title?: string) => ({
      source: `/abs/${name}`,
      file: `src/releases/en/${name}`,
      name,
      title,
      bytes: 10,
      kind,
    });
    const rendition = (n: string) => ({
      sources: [],
      src: `/media/${n}-320.jpeg`,
      width: 2000,
      height: 1000,
      share: { url: `/media/${n}-1280.jpeg`, width: 1280, height: 640 },
    });
    const pages = buildPages(
      base({
        releases: [
          testRelease("en", "a", "2025-01-01", {
            attachments: [
              attachment("kit.pdf", "pdf"),
              attachment("one.jpg", "image", "The plant"),
              attachment("two.jpg", "image"),
            ],
          }),
        ],
        renditions: new Map([
          ["/abs/one.jpg", rendition("one")],
          ["/abs/two.jpg", rendition("two")],
        ]),
        shareCard: () => {
          throw new Error("no card is drawn for a release with a media-kit image");
        },
      }),
    );
    expect(pages.releases[0]?.share).toEqual({
      source: "media-kit",
      url: "https://news.example/newsroom/media/one-1280.jpeg",
      width: 1280,
      height: 640,
      alt: "The plant",
    });
  });

  it("falls back to the company logo, whose alt text comes from the bundles, and puts it in the publisher", () => {
    const company = {
      key: "acme",
      file: "_data/companies/acme.json",
      name: { en: "Acme" },
      about: {},
      contacts: {},
      pressKit: [],
      url: "https://acme.example/",
      logo: { source: "/abs/acme.svg", file: "_data/companies/acme.svg" },
    };
    const pages = buildPages(
      base({
        releases: [testRelease("en", "a", "2025-01-01", { company: "acme" })],
        companies: new Map([["acme", company]]),
        logos: new Map([["acme", { url: "/media/logos/x-600.png", width: 600, height: 200 }]]),
      }),
    );
    const view = pages.releases[0];
    expect(view?.share).toEqual({
      source: "logo",
      url: "https://news.example/newsroom/media/logos/x-600.png",
      width: 600,
      height: 200,
      alt: 'en:share.logoAlt:{"company":"Acme"}',
    });
    expect(JSON.parse(view?.jsonLd ?? "{}").publisher).toEqual({
      "@type": "Organization",
      name: "Acme",
      url: "https://acme.example/",
      logo: {
        "@type": "ImageObject",
        url: "https://news.example/newsroom/media/logos/x-600.png",
        width: 600,
        height: 200,
      },
    });
  });
});

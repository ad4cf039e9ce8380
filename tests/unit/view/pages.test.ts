import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Company } from "../../../lib/content/companies.ts";
import { parseReleaseTime } from "../../../lib/content/dates.ts";
import type { Release } from "../../../lib/content/load.ts";
import { markdown, renderBody } from "../../../lib/content/markdown.ts";
import { splitPattern } from "../../../lib/i18n/translator.ts";
import { buildPages } from "../../../lib/view/page-kinds.ts";
import type { PagesInput } from "../../../lib/view/site-model.ts";
import type { ContactView } from "../../../lib/view/views.ts";
import { testPage, testRegistry, testRelease } from "../../support/temp-project.ts";

const release = testRelease;

/** A contact line's name, without the role the bundle pattern adds. */
const nameOf = (contact: ContactView | undefined) => contact?.name.find((part) => part.slot === "name")?.text;

function pages(releases: Release[], overrides: Partial<PagesInput> = {}) {
  return buildPages({
    registry: testRegistry,
    releases,
    releasesPerPage: 20,
    renderBody: (source) => markdown.render(source),
    firstParagraph: (source) => renderBody(source, { allowRawHtml: false }).firstParagraph,
    companies: new Map(),
    tagLabel: (_code, tag) => tag,
    onCompanyFallback: () => {},
    strings: () => ({}),
    absolute: (url) => `https://news.example${url}`,
    siteName: () => "Newsroom",
    preview: false,
    searchVersion: "test",
    renditions: new Map(),
    attachmentType: (_code, kind) => kind,
    pages: [],
    // "key|{{a}}|{{b}}": each value where the bundle's pattern would put it.
    pattern: (_code, key, values) =>
      splitPattern([key, ...Object.keys(values).map((name) => `\u0000${name}\u0000`)].join("|"), values),
    renderNote: (source) => markdown.renderInline(source),
    t: (_code, key, values) => `${key}${values ? JSON.stringify(values) : ""}`,
    logos: new Map(),
    shareCard: () => undefined,
    ...overrides,
  });
}

const find = (result: ReturnType<typeof pages>, url: string) => {
  const view = result.releases.find((r) => r.url === url);
  if (!view) throw new Error(`no page ${url}`);
  return view;
};

describe("translation pairing", () => {
  it("pairs the same slug across locales and links the switcher to the twin", () => {
    const result = pages([release("en", "launch", "2025-01-01"), release("zh", "launch", "2025-01-01")]);
    const en = find(result, "/en/releases/launch/");
    expect(en.switcher).toEqual([
      expect.objectContaining({
        code: "zh",
        url: "/zh/releases/launch/",
        available: true,
        htmlLang: "zh-CN",
      }),
    ]);
    expect(en.alternates).toEqual([
      { hreflang: "en", url: "https://news.example/en/releases/launch/" },
      { hreflang: "zh-CN", url: "https://news.example/zh/releases/launch/" },
      { hreflang: "x-default", url: "https://news.example/en/releases/launch/" },
    ]);
  });

  it("pairs different slugs through translationKey", () => {
    const result = pages([
      release("en", "plant-opens", "2025-01-01"),
      release("zh", "gongchang-kaigong", "2025-01-01", { translationKey: "plant-opens" }),
    ]);
    expect(find(result, "/zh/releases/gongchang-kaigong/").switcher[0]?.url).toBe(
      "/en/releases/plant-opens/",
    );
  });

  it("sends the switcher to the other locale's home when there is no translation", () => {
    const result = pages([release("en", "only-english", "2025-01-01")]);
    const en = find(result, "/en/releases/only-english/");
    expect(en.switcher).toEqual([expect.objectContaining({ code: "zh", url: "/zh/", available: false })]);
    expect(en.alternates.map((a) => a.hreflang)).toEqual(["en", "x-default"]);
  });

  it("ignores unpublished twins", () => {
    const result = pages([
      release("en", "launch", "2025-01-01"),
      release("zh", "launch", "2025-01-01", { status: "scheduled" }),
    ]);
    expect(find(result, "/en/releases/launch/").switcher[0]).toMatchObject({ available: false, url: "/zh/" });
    expect(result.releases.map((r) => r.url)).toEqual(["/en/releases/launch/"]);
  });
});

describe("listings", () => {
  const many = Array.from({ length: 45 }, (_, i) =>
    release(
      "en",
      `r${String(i).padStart(2, "0")}`,
      DateTime.fromISO("2024-01-01").plus({ days: i }).toISODate() ?? "",
    ),
  );

  it("lists newest first, 20 a page, with page links", () => {
    const result = pages(many);
    const en = result.listings.filter((l) => l.locale.code === "en" && l.listKind === "home");
    expect(en.map((l) => l.url)).toEqual(["/en/", "/en/page/2/", "/en/page/3/"]);
    expect(en[0]?.releases[0]?.url).toBe("/en/releases/r44/");
    expect(en[0]?.releases).toHaveLength(20);
    expect(en[2]?.releases).toHaveLength(5);
    expect(en[1]).toMatchObject({
      newerPageUrl: "/en/",
      olderPageUrl: "/en/page/3/",
      totalPages: 3,
      totalReleases: 45,
    });
  });

  it("gives an empty locale a home page", () => {
    const zh = pages(many).listings.filter((l) => l.locale.code === "zh" && l.listKind === "home");
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ url: "/zh/", totalReleases: 0, releases: [] });
  });

  it("orders releases at the same day by instant, then slug", () => {
    const result = pages([
      release("en", "b", "2025-01-01"),
      release("en", "a", "2025-01-01"),
      release("en", "late", "2025-01-01T18:00:00+08:00"),
    ]);
    expect(result.listings[0]?.releases.map((r) => r.url)).toEqual([
      "/en/releases/late/",
      "/en/releases/a/",
      "/en/releases/b/",
    ]);
  });
});

describe("release pages", () => {
  it("link to the newer and older release in the same locale", () => {
    const result = pages([
      release("en", "first", "2024-01-01"),
      release("en", "second", "2024-02-01"),
      release("en", "third", "2024-03-01"),
      release("zh", "other", "2024-02-15"),
    ]);
    const second = find(result, "/en/releases/second/");
    expect(second.newer?.url).toBe("/en/releases/third/");
    expect(second.older?.url).toBe("/en/releases/first/");
    expect(find(result, "/en/releases/third/").newer).toBeUndefined();
  });

  it("formats the release time for the page's locale and renders the body", () => {
    const result = pages([release("zh", "launch", "2023-01-14")]);
    const zh = find(result, "/zh/releases/launch/");
    expect(zh.release).toMatchObject({ timeIso: "2023-01-14", timeDisplay: "2023年1月14日", year: 2023 });
    expect(zh.release.html).toContain('<h1 id="launch">');
  });

  it("shows a company key by its localized name, with boilerplate and contacts", () => {
    const fallbacks: string[] = [];
    const result = pages(
      [
        release("en", "a", "2025-01-01", { company: "acme" }),
        release("zh", "a", "2025-01-01", { company: "acme" }),
      ],
      {
        companies: new Map([
          [
            "acme",
            {
              key: "acme",
              file: "_data/companies/acme.json",
              name: { en: "Acme", zh: "极致" },
              about: { en: "About Acme." },
              contacts: { en: [{ name: "Kim", email: "kim@acme.example" }] },
              pressKit: [],
              url: undefined,
              logo: undefined,
            },
          ],
        ]),
        onCompanyFallback: (n) => fallbacks.push(`${n.file} ${n.field}.${n.locale}`),
      },
    );
    const zh = find(result, "/zh/releases/a/");
    expect(zh.release.company).toBe("极致");
    expect(zh.companyInfo).toEqual({
      name: "极致",
      about: "About Acme.",
      contacts: [
        {
          name: [{ text: "Kim", slot: "name" }],
          email: {
            parts: [
              { text: "release.contactField|" },
              { text: "release.email", slot: "label" },
              { text: "|" },
              { text: "kim@acme.example", slot: "value" },
            ],
            address: "kim@acme.example",
          },
          phone: undefined,
        },
      ],
    });
    expect(fallbacks).toContain("_data/companies/acme.json about.zh");
  });
});

describe("static pages", () => {
  it("pair by slug or translationKey, link the switcher to the twin or mark the home, and list nav pages in order", () => {
    const result = pages([], {
      pages: [
        testPage("en", "about", { nav: 2 }),
        testPage("zh", "about", { nav: 1 }),
        testPage("en", "legal", { nav: 1, title: "Legal notice" }),
        testPage("zh", "falv", { translationKey: "legal", nav: 2 }),
        testPage("en", "privacy"),
      ],
    });
    const view = (url: string) => {
      const found = result.staticPages.find((p) => p.url === url);
      if (!found) throw new Error(`no page ${url}`);
      return found;
    };
    expect(result.staticPages.map((p) => p.url)).toEqual([
      "/en/about/",
      "/en/legal/",
      "/en/privacy/",
      "/zh/about/",
      "/zh/falv/",
    ]);
    expect(view("/zh/falv/").switcher).toMatchObject([{ code: "en", url: "/en/legal/", available: true }]);
    expect(view("/en/privacy/").switcher).toMatchObject([{ code: "zh", url: "/zh/", available: false }]);
    expect(view("/zh/falv/").alternates.map((a) => `${a.hreflang} ${a.url}`)).toEqual([
      "en https://news.example/en/legal/",
      "zh-CN https://news.example/zh/falv/",
      "x-default https://news.example/en/legal/",
    ]);
    expect(view("/en/privacy/").html).toContain("<p>Text of privacy.</p>");
    // Every page of a language carries its header links, not only static pages.
    expect(result.listings[0]?.locale.nav).toEqual([
      { label: "Legal notice", url: "/en/legal/" },
      { label: "en about", url: "/en/about/" },
    ]);
    expect(result.search.find((s) => s.locale.code === "zh")?.locale.nav.map((l) => l.url)).toEqual([
      "/zh/about/",
      "/zh/falv/",
    ]);
    expect(result.sitemap.map((e) => e.url)).toEqual(
      expect.arrayContaining(["https://news.example/en/privacy/", "https://news.example/zh/falv/"]),
    );
  });
});

describe("companies beyond releases", () => {
  const acme: Company = {
    key: "acme",
    file: "_data/companies/acme.json",
    name: { en: "Acme", zh: "极致" },
    about: { en: "About Acme.", zh: "极致简介。" },
    contacts: { en: [{ name: "Kim", email: "kim@acme.example" }] },
    pressKit: [
      {
        attachment: {
          source: "/abs/_data/companies/acme/logo.png",
          file: "_data/companies/acme/logo.png",
          name: "logo.png",
          title: undefined,
          bytes: 2048,
          kind: "image",
        },
        title: { en: "Logo", zh: "标志" },
        caption: { en: "The Acme logo." },
      },
    ],
    url: undefined,
    logo: undefined,
  };
  const beta: Company = {
    key: "beta",
    file: "_data/companies/beta.json",
    name: { en: "Beta", zh: "贝塔" },
    about: {},
    contacts: { en: [{ name: "Lee" }], zh: [{ name: "李" }] },
    pressKit: [],
    url: undefined,
    logo: undefined,
  };
  const rendition = { sources: [], src: "/media/x-320.png", width: 1280, height: 400 };

  it("list every company's contacts on each language's contacts page, marking source-language fallbacks", () => {
    const fallbacks: string[] = [];
    const result = pages([], {
      companies: new Map([
        ["beta", beta],
        ["acme", acme],
      ]),
      onCompanyFallback: (n) => fallbacks.push(`${n.file} ${n.field}.${n.locale}`),
    });
    const [en, zh] = [result.contacts[0], result.contacts[1]];
    expect(en?.url).toBe("/en/contacts/");
    expect(en?.companies.map((c) => [c.name, nameOf(c.contacts[0]), c.contactsLang])).toEqual([
      ["Acme", "Kim", undefined],
      ["Beta", "Lee", undefined],
    ]);
    expect(
      zh?.companies.map((c) => [c.name, nameOf(c.contacts[0]), c.contactsLang, c.fallbackLabel]),
    ).toEqual([
      // In the reader's collation: pinyin, so 贝塔 (bèi) before 极致 (jí).
      ["贝塔", "李", undefined, undefined],
      ["极致", "Kim", "en", "English"],
    ]);
    expect(fallbacks).toContain("_data/companies/acme.json contacts.zh");
    // No releases yet: no company page to link to.
    expect(zh?.companies[1]?.url).toBeUndefined();
    expect(en?.locale.contactsUrl).toBe("/en/contacts/");
  });

  it("show About, contacts and the press kit on the company's page, with its renditions and captions", () => {
    const result = pages(
      [
        release("en", "a", "2025-01-01", { company: "acme" }),
        release("zh", "a", "2025-01-01", { company: "acme" }),
      ],
      {
        companies: new Map([["acme", acme]]),
        renditions: new Map([["/abs/_data/companies/acme/logo.png", rendition]]),
      },
    );
    const page = (url: string) => result.listings.find((l) => l.url === url);
    const zh = page("/zh/companies/acme/");
    expect(zh?.company?.company).toMatchObject({
      name: "极致",
      about: "极致简介。",
      aboutLang: undefined,
      contactsLang: "en",
    });
    expect(zh?.company?.pressKit).toEqual([
      {
        name: "logo.png",
        url: "/press-kit/acme/logo.png",
        title: "标志",
        caption: "The Acme logo.",
        typeLabel: "image",
        size: expect.stringMatching(/^2\s?kB$/),
        image: rendition,
      },
    ]);
    expect(page("/en/")?.company).toBeUndefined();
    expect(result.contacts[0]?.companies[0]?.url).toBe("/en/companies/acme/");
  });
});

describe("the search page's pages group", () => {
  it("offers the language's static pages, company pages and contacts page, found by any name of a company", () => {
    const acme: Company = {
      key: "acme",
      file: "_data/companies/acme.json",
      name: { en: "Acme", zh: "极致" },
      about: {},
      contacts: {},
      pressKit: [],
      url: undefined,
      logo: undefined,
    };
    const result = pages([release("zh", "a", "2025-01-01", { company: "acme" })], {
      companies: new Map([["acme", acme]]),
      pages: [testPage("zh", "about", { title: "关于我们", description: "简介" }), testPage("en", "legal")],
      strings: (code, prefix) => ({
        title: `${prefix}.title.${code}`,
        contacts: `${prefix}.contacts.${code}`,
      }),
    });
    const zh = result.search.find((s) => s.locale.code === "zh");
    expect(zh?.pages).toEqual([
      { title: "关于我们", url: "/zh/about/", terms: "简介" },
      { title: "极致", url: "/zh/companies/acme/", terms: "acme Acme 极致" },
      {
        title: "contacts.title.zh",
        url: "/zh/contacts/",
        terms: "Acme 极致 footer.contacts.en footer.contacts.zh",
      },
    ]);
  });
});

describe("corrections and descriptions", () => {
  const updated = (value: string) => parseReleaseTime(value, "Asia/Shanghai");

  it("carries an update into the card, the social tags and the sitemap, and renders the note", () => {
    const result = pages([
      release("en", "fixed", "2025-01-01T10:00:00+08:00", {
        updated: updated("2025-02-01T09:00:00+08:00"),
        correction: "A *figure* was wrong.",
      }),
      release("en", "later", "2025-01-15"),
    ]);
    const view = find(result, "/en/releases/fixed/");
    expect(view.release.updated).toMatchObject({ iso: "2025-02-01T09:00:00+08:00" });
    expect(view.release.modified).toBe("2025-02-01T09:00:00+08:00");
    expect(view.social.modifiedTime).toBe("2025-02-01T09:00:00+08:00");
    expect(view.correctionHtml).toBe("A <em>figure</em> was wrong.");
    expect(JSON.parse(view.jsonLd).dateModified).toBe("2025-02-01T09:00:00+08:00");
    const later = find(result, "/en/releases/later/");
    expect(later.release.updated).toBeUndefined();
    expect(later.social.modifiedTime).toBeUndefined();
    // The home's newest change is the correction, though "later" was released after it.
    const home = result.sitemap.find((e) => e.url === "https://news.example/en/");
    expect(home?.lastmod).toBe("2025-02-01T09:00:00+08:00");
    // Feeds keep release order.
    const feed = result.feeds.find((f) => f.locale.code === "en");
    expect(feed?.entries.map((e) => e.url)).toEqual(["/en/releases/later/", "/en/releases/fixed/"]);
    expect(feed?.updated).toBe("2025-02-01T09:00:00+08:00");
  });

  it("describes a release by its summary, else its first paragraph, else its title", () => {
    const result = pages([
      release("en", "summed", "2025-01-01", { summary: "The summary.", body: "First paragraph." }),
      release("en", "bodied", "2025-01-02", { body: "# Heading\n\nFirst *paragraph*.\n\nSecond." }),
      release("en", "bare", "2025-01-03", { title: "Only a title", body: "# Heading\n" }),
    ]);
    expect(find(result, "/en/releases/summed/").description).toBe("The summary.");
    expect(find(result, "/en/releases/bodied/").description).toBe("First paragraph.");
    expect(find(result, "/en/releases/bodied/").social.description).toBe("First paragraph.");
    expect(find(result, "/en/releases/bare/").description).toBe("Only a title");
  });

  it("gives every page kind a description key from the bundles", () => {
    const result = pages([release("en", "a", "2025-01-01", { tags: ["solar"] })]);
    const home = result.listings.find((l) => l.url === "/en/");
    expect(home?.description).toMatch(/^description\.home/);
    expect(result.listings.find((l) => l.listKind === "tag")?.description).toMatch(/^description\.tag/);
    expect(result.archives[0]?.description).toMatch(/^description\.archive/);
    expect(result.search[0]?.description).toMatch(/^description\.search/);
    expect(result.offline[0]?.description).toBe("offline.body");
  });
});

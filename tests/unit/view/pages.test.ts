import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Release } from "../../../lib/content/load.ts";
import { markdown } from "../../../lib/content/markdown.ts";
import { buildPages } from "../../../lib/view/page-kinds.ts";
import type { PagesInput } from "../../../lib/view/site-model.ts";
import { testRegistry, testRelease } from "../../support/temp-project.ts";

const release = testRelease;

function pages(releases: Release[], overrides: Partial<PagesInput> = {}) {
  return buildPages({
    registry: testRegistry,
    releases,
    releasesPerPage: 20,
    renderBody: (source) => markdown.render(source),
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
    logos: new Map(),
    shareCard: () => undefined,
    t: (_code, key, values) => `${key} ${JSON.stringify(values ?? {})}`,
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
      contacts: [{ name: "Kim", email: "kim@acme.example" }],
    });
    expect(fallbacks).toContain("_data/companies/acme.json about.zh");
  });
});

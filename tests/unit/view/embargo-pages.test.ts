// The embargo page kind's views: a sealed preview per scheduled release and
// language, a forwarding page per published release, nothing for drafts,
// and nothing at all without the secret or in a preview build.
import { describe, expect, it } from "vitest";
import type { Release } from "../../../lib/content/load.ts";
import { renderBody } from "../../../lib/content/markdown.ts";
import { EmbargoKeys } from "../../../lib/embargo/seal.ts";
import { buildPages } from "../../../lib/view/page-kinds.ts";
import type { PagesInput } from "../../../lib/view/site-model.ts";
import { testRegistry, testRelease } from "../../support/temp-project.ts";

const keys = new EmbargoKeys(Buffer.alloc(32, 5));
const embargo = { id: (identity: { locale: string; slug: string }) => keys.id(identity), media: new Map() };

function pages(releases: Release[], overrides: Partial<PagesInput> = {}) {
  return buildPages({
    registry: testRegistry,
    releases,
    releasesPerPage: 20,
    renderBody: (source) => `<p>${source}</p>`,
    firstParagraph: (source) => renderBody(source, { allowRawHtml: false }).firstParagraph,
    companies: new Map(),
    tagLabel: (_code, tag) => tag,
    onCompanyFallback: () => {},
    strings: () => ({}),
    absolute: (url) => `https://news.example/newsroom${url}`,
    siteName: () => "Newsroom",
    preview: false,
    searchVersion: "test",
    renditions: new Map(),
    attachmentType: (_code, kind) => kind,
    pages: [],
    t: (_code, key) => key,
    renderNote: (source) => source,
    pattern: (_code, _key, values) => Object.entries(values).map(([slot, text]) => ({ slot, text })),
    logos: new Map(),
    shareCard: () => undefined,
    embargo,
    ...overrides,
  });
}

const releases = [
  testRelease("en", "merger", "2026-05-01", { status: "scheduled", tags: ["only-here"] }),
  testRelease("zh", "merger", "2026-05-01", { status: "scheduled" }),
  testRelease("en", "quiet", "2026-05-01", { status: "draft" }),
  testRelease("en", "public", "2025-05-01"),
];

describe("embargoed previews", () => {
  it("are one per scheduled release and language, at the id derived for it, never for a draft", () => {
    const views = pages(releases).embargo.filter((v) => v.kind === "embargo-preview");
    expect(views.map((v) => v.url)).toEqual([
      `/embargo/${keys.id({ locale: "en", slug: "merger" })}/`,
      `/embargo/${keys.id({ locale: "zh", slug: "merger" })}/`,
    ]);
    const [en] = views;
    expect(en?.locale.code).toBe("en");
    expect(en?.release.html).toBe("<p># merger</p>");
    expect(en?.timeIso).toBe("2026-05-01");
  });

  it("link nowhere: no canonical, alternates or language switcher", () => {
    for (const view of pages(releases).embargo) {
      expect(view.canonical).toBeUndefined();
      expect(view.alternates).toEqual([]);
      expect(view.switcher).toEqual([]);
    }
  });

  it("send the reader on once the release is published, at the same address", () => {
    const released = pages(releases.map((r) => ({ ...r, status: "published" as const }))).embargo;
    const en = released.find((v) => v.url === `/embargo/${keys.id({ locale: "en", slug: "merger" })}/`);
    expect(en).toMatchObject({
      kind: "embargo-released",
      releaseUrl: "/en/releases/merger/",
      refreshUrl: "/newsroom/en/releases/merger/",
    });
  });

  it("are not made without the secret, or in a preview build", () => {
    expect(pages(releases, { embargo: undefined }).embargo).toEqual([]);
    expect(pages(releases, { preview: true }).embargo).toEqual([]);
  });
});

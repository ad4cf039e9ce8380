import { describe, expect, it } from "vitest";
import { changedPages, onlyContentChanged } from "../../../lib/dev/changed-pages.ts";
import type { SitePages } from "../../../lib/view/page-kinds.ts";

function pages(releaseTitles: Record<string, string>): SitePages {
  const none: never[] = [];
  return {
    preview: false,
    searchVersion: "v",
    chooser: none,
    listings: none,
    releases: Object.entries(releaseTitles).map(([url, title]) => ({ url, title })) as never,
    archives: none,
    search: none,
    offline: none,
    notFound: none,
    feeds: [{ atomUrl: "/en/feed.xml", entries: Object.values(releaseTitles) }] as never,
    embargo: none,
    sitemap: [{ url: "https://x/", alternates: [] }],
  };
}

describe("watch-mode rebuilds", () => {
  it("render every page the first time", () => {
    const { pages: first } = changedPages(pages({ "/a/": "A", "/b/": "B" }), undefined);
    expect(first.releases).toHaveLength(2);
  });

  it("render only pages whose view changed, keeping the full sitemap", () => {
    const { views } = changedPages(pages({ "/a/": "A", "/b/": "B" }), undefined);
    const { pages: next } = changedPages(pages({ "/a/": "A", "/b/": "B edited" }), views);
    expect(next.releases.map((r) => r.url)).toEqual(["/b/"]);
    expect(next.feeds).toHaveLength(1);
    expect(next.sitemap).toHaveLength(1);
  });

  it("apply only when nothing but releases or company data changed", () => {
    expect(onlyContentChanged(["./src/releases/en/a.md", "./_data/companies/acme.json"])).toBe(true);
    expect(onlyContentChanged(["./src/releases/en/a.md", "./_includes/layouts/base.njk"])).toBe(false);
    expect(onlyContentChanged(["./locales/zh/translation.json"])).toBe(false);
    expect(onlyContentChanged([])).toBe(false);
  });
});

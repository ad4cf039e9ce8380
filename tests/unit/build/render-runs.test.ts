import { describe, expect, it } from "vitest";
import { type RenderRun, renderRuns } from "../../../lib/build/render-runs.ts";
import { PAGE_KINDS, type SitePages } from "../../../lib/view/page-kinds.ts";

/** Views stand in as `{ id }`: renderRuns only counts and moves them. */
function sitePages(counts: Record<string, number>): SitePages {
  const pages: Record<string, unknown> = { preview: false, searchVersion: "v1" };
  for (const kind of PAGE_KINDS) {
    pages[kind.key] = Array.from({ length: counts[kind.key] ?? 0 }, (_, i) => ({ id: `${kind.key}-${i}` }));
  }
  return pages as SitePages;
}

const views = (pages: SitePages, key: string) =>
  (pages as unknown as Record<string, { id: string }[]>)[key] ?? [];

/** Pages a run writes: a feed view is two (Atom and JSON), the sitemap one page whatever its entries. */
function pagesWritten(run: RenderRun): number {
  return PAGE_KINDS.reduce((sum, kind) => {
    if ("onePage" in kind && kind.onePage)
      return sum + (kind.templates.some((t) => run.skipped.includes(t)) ? 0 : 1);
    return sum + views(run.pages, kind.key).length * kind.templates.length;
  }, 0);
}

describe("renderRuns", () => {
  it("renders a site that fits in one run, with the views as given and every template", () => {
    const pages = sitePages({ releases: 10, listings: 3, feeds: 2, sitemap: 15 });
    expect(renderRuns(pages, 100)).toEqual([{ pages, skipped: [], siteFiles: true }]);
    expect(renderRuns(pages, 100)[0]?.pages).toBe(pages);
  });

  it("writes every view once, in order, and no run more pages than the limit", () => {
    const pages = sitePages({ chooser: 1, listings: 7, releases: 23, archives: 2, feeds: 2, sitemap: 35 });
    const runs = renderRuns(pages, 10);
    expect(runs.length).toBeGreaterThan(3);
    for (const kind of PAGE_KINDS) {
      expect(runs.flatMap((run) => views(run.pages, kind.key))).toEqual(views(pages, kind.key));
    }
    for (const run of runs) {
      expect(pagesWritten(run)).toBeLessThanOrEqual(10);
      expect(run.pages.searchVersion).toBe("v1");
    }
  });

  it("counts a feed view as a page per template", () => {
    const runs = renderRuns(sitePages({ feeds: 3, sitemap: 1 }), 3);
    expect(runs.map((run) => views(run.pages, "feeds").length)).toEqual([1, 1, 1]);
    expect(runs.map(pagesWritten)).toEqual([3, 2, 2]);
  });

  it("puts the sitemap whole in the first run, with the files that are no page view", () => {
    const runs = renderRuns(sitePages({ releases: 12, sitemap: 12 }), 5);
    expect(views(runs[0]?.pages as SitePages, "sitemap")).toHaveLength(12);
    expect(runs.map((run) => run.siteFiles)).toEqual([true, false, false]);
    expect(runs.slice(1).every((run) => views(run.pages, "sitemap").length === 0)).toBe(true);
  });

  it("leaves out the templates a run has no view for, and robots.txt after the first run", () => {
    const [first, second] = renderRuns(sitePages({ listings: 2, releases: 6, sitemap: 8 }), 5);
    expect(first?.skipped).toContain("search.njk");
    expect(first?.skipped).not.toContain("listings.njk");
    expect(first?.skipped).not.toContain("release.njk");
    expect(first?.skipped).not.toContain("sitemap.njk");
    expect(first?.skipped).not.toContain("robots.njk");
    expect(second?.skipped).toContain("listings.njk");
    expect(second?.skipped).toContain("sitemap.njk");
    expect(second?.skipped).toContain("robots.njk");
    expect(second?.skipped).not.toContain("release.njk");
  });

  it("starts a new run only when one is full: a single view larger than the limit still gets a run", () => {
    const runs = renderRuns(sitePages({ releases: 2, feeds: 1, sitemap: 3 }), 1);
    expect(runs.map(pagesWritten)).toEqual([1, 1, 1, 2]);
  });
});

// `npm run build` renders a large site in several Eleventy runs, each given
// a share of the page views. Eleventy keeps every page it renders (its
// content before and after the layout) until its build ends, so one run
// over a ten-year archive holds the whole site in memory; runs of at most
// RUN_PAGES pages hold one share at a time, and the views themselves are the
// newsroom's, built once (docs/performance.md, Memory). Pages do not read
// each other's output (every link comes from the views), so a page is the
// same whichever run writes it.
//
// The first run also writes what is not a page view: static assets, the
// browser scripts, the editor at /admin/ and robots.txt
// (eleventy.config.ts). A kind of pages printed on one page (the sitemap)
// goes whole into the first run.
import { PAGE_KINDS, type PageKind, type SitePages } from "../view/page-kinds.ts";

/** Pages one Eleventy run writes at most (a kind's single page, such as the sitemap, counts as one). */
export const RUN_PAGES = 5000;

/** Templates under src/ that are no page kind: they print the site record, once, in the first run. */
const SITE_TEMPLATES = ["robots.njk"];

export interface RenderRun {
  /** The views this run writes: every kind is present, most empty in a run after the first. */
  pages: SitePages;
  /** Templates under src/ the run leaves out: those of kinds it has no view of, and after the first run the site's own. */
  skipped: string[];
  /** Writes what is no page view (assets, scripts, the editor, robots.txt): the first run. */
  siteFiles: boolean;
}

/**
 * The runs that write every page once, in PAGE_KINDS order, each of at
 * most `maxPages` pages (a view of a kind with several templates, the
 * feeds, writes a page per template). A site that fits is one run with
 * the views as given and every template.
 */
export function renderRuns(pages: SitePages, maxPages = RUN_PAGES): RenderRun[] {
  const kinds = PAGE_KINDS as readonly PageKind[];
  const empty = (): Record<string, unknown[]> => Object.fromEntries(kinds.map((kind) => [kind.key, []]));
  const runs: { views: Record<string, unknown[]>; count: number }[] = [{ views: empty(), count: 0 }];
  const first = runs[0] as (typeof runs)[number];
  for (const kind of kinds.filter((k) => k.onePage)) {
    first.views[kind.key] = [...(pages[kind.key as keyof SitePages] as readonly unknown[])];
    first.count += 1;
  }
  for (const kind of kinds.filter((k) => !k.onePage)) {
    const views = pages[kind.key as keyof SitePages] as readonly unknown[];
    for (const view of views) {
      let run = runs[runs.length - 1] as (typeof runs)[number];
      if (run.count > 0 && run.count + kind.templates.length > maxPages) {
        run = { views: empty(), count: 0 };
        runs.push(run);
      }
      (run.views[kind.key] as unknown[]).push(view);
      run.count += kind.templates.length;
    }
  }
  if (runs.length === 1) return [{ pages, skipped: [], siteFiles: true }];
  return runs.map((run, i) => ({
    pages: { ...run.views, preview: pages.preview, searchVersion: pages.searchVersion } as SitePages,
    skipped: [
      ...kinds
        .filter((kind) => !(kind.onePage && i === 0) && (run.views[kind.key] as unknown[]).length === 0)
        .flatMap((kind) => kind.templates),
      ...(i === 0 ? [] : SITE_TEMPLATES),
    ],
    siteFiles: i === 0,
  }));
}

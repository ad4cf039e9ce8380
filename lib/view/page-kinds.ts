// Every kind of page the site has, declared once: where templates find its
// views (`newsroom.<key>`), the templates under src/ that print them, the
// URLs they are written at, and the builder of its views (lib/view/pages.ts).
// The list drives buildPages, sitemap.xml, and which views `npm start`
// compares to rewrite only the pages an edit changed (lib/dev/changed-pages.ts);
// the URLs are the README's URL table, and tests/unit/view/page-kinds.test.ts
// keeps the two, and the templates, in step.
//
// Adding a page kind: an entry here with its builder, and a template in src/
// that paginates over `newsroom.<key>` with `alias: view`. (robots.txt
// prints the site record only, and is no page kind.)

import { embargoPages } from "./embargo-pages.ts";
import {
  archivePages,
  chooserPages,
  feedViews,
  listingPages,
  notFoundPages,
  offlinePages,
  releasePages,
  searchPages,
  sitemapEntry,
} from "./pages.ts";
import { type PagesInput, SiteModel } from "./site-model.ts";
import type { PageViewBase, SitemapEntry } from "./views.ts";

export interface PageKind<K extends string = string, V = unknown> {
  /** Templates read the views as `newsroom.<key>`. */
  key: K;
  /** Under src/. */
  templates: readonly string[];
  /** As the README's URL table writes them: `<locale>`, `<slug>`… stand for any value. */
  urls: readonly string[];
  build(model: SiteModel): readonly V[];
  /** Listed in sitemap.xml: only kinds of pages with a canonical URL may be. */
  inSitemap?: V extends PageViewBase ? boolean : never;
  /** One page prints every view (the sitemap); otherwise each view is a page. */
  onePage?: boolean;
}

function pageKind<K extends string, V>(kind: PageKind<K, V>): PageKind<K, V> {
  return kind;
}

/** The entries of sitemap.xml: every page of the kinds listed there, in the list's order. */
function sitemapEntries(model: SiteModel): SitemapEntry[] {
  return PAGE_KINDS.filter((kind) => kind.inSitemap).flatMap((kind) =>
    // pageKind() lets only kinds of page views be listed.
    (model.views(kind as PageKind) as readonly PageViewBase[]).map(sitemapEntry),
  );
}

export const PAGE_KINDS = [
  pageKind({ key: "chooser", templates: ["index.njk"], urls: ["/"], build: chooserPages, inSitemap: true }),
  pageKind({
    key: "listings",
    templates: ["listings.njk"],
    urls: [
      "/<locale>/",
      "/<locale>/page/2/",
      "/<locale>/archive/<year>/",
      "/<locale>/companies/<company>/",
      "/<locale>/tags/<tag>/",
    ],
    build: listingPages,
    inSitemap: true,
  }),
  pageKind({
    key: "releases",
    templates: ["release.njk"],
    urls: ["/<locale>/releases/<slug>/"],
    build: releasePages,
    inSitemap: true,
  }),
  pageKind({
    key: "archives",
    templates: ["archive.njk"],
    urls: ["/<locale>/archive/"],
    build: archivePages,
    inSitemap: true,
  }),
  pageKind({ key: "search", templates: ["search.njk"], urls: ["/<locale>/search/"], build: searchPages }),
  pageKind({ key: "offline", templates: ["offline.njk"], urls: ["/<locale>/offline/"], build: offlinePages }),
  pageKind({
    key: "notFound",
    templates: ["not-found.njk"],
    urls: ["/404.html", "/<locale>/404.html"],
    build: notFoundPages,
  }),
  pageKind({
    key: "feeds",
    templates: ["feeds/atom.njk", "feeds/json.njk"],
    urls: ["/<locale>/feed.xml", "/<locale>/feed.json"],
    build: feedViews,
  }),
  // Not in the sitemap, never linked: see lib/view/embargo-pages.ts.
  pageKind({ key: "embargo", templates: ["embargo.njk"], urls: ["/embargo/<id>/"], build: embargoPages }),
  pageKind({
    key: "sitemap",
    templates: ["sitemap.njk"],
    urls: ["/sitemap.xml"],
    build: sitemapEntries,
    onePage: true,
  }),
] as const;

type Kind = (typeof PAGE_KINDS)[number];

/** Every page's view, by page kind: what templates read as `newsroom`. */
export type SitePages = { [K in Kind as K["key"]]: ReturnType<K["build"]> } & {
  preview: boolean;
  /** Changes whenever what the search index holds may change (Pagefind's metaCacheTag). */
  searchVersion: string;
};

export function buildPages(input: PagesInput): SitePages {
  const model = new SiteModel(input);
  const pages: Record<string, unknown> = { preview: input.preview, searchVersion: input.searchVersion };
  for (const kind of PAGE_KINDS) pages[kind.key] = model.views(kind as PageKind);
  return pages as SitePages;
}

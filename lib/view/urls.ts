// Every site URL is made here, without the path prefix: Eleventy's base
// plugin adds the prefix to links in the written HTML, and absolute URLs
// (feeds, sitemap, structured data) are made by `absoluteUrl` below.
import type { Locale } from "../i18n/locales.ts";

export const rootUrl = (): string => "/";

const base = (locale: Locale) => `/${locale.urlSegment}/`;

/** Page N of a paginated list whose first page is at `first`. */
export function pageUrl(first: string, pageNumber: number): string {
  return pageNumber <= 1 ? first : `${first}page/${pageNumber}/`;
}

export const homeUrl = (locale: Locale, pageNumber = 1): string => pageUrl(base(locale), pageNumber);
export const releaseUrl = (locale: Locale, slug: string): string => `${base(locale)}releases/${slug}/`;
export const searchUrl = (locale: Locale): string => `${base(locale)}search/`;
export const offlineUrl = (locale: Locale): string => `${base(locale)}offline/`;
export const notFoundUrl = (locale: Locale): string => `${base(locale)}404.html`;
export const archiveUrl = (locale: Locale): string => `${base(locale)}archive/`;
export const yearUrl = (locale: Locale, year: number): string => `${base(locale)}archive/${year}/`;
export const companyUrl = (locale: Locale, segment: string): string => `${base(locale)}companies/${segment}/`;
export const tagUrl = (locale: Locale, segment: string): string => `${base(locale)}tags/${segment}/`;
export const atomFeedUrl = (locale: Locale): string => `${base(locale)}feed.xml`;
export const jsonFeedUrl = (locale: Locale): string => `${base(locale)}feed.json`;
/**
 * An embargoed preview (lib/embargo/): outside every locale folder, so no
 * listing, feed, sitemap, search index or precache pattern reaches it; robots.txt disallows the folder.
 */
export const EMBARGO_SEGMENT = "embargo";
export const embargoUrl = (id: string): string => `/${EMBARGO_SEGMENT}/${id}/`;

/** Site URL + path prefix + a root-relative URL. */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  return new URL(`${prefix}${url.replace(/^\//, "")}`, `${siteUrl}/`).href;
}

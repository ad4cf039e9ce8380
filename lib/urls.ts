// Every site URL is made here, without the path prefix: Eleventy's base
// plugin adds the prefix to links in the written HTML.
import type { Locale } from "./locales.ts";

export const rootUrl = (): string => "/";

export function homeUrl(locale: Locale, pageNumber = 1): string {
  return pageNumber <= 1 ? `/${locale.urlSegment}/` : `/${locale.urlSegment}/page/${pageNumber}/`;
}

export function releaseUrl(locale: Locale, slug: string): string {
  return `/${locale.urlSegment}/releases/${slug}/`;
}

export function searchUrl(locale: Locale): string {
  return `/${locale.urlSegment}/search/`;
}

export function offlineUrl(locale: Locale): string {
  return `/${locale.urlSegment}/offline/`;
}

export function assetUrl(name: string): string {
  return `/assets/${name}`;
}

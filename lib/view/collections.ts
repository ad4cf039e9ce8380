// Ordering, pairing and paging of published releases. Each is computed once
// per build in O(n) or O(n log n), never per page.
import type { Release } from "../content/load.ts";

/** Newest first; releases at the same instant keep a stable order by slug. */
export function sortNewestFirst(releases: readonly Release[]): Release[] {
  return [...releases].sort(
    (a, b) => b.time.dateTime.toMillis() - a.time.dateTime.toMillis() || a.slug.localeCompare(b.slug),
  );
}

export function groupByLocale(releases: readonly Release[]): Map<string, Release[]> {
  const groups = new Map<string, Release[]>();
  for (const release of releases) {
    const list = groups.get(release.locale);
    if (list) list.push(release);
    else groups.set(release.locale, [release]);
  }
  return groups;
}

/** Maps a translation key to its versions, one per locale. */
export function pairTranslations(releases: readonly Release[]): Map<string, Map<string, Release>> {
  const pairs = new Map<string, Map<string, Release>>();
  for (const release of releases) {
    let versions = pairs.get(release.translationKey);
    if (!versions) {
      versions = new Map();
      pairs.set(release.translationKey, versions);
    }
    versions.set(release.locale, release);
  }
  return pairs;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  // An empty locale still gets a home page that says so.
  return pages.length > 0 ? pages : [[]];
}

export interface Neighbours {
  newer: Release | undefined;
  older: Release | undefined;
}

/** For a newest-first list, each release's neighbours in the same list. */
export function neighbours(sorted: readonly Release[]): Map<Release, Neighbours> {
  const result = new Map<Release, Neighbours>();
  sorted.forEach((release, i) => {
    result.set(release, { newer: sorted[i - 1], older: sorted[i + 1] });
  });
  return result;
}

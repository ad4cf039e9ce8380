// Groups a locale's published releases into archive lists: by year, by
// company and by tag. Each group keeps the newest-first order it is given.
import type { Release } from "../content/load.ts";

export interface ArchiveGroup {
  /** The year, the company value (key or plain name) or the tag. */
  value: string;
  releases: Release[];
}

function groupBy(sorted: readonly Release[], keysOf: (r: Release) => string[]): ArchiveGroup[] {
  const groups = new Map<string, Release[]>();
  for (const release of sorted) {
    for (const key of keysOf(release)) {
      const list = groups.get(key);
      if (list) list.push(release);
      else groups.set(key, [release]);
    }
  }
  return [...groups].map(([value, releases]) => ({ value, releases }));
}

export function byYear(sorted: readonly Release[]): ArchiveGroup[] {
  return groupBy(sorted, (r) => [String(r.time.dateTime.year)]).sort((a, b) =>
    b.value.localeCompare(a.value),
  );
}

export function byCompany(sorted: readonly Release[]): ArchiveGroup[] {
  return groupBy(sorted, (r) => (r.company ? [r.company] : []));
}

export function byTag(sorted: readonly Release[]): ArchiveGroup[] {
  return groupBy(sorted, (r) => [...new Set(r.tags)]);
}

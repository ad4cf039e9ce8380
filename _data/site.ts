// Site settings: the only place they live. The site's name and every other
// visible string are in locales/<code>/translation.json.
import { defineSite } from "../lib/content/site.ts";

export default defineSite({
  // Absolute address of the deployed site; SITE_URL overrides it.
  url: "https://newsroom.example.com",
  // Date-only release times are calendar dates in this zone.
  timeZone: "Asia/Shanghai",
  releasesPerPage: 20,
  // Megabytes the search indexer may use; the index is built in parts, as
  // many at once as fit (see docs/performance.md). SEARCH_INDEX_MEMORY overrides it.
  searchIndexMemory: 1024,
  // true publishes HTML typed into release bodies as written, scripts
  // included; false keeps only safe markup and warns about the rest (see
  // allowRawHtml in lib/content/site.ts).
  allowRawHtml: false,
});

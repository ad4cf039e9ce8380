// Site settings: the only place they live. The site's name and every other
// visible string are in locales/<code>/translation.json.
import { defineSite } from "../lib/content/site.ts";

export default defineSite({
  // Absolute address of the deployed site; SITE_URL overrides it.
  url: "https://newsroom.example.com",
  // Date-only release times are calendar dates in this zone.
  timeZone: "Asia/Shanghai",
  releasesPerPage: 20,
  // true builds the search index one language after another: slower, but
  // with less memory at its peak (see docs/performance.md).
  indexOneLanguageAtATime: false,
  // true publishes HTML typed into release bodies as written, scripts
  // included; false keeps only safe markup and warns about the rest (see
  // allowRawHtml in lib/content/site.ts).
  allowRawHtml: false,
});

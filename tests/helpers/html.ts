import * as cheerio from "cheerio";
import type { FixtureSite } from "./fixture-site.ts";

/** Loads a built page of a fixture site for assertions. */
export function page(site: FixtureSite, url: string, outputDir = "_site"): cheerio.CheerioAPI {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return cheerio.load(site.read(`${outputDir}${file}`));
}

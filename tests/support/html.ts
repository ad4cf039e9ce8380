import * as cheerio from "cheerio";
import type { FixtureSite } from "./fixture-site.ts";

/** Loads a built page of a fixture site for assertions. */
export function page(site: FixtureSite, url: string, outputDir = "_site"): cheerio.CheerioAPI {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return cheerio.load(site.read(`${outputDir}${file}`));
}

/** "hreflang href" of each element `selector` matches on a built page: language links and alternates. */
export function hreflangLinks(site: FixtureSite, url: string, selector: string): string[] {
  const $ = page(site, url);
  return $(selector)
    .toArray()
    .map((el) => `${$(el).attr("hreflang")} ${$(el).attr("href")}`);
}

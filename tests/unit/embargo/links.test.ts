// What `npm run embargo:links` lists: scheduled releases only, each with
// its private link under the site address and path prefix.
import { describe, expect, it } from "vitest";
import { embargoLinks, formatLinks } from "../../../lib/embargo/links.ts";
import { EmbargoKeys } from "../../../lib/embargo/seal.ts";
import { testRelease } from "../../support/temp-project.ts";

const keys = new EmbargoKeys(Buffer.alloc(32, 6));
const site = { url: "https://news.example", pathPrefix: "/newsroom/" };

describe("embargo links", () => {
  const releases = [
    testRelease("zh", "merger", "2026-05-01T10:00:00+08:00", { status: "scheduled", title: "并购" }),
    testRelease("en", "merger", "2026-05-01T10:00:00+08:00", { status: "scheduled", title: "Merger" }),
    testRelease("en", "quiet", "2026-04-01", { status: "draft" }),
    testRelease("en", "public", "2025-05-01"),
  ];

  it("list each scheduled release per language with its link and fragment, drafts never", () => {
    const links = embargoLinks(releases, site, keys);
    expect(links.map((l) => `${l.locale} ${l.title}`)).toEqual(["en Merger", "zh 并购"]);
    const en = { locale: "en", slug: "merger" };
    expect(links[0]?.link).toBe(`https://news.example/newsroom/embargo/${keys.id(en)}/#${keys.fragment(en)}`);
    expect(links[0]?.releaseTime).toBe("2026-05-01T10:00:00+08:00");
  });

  it("print as text with title, release time and link, or say there is nothing", () => {
    const text = formatLinks(embargoLinks(releases, site, keys), "2026-01-01T00:00:00+08:00");
    expect(text).toContain("Merger");
    expect(text).toContain("2026-05-01T10:00:00+08:00");
    expect(text).toContain("#k=");
    expect(formatLinks([], "2026-01-01T00:00:00+08:00")).toMatch(/nothing under embargo/);
  });
});

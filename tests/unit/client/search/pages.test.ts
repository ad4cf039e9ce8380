// @vitest-environment happy-dom
// The "pages" group above search results (lib/client/search/pages.ts):
// which of the newsroom's own pages a query names, and how they are shown.
import { describe, expect, it } from "vitest";
import { MAX_PAGES, matchingPages, type PageLink, showPages } from "../../../../lib/client/search/pages.ts";

const pages: PageLink[] = [
  { title: "Media contacts", url: "/en/contacts/", terms: "Acme Power 艾克姆电力 新闻联络" },
  { title: "Acme Power", url: "/en/companies/acme/", terms: "acme Acme Power 艾克姆电力" },
  { title: "About us", url: "/en/about/", terms: "Who publishes here" },
];

describe("pages a query names", () => {
  it("are those whose title or terms hold every word, in any case, Han text as written", () => {
    expect(matchingPages(pages, "contacts").map((p) => p.url)).toEqual(["/en/contacts/"]);
    expect(matchingPages(pages, "ACME power").map((p) => p.url)).toEqual([
      "/en/contacts/",
      "/en/companies/acme/",
    ]);
    expect(matchingPages(pages, "艾克姆").map((p) => p.url)).toEqual([
      "/en/contacts/",
      "/en/companies/acme/",
    ]);
    expect(matchingPages(pages, "who publishes").map((p) => p.url)).toEqual(["/en/about/"]);
    expect(matchingPages(pages, "acme about")).toEqual([]);
  });

  it("are none for a blank query, and at most a few", () => {
    expect(matchingPages(pages, "   ")).toEqual([]);
    const many = Array.from({ length: MAX_PAGES + 3 }, (_, i) => ({
      title: `Page ${i}`,
      url: `/p${i}/`,
      terms: "",
    }));
    expect(matchingPages(many, "page")).toHaveLength(MAX_PAGES);
  });

  it("are shown as text links, and the group hidden when none match", () => {
    const group = document.createElement("nav");
    group.innerHTML = "<h2>Pages</h2><ul></ul>";
    showPages(group, [{ title: "<img src=x onerror=alert(1)>", url: "/en/about/", terms: "" }]);
    expect(group.hidden).toBe(false);
    expect(group.querySelector("a")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(group.querySelector("img")).toBeNull();
    showPages(group, []);
    expect(group.hidden).toBe(true);
    expect(group.querySelectorAll("li")).toHaveLength(0);
  });
});

// The list of page kinds (lib/view/page-kinds.ts) is where the README's URL
// table, the templates and the builders meet; these tests keep them in step.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Release } from "../../../lib/content/load.ts";
import { renderBody } from "../../../lib/content/markdown.ts";
import { splitPattern } from "../../../lib/i18n/translator.ts";
import { buildPages, PAGE_KINDS, reservedSlugs } from "../../../lib/view/page-kinds.ts";
import { testPage, testRegistry, testRelease } from "../../support/temp-project.ts";

const release = (locale: string, slug: string, releaseTime: string, extra: Partial<Release> = {}) =>
  testRelease(locale, slug, releaseTime, { body: slug, ...extra });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The code spans in the URL column of the README's "URLs" table. */
function documentedUrls(): string[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^### URLs$/m)[1]?.split(/^#{1,3} /m)[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("|"));
  return rows
    .slice(2)
    .flatMap((row) => [...(row.split("|")[2] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ""));
}

/** Templates under src/ (release files aside), relative to src/. */
function templates(dir = path.join(root, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "releases" ? [] : templates(file);
    return entry.name.endsWith(".njk")
      ? [path.relative(path.join(root, "src"), file).split(path.sep).join("/")]
      : [];
  });
}

/** `<locale>` and the like stand for one URL segment; `page/2/` for any page; a list may have pages. */
function urlPattern(documented: string): RegExp {
  const escaped = documented.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = escaped.replace(/<[a-z]+>/g, "[^/]+").replace("page/2/", "page/\\d+/");
  return new RegExp(`^${source}${documented.endsWith("/") ? "(page/\\d+/)?" : ""}$`);
}

describe("page kinds", () => {
  it("each have their URLs in the README's URL table", () => {
    const documented = documentedUrls();
    expect(documented.length).toBeGreaterThan(0);
    const missing = PAGE_KINDS.flatMap((kind) =>
      kind.urls
        .filter((url) => !documented.some((d) => d === url || d.startsWith(`${url}?`)))
        .map((url) => `${kind.key}: ${url}`),
    );
    expect(missing).toEqual([]);
  });

  it("each name the templates that read their views, and every such template is named", () => {
    const keys = new Set<string>(PAGE_KINDS.map((kind) => kind.key));
    const readers = templates().flatMap((template) => {
      const text = readFileSync(path.join(root, "src", template), "utf8");
      const read = new Set([...text.matchAll(/newsroom\.(\w+)/g)].map((m) => m[1] ?? ""));
      return [...read].filter((key) => keys.has(key)).map((key) => `${key}: ${template}`);
    });
    const declared = PAGE_KINDS.flatMap((kind) =>
      kind.templates.map((template) => `${kind.key}: ${template}`),
    );
    expect(readers.sort()).toEqual(declared.sort());
  });

  it("reserve the first URL segments a static page may not take", () => {
    expect(reservedSlugs()).toEqual(
      expect.arrayContaining([
        "archive",
        "companies",
        "contacts",
        "page",
        "releases",
        "search",
        "tags",
        "offline",
      ]),
    );
    expect(reservedSlugs()).not.toContain("<slug>");
  });

  it("are written at the URLs they declare, each URL used", () => {
    const pages = buildPages({
      registry: testRegistry,
      releases: [
        release("en", "first", "2025-01-01", { company: "acme", tags: ["solar"] }),
        release("en", "second", "2025-02-01"),
        release("en", "third", "2025-03-01"),
        release("zh", "first", "2025-01-01", { company: "acme", tags: ["solar"] }),
        release("en", "later", "2025-04-01", { status: "scheduled" }),
      ],
      releasesPerPage: 2,
      renderBody: (source) => source,
      firstParagraph: (source) => renderBody(source, { allowRawHtml: false }).firstParagraph,
      companies: new Map(),
      tagLabel: (_code, tag) => tag,
      onCompanyFallback: () => {},
      strings: () => ({}),
      absolute: (url) => `https://news.example${url}`,
      siteName: () => "Newsroom",
      preview: false,
      searchVersion: "test",
      renditions: new Map(),
      attachmentType: (_code, kind) => kind,
      pages: [testPage("en", "about")],
      // "key|{{a}}|{{b}}": each value where the bundle's pattern would put it.
      pattern: (_code, key, values) =>
        splitPattern([key, ...Object.keys(values).map((name) => `\u0000${name}\u0000`)].join("|"), values),
      renderNote: (source) => source,
      t: (_code, key) => key,
      logos: new Map(),
      shareCard: () => undefined,
      embargo: { id: (r) => `${r.locale}${r.slug}`, media: new Map() },
    });
    const checked: string[] = [];
    for (const kind of PAGE_KINDS) {
      const views: readonly object[] = pages[kind.key];
      const urls = views.map((view) => ("url" in view ? view.url : undefined));
      // Feed and sitemap views hold absolute URLs of other things, not their own.
      if (!urls.every((url): url is string => typeof url === "string" && url.startsWith("/"))) continue;
      checked.push(kind.key);
      const patterns = kind.urls.map(urlPattern);
      expect(
        urls.filter((url) => !patterns.some((p) => p.test(url))),
        kind.key,
      ).toEqual([]);
      expect(
        kind.urls.filter((_url, i) => !urls.some((url) => patterns[i]?.test(url))),
        kind.key,
      ).toEqual([]);
    }
    expect(checked).toEqual([
      "chooser",
      "listings",
      "releases",
      "archives",
      "contacts",
      "staticPages",
      "search",
      "offline",
      "notFound",
      "embargo",
    ]);
  });
});

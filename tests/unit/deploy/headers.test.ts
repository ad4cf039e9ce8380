// The `_headers` rules a build writes: every served file matched by exactly
// one rule (hosts join or drop headers two rules set), long caching only for
// Pagefind's content-hashed files, no-cache for pages and sw.js, the policy
// on every path, the path prefix in every rule, and sections that replace
// the site's headers under a folder.
import { describe, expect, it } from "vitest";
import {
  formatHeadersFile,
  type HeaderRule,
  headerRules,
  sectionsFor,
  siteHeaders,
} from "../../../lib/deploy/headers.ts";
import { headersForPath, parseHeadersFile, ruleMatches } from "../../../lib/deploy/headers-file.ts";

const FILES = [
  "index.html",
  "404.html",
  "sw.js",
  "robots.txt",
  "sitemap.xml",
  ".pressroom-output",
  "assets/site.css",
  "assets/search.js",
  "en/index.html",
  "en/releases/launch/index.html",
  "en/search/index.html",
  "zh/index.html",
  "media/abc123-320.webp",
  "pagefind/pagefind.js",
  "pagefind/pagefind-worker.js",
  "pagefind/pagefind-entry.json",
  "pagefind/wasm.en.pagefind",
  "pagefind/wasm.unknown.pagefind",
  "pagefind/pagefind.en_c3ce292418.pf_meta",
  "pagefind/pagefind.zh-cn_ea53be774c4b7.pf_meta",
  "pagefind/fragment/en_1a2b3c4.pf_fragment",
  "pagefind/index/en_de96fc5.pf_index",
  "pagefind/filter/en_0f0f0f0.pf_filter",
];

const site = { pathPrefix: "/", allowRawHtml: false };

/** The URL paths a visitor may ask for: each file, and each folder holding an index.html. */
function requestPaths(prefix: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const paths = [`${prefix}${file}`];
    if (file.endsWith("index.html")) paths.push(`${prefix}${file.slice(0, -"index.html".length)}`);
    return paths;
  });
}

function matching(rules: readonly HeaderRule[], urlPath: string): HeaderRule[] {
  return rules.filter((rule) => ruleMatches(rule.path, urlPath));
}

describe("header rules of a built site", () => {
  const rules = headerRules(FILES, site);
  const served = FILES.filter((file) => !file.startsWith("."));

  it("match every path a visitor may ask for with exactly one rule", () => {
    for (const urlPath of requestPaths("/", served)) {
      expect(
        matching(rules, urlPath).map((r) => r.path),
        urlPath,
      ).toHaveLength(1);
    }
  });

  it("send the policy, nosniff and a referrer policy with every file", () => {
    for (const urlPath of requestPaths("/", served)) {
      const headers = headersForPath(rules, urlPath);
      expect(headers["Content-Security-Policy"], urlPath).toBe(siteHeaders(site)["Content-Security-Policy"]);
      expect(headers["X-Content-Type-Options"], urlPath).toBe("nosniff");
      expect(headers["Referrer-Policy"], urlPath).toBeTruthy();
    }
  });

  it("cache only Pagefind's content-hashed files for good", () => {
    const immutable = requestPaths("/", served).filter((urlPath) =>
      /immutable/.test(headersForPath(rules, urlPath)["Cache-Control"] ?? ""),
    );
    expect(immutable.sort()).toEqual([
      "/pagefind/filter/en_0f0f0f0.pf_filter",
      "/pagefind/fragment/en_1a2b3c4.pf_fragment",
      "/pagefind/index/en_de96fc5.pf_index",
      "/pagefind/pagefind.en_c3ce292418.pf_meta",
      "/pagefind/pagefind.zh-cn_ea53be774c4b7.pf_meta",
    ]);
    for (const name of ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"]) {
      expect(headersForPath(rules, `/pagefind/${name}`)["Cache-Control"], name).toBe("no-cache");
    }
  });

  it("make pages and the service worker check with the host on every use", () => {
    for (const urlPath of ["/", "/index.html", "/en/", "/en/releases/launch/", "/404.html", "/sw.js"]) {
      expect(headersForPath(rules, urlPath)["Cache-Control"], urlPath).toBe("no-cache");
    }
  });

  it("keep embargoed previews out of referrers and search engines, with the site's policy", () => {
    const headers = headersForPath(rules, "/embargo/abc123/");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Robots-Tag"]).toBe("noindex, nofollow");
    // The site's policy, with blob: URLs for the opened media kit.
    const policy = siteHeaders(site)["Content-Security-Policy"] ?? "";
    expect(headers["Content-Security-Policy"]).toBe(
      policy
        .replace("img-src 'self' https:", "img-src 'self' https: blob:")
        .replace("connect-src 'self'", "connect-src 'self' blob:"),
    );
    expect(matching(rules, "/embargo/abc123/")).toHaveLength(1);
  });

  it("leave out the build's marker and the headers file itself", () => {
    expect(headerRules([...FILES, "_headers"], site)).toEqual(rules);
    expect(rules.some((rule) => rule.path.includes(".pressroom-output"))).toBe(false);
  });
});

describe("header rules under a path prefix", () => {
  const rules = headerRules(FILES, { ...site, pathPrefix: "/newsroom/" });

  it("start every rule with the prefix and still match each path once", () => {
    expect(rules.every((rule) => rule.path.startsWith("/newsroom/"))).toBe(true);
    for (const urlPath of requestPaths(
      "/newsroom/",
      FILES.filter((f) => !f.startsWith(".")),
    )) {
      expect(
        matching(rules, urlPath).map((r) => r.path),
        urlPath,
      ).toHaveLength(1);
    }
    expect(headersForPath(rules, "/newsroom/embargo/x/")["Referrer-Policy"]).toBe("no-referrer");
    expect(matching(rules, "/en/")).toEqual([]);
  });
});

describe("a section added for a folder", () => {
  const admin = {
    path: "admin/",
    headers: { "Content-Security-Policy": "default-src 'self' 'unsafe-eval'" },
  };

  it("replaces the site's policy there, whether or not the build wrote the folder, and only there", () => {
    for (const files of [FILES, [...FILES, "admin/index.html", "admin/config.yml"]]) {
      const rules = headerRules(files, site, [...sectionsFor(files, site), admin]);
      expect(matching(rules, "/admin/")).toHaveLength(1);
      expect(headersForPath(rules, "/admin/")["Content-Security-Policy"]).toBe(
        admin.headers["Content-Security-Policy"],
      );
      expect(headersForPath(rules, "/admin/")["X-Content-Type-Options"]).toBe("nosniff");
      expect(headersForPath(rules, "/en/")["Content-Security-Policy"]).toBe(
        siteHeaders(site)["Content-Security-Policy"],
      );
    }
  });

  it("splits a folder that holds it into rules that do not overlap", () => {
    const nested = { path: "en/embargo/", headers: { "X-Robots-Tag": "noindex" } };
    const rules = headerRules(FILES, site, [...sectionsFor(FILES, site), nested]);
    expect(rules.some((rule) => rule.path === "/en/*")).toBe(false);
    for (const urlPath of [
      ...requestPaths(
        "/",
        FILES.filter((f) => !f.startsWith(".")),
      ),
      "/en/embargo/x/",
    ]) {
      expect(
        matching(rules, urlPath).map((r) => r.path),
        urlPath,
      ).toHaveLength(1);
    }
    expect(headersForPath(rules, "/en/embargo/x/")["X-Robots-Tag"]).toBe("noindex");
    expect(headersForPath(rules, "/en/releases/launch/")["X-Robots-Tag"]).toBeUndefined();
  });
});

describe("the _headers file", () => {
  it("reads back as the rules it was written from", () => {
    const rules = headerRules(FILES, { ...site, pathPrefix: "/newsroom/" });
    expect(parseHeadersFile(formatHeadersFile(rules), "_site/_headers")).toEqual(rules);
  });

  it("percent-encodes a file name in a rule as a browser asks for it", () => {
    const rules = headerRules(["index.html", "pagefind/fragment/a.pf_fragment", "pagefind/新 闻.txt"], site);
    expect(rules.map((r) => r.path)).toContain("/pagefind/%E6%96%B0%20%E9%97%BB.txt");
  });
});

// Reading `_headers` back for `npm run serve`: rules and comments, repeated
// headers, and a broken line named by file and line number.
import { describe, expect, it } from "vitest";
import {
  HeadersFileError,
  headersForPath,
  parseHeadersFile,
  ruleMatches,
} from "../../../lib/deploy/headers-file.ts";

describe("parseHeadersFile", () => {
  it("reads paths, their indented headers and skips comments and blank lines", () => {
    const text = "# comment\n\n/en/*\n  X-A: 1\n  X-B: two: parts\n\n/sw.js\r\n  Cache-Control: no-cache\r\n";
    expect(parseHeadersFile(text, "_headers")).toEqual([
      { path: "/en/*", headers: { "X-A": "1", "X-B": "two: parts" } },
      { path: "/sw.js", headers: { "Cache-Control": "no-cache" } },
    ]);
  });

  it("joins a header repeated in one rule with a comma", () => {
    expect(
      parseHeadersFile("/*\n  Cache-Control: no-cache\n  Cache-Control: no-store\n", "_headers"),
    ).toEqual([{ path: "/*", headers: { "Cache-Control": "no-cache, no-store" } }]);
  });

  it.each([
    ["en/*\n  X-A: 1\n", "_site/_headers: line 1: expected a path starting with /"],
    ["  X-A: 1\n", "_site/_headers: line 1: a header comes before any path"],
    ["/en/*\n  not a header\n", '_site/_headers: line 2: expected "Name: value"'],
  ])("refuses %j, naming file and line", (text, message) => {
    expect(() => parseHeadersFile(text, "_site/_headers")).toThrow(HeadersFileError);
    expect(() => parseHeadersFile(text, "_site/_headers")).toThrow(message);
  });
});

describe("matching a request path", () => {
  it("matches a folder rule below the folder and a file rule only itself", () => {
    expect(ruleMatches("/en/*", "/en/")).toBe(true);
    expect(ruleMatches("/en/*", "/en/releases/a/")).toBe(true);
    expect(ruleMatches("/en/*", "/english/")).toBe(false);
    expect(ruleMatches("/sw.js", "/sw.js")).toBe(true);
    expect(ruleMatches("/sw.js", "/sw.js.map")).toBe(false);
    expect(ruleMatches("/", "/")).toBe(true);
    expect(ruleMatches("/", "/en/")).toBe(false);
  });

  it("joins a header two matching rules set, as Cloudflare Pages does, so an overlap shows", () => {
    const rules = [
      { path: "/*", headers: { "Content-Security-Policy": "default-src 'self'" } },
      { path: "/admin/*", headers: { "Content-Security-Policy": "default-src *" } },
    ];
    expect(headersForPath(rules, "/admin/")["Content-Security-Policy"]).toBe(
      "default-src 'self', default-src *",
    );
    expect(headersForPath(rules, "/en/")["Content-Security-Policy"]).toBe("default-src 'self'");
  });
});

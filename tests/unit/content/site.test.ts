import { describe, expect, it } from "vitest";
import { defineSite } from "../../../lib/content/site.ts";
import {
  normalizePathPrefix,
  pathPrefixProblem,
  siteOrigin,
  siteUrlProblem,
} from "../../../lib/content/site-address.ts";
import { problemsThrownBy } from "../../support/temp-project.ts";

const settingProblems = (input: Parameters<typeof defineSite>[0], env: NodeJS.ProcessEnv = {}) =>
  problemsThrownBy(() => defineSite(input, env));

describe("the site record", () => {
  it("takes its defaults and lets the environment override the address and prefix", () => {
    expect(defineSite({ url: "https://news.example/" }, {})).toEqual({
      url: "https://news.example",
      timeZone: "Asia/Shanghai",
      releasesPerPage: 20,
      pathPrefix: "/",
      searchIndexMemory: 1024,
      allowRawHtml: false,
    });
    expect(
      defineSite(
        { url: "https://news.example" },
        { SITE_URL: "https://preview.example", PATH_PREFIX: "newsroom" },
      ),
    ).toMatchObject({ url: "https://preview.example", pathPrefix: "/newsroom/" });
  });

  it("names the file and field of a bad setting", () => {
    expect(() => defineSite({ url: "https://news.example", timeZone: "Mars/Olympus" }, {})).toThrow(
      "_data/site.ts: timeZone: expected an IANA time zone such as Asia/Shanghai",
    );
    expect(() => defineSite({ url: "https://news.example", searchIndexMemory: 100 }, {})).toThrow(
      "_data/site.ts: searchIndexMemory: expected at least 256 (megabytes)",
    );
    expect(
      defineSite({ url: "https://news.example" }, { SEARCH_INDEX_MEMORY: "4096" }).searchIndexMemory,
    ).toBe(4096);
    expect(() => defineSite({ url: "https://news.example" }, { SEARCH_INDEX_MEMORY: "lots" })).toThrow(
      "environment variable SEARCH_INDEX_MEMORY: searchIndexMemory: ",
    );
  });

  it("names the environment variable when the bad value came from it", () => {
    expect(() => defineSite({ url: "https://news.example" }, { SITE_URL: "not a url" })).toThrow(
      /^ {2}- environment variable SITE_URL: url: expected an absolute URL/m,
    );
    expect(() => defineSite({ url: "https://news.example" }, { PATH_PREFIX: "a b" })).toThrow(
      /^ {2}- environment variable PATH_PREFIX: pathPrefix: expected a path/m,
    );
  });

  it("reports every bad setting at once, one line each, under one summary", () => {
    const bad = () =>
      defineSite({ url: "ftp://news.example", timeZone: "Mars/Olympus" }, { PATH_PREFIX: "../../etc" });
    expect(bad).toThrow(/^3 problems in the site settings; nothing was built\.$/m);
    expect(
      settingProblems(
        { url: "ftp://news.example", timeZone: "Mars/Olympus" },
        { PATH_PREFIX: "../../etc" },
      ).map((line) => line.split(" | ").slice(0, 2).join(": ")),
    ).toEqual([
      "_data/site.ts: url",
      "_data/site.ts: timeZone",
      "environment variable PATH_PREFIX: pathPrefix",
    ]);
  });
});

describe("the site address", () => {
  it("takes http and https addresses, as their origin", () => {
    expect(siteUrlProblem("https://newsroom.example.com")).toBeUndefined();
    expect(siteUrlProblem("http://localhost:8080/")).toBeUndefined();
    expect(siteOrigin("HTTPS://News.Example.com:443/")).toBe("https://news.example.com");
    expect(defineSite({ url: "https://news.example:8443/" }, {}).url).toBe("https://news.example:8443");
  });

  it("refuses other schemes, naming the scheme and the setting", () => {
    expect(settingProblems({ url: "https://news.example" }, { SITE_URL: "ftp://news.example" })).toEqual([
      'environment variable SITE_URL | url | expected an absolute URL starting with https:// or http://, such as https://newsroom.example.com; "ftp:" is not a web address',
    ]);
    expect(settingProblems({ url: "javascript:alert(1)" })).toEqual([
      '_data/site.ts | url | expected an absolute URL starting with https:// or http://, such as https://newsroom.example.com; "javascript:" is not a web address',
    ]);
    expect(siteUrlProblem("data:text/html,hi")).toContain('"data:" is not a web address');
    expect(siteUrlProblem("newsroom.example.com")).toBe(
      "expected an absolute URL such as https://newsroom.example.com",
    );
  });

  it("refuses a path, pointing at the path prefix, so every absolute URL has the path in one place", () => {
    expect(
      settingProblems({ url: "https://news.example" }, { SITE_URL: "https://news.example/newsroom" }),
    ).toEqual([
      'environment variable SITE_URL | url | expected an absolute URL without a path, such as https://newsroom.example.com; put the path in the path prefix instead (pathPrefix: "/newsroom/" in _data/site.ts, or PATH_PREFIX=/newsroom/)',
    ]);
    expect(settingProblems({ url: "https://news.example/a/b/" })[0]).toMatch(
      /^_data\/site\.ts \| url \| .*pathPrefix: "\/a\/b\/"/,
    );
  });

  it("refuses credentials, queries and fragments", () => {
    expect(siteUrlProblem("https://user:secret@news.example")).toContain("without a user name or password");
    expect(siteUrlProblem("https://news.example/?utm=1")).toContain('without "?" or "#"');
    expect(siteUrlProblem("https://news.example/#top")).toContain('without "?" or "#"');
  });
});

describe("the path prefix", () => {
  it("takes plain folder names", () => {
    for (const prefix of ["/", "/newsroom/", "/press/2025_en/", "/v1.2/news-room/"]) {
      expect(pathPrefixProblem(prefix), prefix).toBeUndefined();
    }
    expect(normalizePathPrefix("newsroom")).toBe("/newsroom/");
    expect(normalizePathPrefix("//a/b//")).toBe("/a/b/");
    expect(normalizePathPrefix("/")).toBe("/");
  });

  it("refuses . and .., empty names and anything a URL would have to escape", () => {
    expect(settingProblems({ url: "https://news.example" }, { PATH_PREFIX: "../../etc" })).toEqual([
      'environment variable PATH_PREFIX | pathPrefix | expected a path such as "/" or "/newsroom/": folder names of letters, digits, "-", "_" and "."; ".." is not a folder name',
    ]);
    expect(pathPrefixProblem("/a/./b/")).toContain('"." is not a folder name');
    expect(pathPrefixProblem("/a//b/")).toContain('"//" leaves a folder name empty');
    expect(pathPrefixProblem("/~user/")).toContain('"~user" is not one');
    expect(pathPrefixProblem("/a%2e%2e/")).toContain('"a%2e%2e" is not one');
    expect(pathPrefixProblem("/news room/")).toContain('"news room" is not one');
    expect(pathPrefixProblem("newsroom")).toContain('starting and ending with "/"');
    expect(settingProblems({ url: "https://news.example", pathPrefix: "/../" })[0]).toMatch(
      /^_data\/site\.ts \| pathPrefix \| .*"\.\." is not a folder name$/,
    );
  });
});

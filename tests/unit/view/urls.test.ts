import { describe, expect, it } from "vitest";
import type { Locale } from "../../../lib/i18n/locales.ts";
import {
  absoluteUrl,
  archiveUrl,
  atomFeedUrl,
  companyUrl,
  homeUrl,
  jsonFeedUrl,
  notFoundUrl,
  offlineUrl,
  pageUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
  tagUrl,
  yearUrl,
} from "../../../lib/view/urls.ts";
import { testRegistry } from "../../support/temp-project.ts";

function locale(code: string): Locale {
  const found = testRegistry.get(code);
  if (!found) throw new Error(`no locale ${code}`);
  return found;
}

describe("site URLs", () => {
  const zh = locale("zh");

  it("puts every page of a language under its URL segment, without the path prefix", () => {
    expect(rootUrl()).toBe("/");
    expect(homeUrl(zh)).toBe("/zh/");
    expect(releaseUrl(zh, "cell-line")).toBe("/zh/releases/cell-line/");
    expect(searchUrl(zh)).toBe("/zh/search/");
    expect(offlineUrl(zh)).toBe("/zh/offline/");
    expect(notFoundUrl(zh)).toBe("/zh/404.html");
    expect(archiveUrl(zh)).toBe("/zh/archive/");
    expect(yearUrl(zh, 2024)).toBe("/zh/archive/2024/");
    expect(companyUrl(zh, "lumora")).toBe("/zh/companies/lumora/");
    expect(tagUrl(zh, "x017f1d8e")).toBe("/zh/tags/x017f1d8e/");
    expect(atomFeedUrl(zh)).toBe("/zh/feed.xml");
    expect(jsonFeedUrl(zh)).toBe("/zh/feed.json");
  });

  it("uses the registry's URL segment, not the locale code", () => {
    const chinese: Locale = { ...zh, code: "zh-hans", urlSegment: "zh" };
    expect(releaseUrl(chinese, "a")).toBe("/zh/releases/a/");
  });

  it("numbers pages after the first under page/N/", () => {
    expect(pageUrl("/en/tags/storage/", 1)).toBe("/en/tags/storage/");
    expect(pageUrl("/en/tags/storage/", 0)).toBe("/en/tags/storage/");
    expect(pageUrl("/en/tags/storage/", 2)).toBe("/en/tags/storage/page/2/");
    expect(homeUrl(locale("en"), 3)).toBe("/en/page/3/");
  });
});

describe("absolute URLs", () => {
  it("join the site URL and a root-relative URL", () => {
    expect(absoluteUrl("https://news.example", "/", "/en/releases/a/")).toBe(
      "https://news.example/en/releases/a/",
    );
    expect(absoluteUrl("https://news.example", "/", "/")).toBe("https://news.example/");
  });

  it("put the path prefix between them, however its slashes are written", () => {
    for (const prefix of ["/newsroom/", "newsroom", "/newsroom", "newsroom/", "//newsroom//"]) {
      expect(absoluteUrl("https://news.example", prefix, "/zh/feed.xml")).toBe(
        "https://news.example/newsroom/zh/feed.xml",
      );
    }
    expect(absoluteUrl("https://news.example", "/newsroom/", "/")).toBe("https://news.example/newsroom/");
    expect(absoluteUrl("https://news.example", "/a/b/", "/en/")).toBe("https://news.example/a/b/en/");
  });

  it("keep the site's port and take a URL with or without its leading slash", () => {
    expect(absoluteUrl("http://127.0.0.1:8080", "/newsroom/", "en/search/")).toBe(
      "http://127.0.0.1:8080/newsroom/en/search/",
    );
  });

  it("percent-encode what a URL cannot hold as written", () => {
    expect(absoluteUrl("https://news.example", "/", "/zh/releases/a b/")).toBe(
      "https://news.example/zh/releases/a%20b/",
    );
  });
});

import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { type ArticleInput, newsArticle, newsArticleScript } from "../../../lib/view/structured-data.ts";

const original: ArticleInput = {
  headline: "Lumora Energy Opens Automated Cylindrical Cell Line",
  description: "One sentence shown in listings.",
  url: "https://news.example/newsroom/en/releases/cell-line/",
  datePublished: "2024-03-12T10:00:00+08:00",
  dateModified: undefined,
  inLanguage: "en",
  dateline: "Shenzhen",
  keywords: ["Batteries", "Manufacturing"],
  publisher: { name: "Lumora Energy", url: undefined, logo: undefined },
  image: undefined,
  translationOf: undefined,
  translations: [{ url: "https://news.example/newsroom/zh/releases/cell-line/", inLanguage: "zh-CN" }],
};

describe("NewsArticle", () => {
  it("describes a release and links its translations", () => {
    expect(newsArticle(original)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://news.example/newsroom/en/releases/cell-line/",
      headline: "Lumora Energy Opens Automated Cylindrical Cell Line",
      description: "One sentence shown in listings.",
      url: "https://news.example/newsroom/en/releases/cell-line/",
      mainEntityOfPage: "https://news.example/newsroom/en/releases/cell-line/",
      datePublished: "2024-03-12T10:00:00+08:00",
      inLanguage: "en",
      dateline: "Shenzhen",
      keywords: "Batteries, Manufacturing",
      author: { "@type": "Organization", name: "Lumora Energy" },
      publisher: { "@type": "Organization", name: "Lumora Energy" },
      workTranslation: [
        {
          "@type": "NewsArticle",
          "@id": "https://news.example/newsroom/zh/releases/cell-line/",
          url: "https://news.example/newsroom/zh/releases/cell-line/",
          inLanguage: "zh-CN",
        },
      ],
    });
  });

  it("gives the share image and the publisher's site and logo as ImageObjects", () => {
    const article = newsArticle({
      ...original,
      publisher: {
        name: "Lumora Energy",
        url: "https://lumora.example/",
        logo: { url: "https://news.example/newsroom/media/logos/a.png", width: 600, height: 180 },
      },
      image: { url: "https://news.example/newsroom/media/share/b.png", width: 1200, height: 630 },
    });
    expect(article.image).toEqual({
      "@type": "ImageObject",
      url: "https://news.example/newsroom/media/share/b.png",
      width: 1200,
      height: 630,
    });
    expect(article.publisher).toEqual({
      "@type": "Organization",
      name: "Lumora Energy",
      url: "https://lumora.example/",
      logo: {
        "@type": "ImageObject",
        url: "https://news.example/newsroom/media/logos/a.png",
        width: 600,
        height: 180,
      },
    });
  });

  it("links a translation to its original and leaves out what the release does not have", () => {
    const article = newsArticle({
      ...original,
      headline: "鹿鸣能源圆柱电池产线投产",
      url: "https://news.example/newsroom/zh/releases/cell-line/",
      inLanguage: "zh-CN",
      description: undefined,
      dateline: undefined,
      keywords: [],
      translationOf: { url: "https://news.example/newsroom/en/releases/cell-line/", inLanguage: "en" },
      translations: [],
    });
    expect(article.translationOfWork).toEqual({
      "@type": "NewsArticle",
      "@id": "https://news.example/newsroom/en/releases/cell-line/",
      url: "https://news.example/newsroom/en/releases/cell-line/",
      inLanguage: "en",
    });
    for (const key of ["description", "dateline", "keywords", "workTranslation"]) {
      expect(article).not.toHaveProperty(key);
    }
    expect(article.headline).toBe("鹿鸣能源圆柱电池产线投产");
  });

  it("leaves out an empty summary and dateline", () => {
    const article = newsArticle({ ...original, description: "", dateline: "" });
    expect(article).not.toHaveProperty("description");
    expect(article).not.toHaveProperty("dateline");
  });
});

describe("the JSON-LD script", () => {
  const hostile = {
    ...original,
    headline: 'Results </script><script>alert("x")</script> & <!-- more',
    description: "Line\u2028separator and paragraph\u2029separator",
    dateline: "</SCRIPT >",
  };

  it("cannot end its <script> element or open a comment, whatever the text", () => {
    const json = newsArticleScript(hostile);
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(json).toContain(
      String.raw`"headline":"Results \u003c/script>\u003cscript>alert(\"x\")\u003c/script> & \u003c!-- more"`,
    );
  });

  it("reads back as the same data from a parsed page", () => {
    const $ = cheerio.load(
      `<head><script type="application/ld+json">${newsArticleScript(hostile)}</script></head>`,
    );
    expect($("script")).toHaveLength(1);
    expect(JSON.parse($("script").text())).toEqual(newsArticle(hostile));
  });
});

describe("dateModified", () => {
  it("is there only when the release was corrected", () => {
    expect(newsArticle(original)).not.toHaveProperty("dateModified");
    expect(newsArticle({ ...original, dateModified: "2024-03-13T09:00:00+08:00" })).toMatchObject({
      datePublished: "2024-03-12T10:00:00+08:00",
      dateModified: "2024-03-13T09:00:00+08:00",
    });
  });
});

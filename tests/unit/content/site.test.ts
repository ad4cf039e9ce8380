import { describe, expect, it } from "vitest";
import { defineSite } from "../../../lib/content/site.ts";

describe("the site record", () => {
  it("takes its defaults and lets the environment override the address and prefix", () => {
    expect(defineSite({ url: "https://news.example/" }, {})).toEqual({
      url: "https://news.example",
      timeZone: "Asia/Shanghai",
      releasesPerPage: 20,
      pathPrefix: "/",
      indexOneLanguageAtATime: false,
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
    expect(() =>
      defineSite({ url: "https://news.example", indexOneLanguageAtATime: "yes" as unknown as boolean }, {}),
    ).toThrow("_data/site.ts: indexOneLanguageAtATime: ");
    expect(
      defineSite({ url: "https://news.example" }, { INDEX_ONE_LANGUAGE_AT_A_TIME: "1" })
        .indexOneLanguageAtATime,
    ).toBe(true);
    expect(() =>
      defineSite({ url: "https://news.example" }, { INDEX_ONE_LANGUAGE_AT_A_TIME: "yes" }),
    ).toThrow("environment variable INDEX_ONE_LANGUAGE_AT_A_TIME: indexOneLanguageAtATime: ");
  });

  it("names the environment variable when the bad value came from it", () => {
    expect(() => defineSite({ url: "https://news.example" }, { SITE_URL: "not a url" })).toThrow(
      /^environment variable SITE_URL: url: expected an absolute URL/,
    );
    expect(() => defineSite({ url: "https://news.example" }, { PATH_PREFIX: "a b" })).toThrow(
      /^environment variable PATH_PREFIX: pathPrefix: expected a path/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../../lib/content/did-you-mean.ts";
import { FIELD_ALIASES, KNOWN_FIELDS } from "../../../lib/content/schema.ts";

describe("editDistance", () => {
  it.each([
    ["draft", "draft", 0],
    ["drft", "draft", 1],
    ["drfat", "draft", 1],
    ["title", "tilte", 1],
    ["", "tags", 4],
    ["summary", "sumary", 1],
  ])("%j to %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("didYouMean for front matter keys", () => {
  const meant = (key: string) => didYouMean(key, KNOWN_FIELDS, FIELD_ALIASES);

  it.each([
    ["Draft", "draft"],
    ["DRAFT", "draft"],
    ["release_time", "releaseTime"],
    ["release-time", "releaseTime"],
    ["ReleaseTime", "releaseTime"],
    ["relaseTime", "releaseTime"],
    ["tag", "tags"],
    ["titel", "title"],
    ["attachment", "attachments"],
    ["translationkey", "translationKey"],
    ["Extra", "extra"],
  ])("%s → %s, by case and spelling", (key, expected) => {
    expect(meant(key)).toBe(expected);
  });

  it.each([
    ["embargo", "releaseTime"],
    ["Embargoed", "releaseTime"],
    ["publish_date", "releaseTime"],
    ["date", "releaseTime"],
    ["description", "summary"],
    ["categories", "tags"],
    ["hidden", "draft"],
  ])("%s → %s, by what the key does in other tools", (key, expected) => {
    expect(meant(key)).toBe(expected);
  });

  it.each(["author", "x", "internalReference", "lang"])("has no guess for %s", (key) => {
    expect(meant(key)).toBeUndefined();
  });

  it("prefers the nearest key", () => {
    expect(didYouMean("tagz", ["tags", "tag"])).toBe("tags");
    expect(didYouMean("cat", ["car", "cart"])).toBe("car");
  });
});

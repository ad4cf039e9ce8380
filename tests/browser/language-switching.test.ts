// What a reader does: arrive at /, pick a language, open a release, switch
// to its translation, and land on the other language's home where there is
// no translation. No JavaScript is involved; the browser proves the links
// and the lang attributes work together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleText } from "../support/bundles.ts";
import { releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, serveFixtureSite } from "../support/served-site.ts";

let served: ServedSite;

beforeAll(async () => {
  served = await serveFixtureSite({
    "src/releases/en/storage-plant.md": releaseFile({
      title: "Storage plant opens",
      releaseTime: "2025-05-01",
    }),
    "src/releases/zh/storage-plant.md": releaseFile({ title: "储能工厂投产", releaseTime: "2025-05-01" }),
    "src/releases/en/board-change.md": releaseFile({ title: "Board change", releaseTime: "2025-06-01" }),
  });
});

afterAll(async () => {
  await served?.close();
});

describe("switching languages in a browser", () => {
  it("goes from the chooser to a release and to its Chinese version", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/`);
    await page.getByRole("link", { name: /简体中文/ }).click();
    await page.waitForURL(/\/zh\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");

    await page.getByRole("link", { name: "储能工厂投产" }).click();
    await page.waitForURL(/\/zh\/releases\/storage-plant\/$/);
    expect(await page.locator(".release-meta dt").first().textContent()).toBe(
      bundleText(served.site.dir, "zh", "release.time"),
    );

    await page.locator(".language-switcher").getByRole("link", { name: "English" }).click();
    await page.waitForURL(/\/en\/releases\/storage-plant\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Storage plant opens");
    await page.close();
  });

  it("takes a reader of an untranslated release to the Chinese home, saying why", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/en/releases/board-change/`);
    const link = page.locator(".language-switcher a");
    expect(await link.textContent()).toContain(bundleText(served.site.dir, "zh", "switcher.notAvailable"));
    await link.click();
    await page.waitForURL(/\/zh\/$/);
    expect(await page.locator("h1").textContent()).toBe("新闻稿");
    await page.close();
  });
});

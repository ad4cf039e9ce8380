// A journalist opens an embargoed preview's private link: the browser
// opens the sealed release and its media kit with the key in the fragment.
// A link without its key, or with another key, says so in the page's
// language, and once the release time has passed the same link leads to
// the public release.
import { createRequire } from "node:module";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbargoKeys } from "../../lib/embargo/seal.ts";
import { loadRegistry } from "../../lib/i18n/locales.ts";
import { createTranslator, loadBundles } from "../../lib/i18n/translator.ts";
import { mustBuild, projectRoot, releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, serveFixtureSite } from "../support/served-site.ts";

const registry = loadRegistry(projectRoot);
const translator = createTranslator(registry, loadBundles(projectRoot, registry));
const secret = Buffer.alloc(32, 0x3c);
const keys = new EmbargoKeys(secret);
const RELEASE_TIME = "2026-03-01T12:00:01+08:00";
const env = { BUILD_TIME: "2026-03-01T12:00:00+08:00", PRESSROOM_EMBARGO_KEY: secret.toString("base64") };
const en = { locale: "en", slug: "merger" };
const zh = { locale: "zh", slug: "merger" };

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let served: ServedSite;

const linkTo = (identity: { locale: string; slug: string }, fragment = `#${keys.fragment(identity)}`) =>
  `${served.server.origin}/embargo/${keys.id(identity)}/${fragment}`;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#2a7a4b" } })
    .png()
    .toBuffer();
  const withKit = (text: string) =>
    text.replace(
      "\n---\n",
      "\nattachments:\n  - file: merger-photo.png\n    title: CanaryKit photo\n  - merger-terms.pdf\n---\n",
    );
  served = await serveFixtureSite(
    {
      "src/releases/en/public-news.md": releaseFile({ title: "Public news", releaseTime: "2026-02-01" }),
      "src/releases/en/merger.md": withKit(
        releaseFile(
          {
            title: "CanaryTitle merger agreed",
            releaseTime: RELEASE_TIME,
            tags: ["canarytag"],
            location: "Shenzhen",
          },
          "The CanaryBody terms of the merger.",
        ),
      ),
      "src/releases/en/merger-photo.png": photo,
      "src/releases/en/merger-terms.pdf": "%PDF-1.4\nCanaryKit terms\n%%EOF\n",
      "src/releases/zh/merger.md": releaseFile(
        { title: "金丝雀并购达成", releaseTime: RELEASE_TIME },
        "金丝雀正文。",
      ),
    },
    { env },
  );
});

afterAll(async () => {
  await served?.close();
});

describe("an embargoed preview in a browser", () => {
  it("opens with its private link: title, body, metadata and media-kit image, decrypted in the page", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(linkTo(en));
    await expect
      .poll(() => page.locator(".embargo-release h1").textContent())
      .toBe("CanaryTitle merger agreed");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator(".embargo-release .release-body").textContent()).toContain("CanaryBody");
    expect(await page.locator(".embargo-release .tags").textContent()).toContain("canarytag");
    expect(await page.title()).toContain("CanaryTitle");
    const image = page.locator(".embargo-release .media-kit img");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await image.getAttribute("src")).toMatch(/^blob:/);
    const download = page.locator(".embargo-release .media-kit a[download]", { hasText: "merger-terms.pdf" });
    await expect.poll(() => download.getAttribute("href")).toMatch(/^blob:/);
    const pdf = await download.evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
    expect(pdf).toContain("CanaryKit terms");
    expect(await page.locator(".embargo-status").isHidden()).toBe(true);
    await page.close();
  });

  it("opens in Chinese with the Chinese link", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(linkTo(zh));
    await expect.poll(() => page.locator(".embargo-release h1").textContent()).toBe("金丝雀并购达成");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.close();
  });

  it("says the link lost its key, in the page's language", async () => {
    for (const identity of [en, zh]) {
      const page = await served.browser.context.newPage();
      await page.goto(linkTo(identity, ""));
      const status = page.locator(".embargo-status");
      await expect.poll(() => status.textContent()).toBe(translator.t(identity.locale, "embargo.missingKey"));
      expect(await page.locator(".embargo-release h1").count()).toBe(0);
      await page.close();
    }
  });

  it("says a changed key does not open it, in the page's language", async () => {
    for (const identity of [en, zh]) {
      const fragment = `#${keys.fragment(identity)}`;
      // Same length, one letter changed: still a key, not this one.
      const changed = `${fragment.slice(0, 3)}${fragment[3] === "A" ? "B" : "A"}${fragment.slice(4)}`;
      const page = await served.browser.context.newPage();
      await page.goto(linkTo(identity, changed));
      const status = page.locator(".embargo-status");
      await expect.poll(() => status.textContent()).toBe(translator.t(identity.locale, "embargo.wrongKey"));
      expect(await page.locator(".embargo-release h1").count()).toBe(0);
      await page.close();
    }
  });

  it.each([
    ["opened", en, true],
    ["opened", zh, true],
    ["without its key", en, false],
  ])("has no axe-core violations, %s (%o)", async (_, identity, withKey) => {
    const page = await served.browser.context.newPage();
    await page.goto(linkTo(identity, withKey ? undefined : ""));
    await expect
      .poll(() => page.locator(withKey ? ".embargo-release h1" : ".embargo-status:visible").count())
      .toBe(1);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it("leads to the public release once BUILD_TIME has passed the release time", async () => {
    await mustBuild(served.site, { env: { ...env, BUILD_TIME: RELEASE_TIME } });
    const page = await served.browser.context.newPage();
    await page.goto(linkTo(en));
    await page.waitForURL(/\/en\/releases\/merger\/$/);
    expect(await page.locator("h1").textContent()).toBe("CanaryTitle merger agreed");
    await page.goto(linkTo(zh));
    await page.waitForURL(/\/zh\/releases\/merger\/$/);
    expect(await page.locator("h1").textContent()).toBe("金丝雀并购达成");
    await page.close();
  });
});

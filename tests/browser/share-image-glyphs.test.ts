// A generated share card draws a Chinese title with real glyphs, not boxes
// for missing ones, with the fonts the build installs from npm. Chromium
// decodes the card a zh release page names and compares it with the same
// card drawn with a font that has no Chinese (which can only draw boxes).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CardFonts } from "../../lib/build/card-fonts.ts";
import { renderShareCard } from "../../lib/build/share-card-render.ts";
import { ShareCardPlanner } from "../../lib/build/share-cards.ts";
import type { ShareCardText } from "../../lib/view/share-card.ts";
import { projectRoot, releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, serveFixtureSite } from "../support/served-site.ts";

const TITLE = "鹿鸣能源储能工厂投产";

/** The bundled font restricted to its Latin subset: every Chinese character is its missing-glyph box. */
class LatinOnly extends CardFonts {
  override cover(_text: string) {
    return { subsets: ["latin"], missing: [] };
  }
}

let served: ServedSite;
let text: ShareCardText;

beforeAll(async () => {
  served = await serveFixtureSite({
    "src/releases/zh/plant.md": releaseFile({ title: TITLE, releaseTime: "2025-05-01" }),
  });
  const zh = JSON.parse(readFileSync(path.join(projectRoot, "locales", "zh", "translation.json"), "utf8"));
  text = {
    title: TITLE,
    company: undefined,
    date: "2025年5月1日",
    siteName: zh.site.name,
    lang: "zh-CN",
    dir: "ltr",
  };
  writeFileSync(
    path.join(served.site.dir, "_site", "tofu.png"),
    await renderShareCard(text, new LatinOnly()),
  );
});

afterAll(async () => {
  await served?.close();
});

describe("a generated share card in Chinese", () => {
  it("draws the title's glyphs, unlike a font without Chinese", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/zh/releases/plant/`);
    const image = (await page.getAttribute('meta[property="og:image"]', "content")) ?? "";
    // The card on the page is the one for exactly this text, so the two differ only in their font.
    expect(path.basename(image, ".png")).toBe(new ShareCardPlanner().key(text));
    const result = await page.evaluate(
      async ({ card, tofu }: { card: string; tofu: string }) => {
        const pixels = async (url: string) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext("2d") as CanvasRenderingContext2D;
          context.drawImage(img, 0, 0);
          // The title's band, between the site name and the footer.
          return { width: img.naturalWidth, data: context.getImageData(0, 150, img.naturalWidth, 330).data };
        };
        const [a, b] = [await pixels(card), await pixels(tofu)];
        let differ = 0;
        let inked = 0;
        for (let i = 0; i < a.data.length; i += 4) {
          const dark = (d: Uint8ClampedArray) => (d[i] ?? 255) + (d[i + 1] ?? 255) + (d[i + 2] ?? 255) < 384;
          if (dark(a.data)) inked++;
          if (dark(a.data) !== dark(b.data)) differ++;
        }
        const total = a.data.length / 4;
        return { width: a.width, inked: inked / total, differ: differ / total };
      },
      { card: new URL(image).pathname, tofu: "/tofu.png" },
    );
    expect(result.width).toBe(1200);
    // The title is drawn at all…
    expect(result.inked).toBeGreaterThan(0.01);
    // …and not as boxes: a good share of its pixels differ from the boxes.
    expect(result.differ).toBeGreaterThan(0.02);
    await page.close();
  });
});

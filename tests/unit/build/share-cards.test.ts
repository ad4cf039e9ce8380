// Generated share cards: their keys (text and renderer, never the title in a
// name), which text gets one, and the cache that keeps a build from drawing
// an unchanged card again.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardThreads, ShareCardPlanner, writeShareCards } from "../../../lib/build/share-cards.ts";
import type { ShareCardText } from "../../../lib/view/share-card.ts";
import { tempFolder } from "../../support/temp-folders.ts";

const text = (title: string): ShareCardText => ({
  title,
  company: "Lumora Energy",
  date: "April 25, 2024",
  siteName: "Newsroom",
  lang: "en",
  dir: "ltr",
});

describe("ShareCardPlanner", () => {
  it("names a card by a hash of its text: equal text one card, other text another, no title in the name", () => {
    const planner = new ShareCardPlanner();
    const a = planner.card(text("Plant opens"), "src/releases/en/a.md");
    const again = planner.card(text("Plant opens"), "src/releases/en/a.md");
    const b = planner.card(text("Plant closes"), "src/releases/en/a.md");
    expect(a).toEqual(again);
    expect(a?.key).not.toBe(b?.key);
    expect(a?.url).toMatch(/^\/media\/share\/[0-9a-f]{20}\.png$/);
    expect(a).toMatchObject({ width: 1200, height: 630 });
    expect([...planner.jobs.keys()]).toEqual([a?.key, b?.key]);
  });

  it("gives no card to text the bundled font cannot draw", () => {
    const planner = new ShareCardPlanner();
    expect(planner.card(text("नया संयंत्र खुला"), "src/releases/en/a.md")).toBeUndefined();
    expect(planner.card({ ...text("Plant opens"), company: "شركة" }, "src/releases/en/a.md")).toBeUndefined();
    expect(planner.jobs.size).toBe(0);
  });
});

describe("cardThreads", () => {
  it("draws a few cards in this thread and many with a worker for every two cores", () => {
    expect(cardThreads(100, 8)).toBe(0);
    expect(cardThreads(101, 1)).toBe(1);
    expect(cardThreads(101, 2)).toBe(1);
    expect(cardThreads(20_000, 3)).toBe(1);
    expect(cardThreads(20_000, 8)).toBe(4);
  });
});

describe("writeShareCards", () => {
  it("draws a card once (worker threads or this one) and copies it from the cache in later builds", {
    timeout: 120_000,
  }, async () => {
    const root = tempFolder("pressroom-cards-");
    const cacheDir = path.join(root, "cache");
    const planner = new ShareCardPlanner();
    planner.card(text("Plant opens"), "src/releases/en/a.md");
    planner.card(
      {
        ...text("鹿鸣能源新工厂投产"),
        lang: "zh-CN",
        company: "鹿鸣能源",
        date: "2024年4月25日",
      },
      "src/releases/en/a.md",
    );
    const jobs = [...planner.jobs.values()];

    const cold = await writeShareCards(jobs, { outputDir: path.join(root, "one"), cacheDir, threads: 2 });
    expect(cold).toMatchObject({ generated: 2, reused: 0 });
    const written = readdirSync(path.join(root, "one", "media", "share")).sort();
    expect(written).toEqual(jobs.map((j) => `${j.key}.png`).sort());
    for (const name of written) {
      const meta = await sharp(path.join(root, "one", "media", "share", name)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    }

    const warm = await writeShareCards(jobs, { outputDir: path.join(root, "two"), cacheDir });
    expect(warm).toMatchObject({ generated: 0, reused: 2 });
    for (const name of written) {
      expect(readFileSync(path.join(root, "two", "media", "share", name))).toEqual(
        readFileSync(path.join(root, "one", "media", "share", name)),
      );
    }

    // A changed title is a new card; a half-written leftover is not a cached one.
    const changed = new ShareCardPlanner();
    const ref = changed.card(text("Plant opens on time"), "src/releases/en/a.md");
    writeFileSync(path.join(cacheDir, `${ref?.key}.png.123.partial`), "half");
    const third = await writeShareCards(changed.jobs.values(), {
      outputDir: path.join(root, "three"),
      cacheDir,
    });
    expect(third).toMatchObject({ generated: 1, reused: 0 });
  });
});

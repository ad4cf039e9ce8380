// Descriptions cut to about a search result's width, between words in
// English and between words or characters in Chinese, with the ellipsis
// the caller's bundle gives.
import { describe, expect, it } from "vitest";
import { cutText, DESCRIPTION_WIDTH } from "../../../lib/view/excerpt.ts";

const mark = (start: string) => `${start}<cut>`;

describe("cutText", () => {
  it("keeps text that fits, with its spaces collapsed", () => {
    expect(cutText("  A short\n line. ", "en", mark)).toBe("A short line.");
  });

  it("cuts English between words, never inside one, and drops trailing punctuation", () => {
    const text = "Lumora Energy, the storage maker, opened a plant. ".repeat(8);
    const cut = cutText(text, "en", mark);
    expect(cut.endsWith("<cut>")).toBe(true);
    const start = cut.slice(0, -"<cut>".length);
    expect(start.length).toBeLessThanOrEqual(DESCRIPTION_WIDTH);
    expect(start.length).toBeGreaterThan(DESCRIPTION_WIDTH - 20);
    expect(text.startsWith(start)).toBe(true);
    expect(text.charAt(start.length)).toMatch(/[\s,.]/);
    expect(start).not.toMatch(/[\s,.]$/);
  });

  it("counts Chinese characters double and cuts between them, keeping numbers whole", () => {
    const text = "鹿鸣能源今日公布半年度业绩，营业收入同比增长36%，储能系统出货量达到5.6GWh。".repeat(4);
    const start = cutText(text, "zh-CN", mark).slice(0, -"<cut>".length);
    expect(text.startsWith(start)).toBe(true);
    expect(start.length).toBeLessThanOrEqual(DESCRIPTION_WIDTH / 2 + 10);
    expect(start.length).toBeGreaterThan(DESCRIPTION_WIDTH / 2 - 15);
    // Not inside "36%" or "5.6GWh".
    expect(start).not.toMatch(/(\d|\d\.|GW)$/);
  });

  it("keeps wide text that fills the width exactly, and cuts one column more", () => {
    // U+20000 and up lie outside the Basic Multilingual Plane: one character, two code units, two columns.
    const fits = "𠀀".repeat(DESCRIPTION_WIDTH / 2);
    expect(cutText(fits, "zh-CN", mark)).toBe(fits);
    expect(cutText(`${fits}a`, "zh-CN", mark)).toMatch(/<cut>$/);
    const latin = "a".repeat(DESCRIPTION_WIDTH);
    expect(cutText(latin, "en", mark)).toBe(latin);
    expect(cutText(`${"鹿".repeat(DESCRIPTION_WIDTH / 2 - 1)}ab`, "zh-CN", mark)).not.toMatch(/<cut>$/);
    expect(cutText(`${"鹿".repeat(DESCRIPTION_WIDTH / 2 - 1)}abc`, "zh-CN", mark)).toMatch(/<cut>$/);
  });

  it("cuts a single word longer than the width between characters", () => {
    const start = cutText("x".repeat(400), "en", mark).slice(0, -"<cut>".length);
    expect(start).toBe("x".repeat(DESCRIPTION_WIDTH));
  });
});

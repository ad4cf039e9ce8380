// The bundled card font: which subsets a text needs, and which characters it cannot draw.
import { describe, expect, it } from "vitest";
import { CardFonts } from "../../../lib/build/card-fonts.ts";

const fonts = new CardFonts();

describe("CardFonts", () => {
  it("covers Latin and Chinese text with a few subsets, each a WOFF file of the package", () => {
    const { subsets, missing } = fonts.cover("Lumora 鹿鸣能源发布储能系统，36%");
    expect(missing).toEqual([]);
    expect(subsets).toContain("latin");
    expect(subsets.length).toBeGreaterThan(1);
    // Latin text needs only the small Latin subset, though Chinese ones list it too.
    expect(fonts.cover("Lumora Energy, 36%").subsets).toEqual(["latin"]);
    for (const subset of subsets) {
      const file = fonts.file(subset, 700);
      // WOFF signature: satori reads WOFF, not WOFF2.
      expect(file.subarray(0, 4).toString("latin1")).toBe("wOFF");
    }
  });

  it("names the characters no subset has a glyph for, ignoring spaces and combining marks", () => {
    // The package's ranges list न, ر and ไ in Chinese subsets that have no glyph for them.
    expect(fonts.cover("Hello नमस्ते مرحبا ไทย ∰\u200d").missing).toEqual([
      "न",
      "म",
      "स",
      "त",
      "م",
      "ر",
      "ح",
      "ب",
      "ا",
      "ไ",
      "ท",
      "ย",
      "∰",
    ]);
    expect(fonts.cover("Hello\n\tworld").missing).toEqual([]);
  });
});

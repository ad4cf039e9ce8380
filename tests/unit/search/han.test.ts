// The pair encoding of Han text for the index, and its undoing for what
// readers see: every text must come back exactly as written.
import { describe, expect, it } from "vitest";
import { decodeIndexText, encodeHan, hanPairs } from "../../../lib/search/han.ts";

describe("hanPairs", () => {
  it("gives a run's overlapping pairs, and a single character alone", () => {
    expect(hanPairs("新能源汽车")).toEqual(["新能", "能源", "源汽", "汽车"]);
    expect(hanPairs("电")).toEqual(["电"]);
    expect(hanPairs("𠀀𠀁")).toEqual(["𠀀𠀁"]);
  });
});

describe("encodeHan", () => {
  it("writes each run as its pairs, split by spaces from each other and from neighbouring text", () => {
    expect(encodeHan("新能源汽车，A股")).toBe("~新能 能源 源汽 汽车 ^，A ^股");
    expect(encodeHan("battery cells")).toBe("battery cells");
  });

  it("marks a run after a space only where it would be read as continuing the text before", () => {
    expect(encodeHan("电池 储能")).toBe("~电池 储能");
    expect(encodeHan("好 好的")).toBe("好 ~好的");
    expect(encodeHan("好 好")).toBe("好 好");
    // What comes before a text is not known: a block of the page, maybe ending in 好.
    expect(encodeHan(" 好的")).toBe(" ~好的");
  });

  it.each([
    "新能源汽车，公司A股份 2025年8月21日 hello world",
    "电",
    "能源&amp;公司",
    "（北京）锂电池「储能」",
    "a ~b ^c",
    "~a ^b",
    "哈哈哈 哈哈，好 好的\n好的",
    "𠀀𠀁𠀂 𠀂𠀃",
    "",
  ])("is undone exactly: %s", (text) => {
    const written = text.replace(/(^|\s)~/g, "$1～").replace(/(^|\s)\^/g, "$1＾");
    expect(decodeIndexText(encodeHan(text))).toBe(written);
  });
});

describe("decodeIndexText", () => {
  it("undoes the encoding across Pagefind's marks and at an excerpt's start", () => {
    expect(decodeIndexText("<mark>新能</mark> <mark>能源</mark> ^，")).toBe(
      "<mark>新能</mark><mark>源</mark>，",
    );
    expect(decodeIndexText("能源 源汽 ^，")).toBe("能源汽，");
    expect(decodeIndexText("<mark>~能源</mark>")).toBe("<mark>能源</mark>");
    expect(decodeIndexText("^，能源")).toBe("，能源");
    // A phrase marked from its second pair on takes its first character into the mark.
    expect(decodeIndexText("新能 <mark>能源</mark> 源汽")).toBe("新<mark>能源</mark>汽");
    expect(decodeIndexText("<mark>新能</mark> 能源 源汽")).toBe("<mark>新能</mark>源汽");
    // A marked run stays apart from the text before it.
    expect(decodeIndexText("好 <mark>~好的</mark>")).toBe("好 <mark>好的</mark>");
  });
});

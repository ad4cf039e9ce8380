import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  contentFolder,
  decodeUtf8,
  guessEncoding,
  readTextFile,
  resolveInside,
} from "../../../lib/content/read-text.ts";
import { encodeGbk, encodeUtf16le, withBom } from "../../support/encodings.ts";
import { tempFolder } from "../../support/temp-folders.ts";
import { problemsThrownBy, tempProject } from "../../support/temp-project.ts";

const RELEASE = "---\ntitle: 工厂投产\nreleaseTime: 2025-03-01\n---\n鹿鸣能源今日宣布新工厂投产。\n";
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("guessEncoding", () => {
  it.each([
    ["UTF-8", utf8(RELEASE)],
    ["UTF-8", withBom(RELEASE)],
    ["UTF-8", utf8("plain ASCII")],
    ["GBK", encodeGbk(RELEASE)],
    ["GBK", encodeGbk("储能")],
    ["UTF-16LE", encodeUtf16le(RELEASE)],
    ["UTF-16LE", encodeUtf16le(RELEASE, false)],
    ["UTF-16BE", Buffer.from(encodeUtf16le(RELEASE, false)).swap16()],
    ["UTF-16BE", Uint8Array.of(0xfe, 0xff, 0, 0x61)],
    ["UTF-32LE", Uint8Array.of(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0)],
  ])("says %s for what it is", (expected, bytes) => {
    expect(guessEncoding(bytes)).toBe(expected);
  });

  it("does not take Latin-1 for GBK, even when its bytes happen to decode as GBK", () => {
    // "Müller" in Latin-1: 0xFC 0x6C is a valid GBK pair outside GB2312.
    expect(guessEncoding(Uint8Array.from(Buffer.from("title: Müller Straße", "latin1")))).toBeUndefined();
  });
});

describe("decodeUtf8", () => {
  it("returns UTF-8 text with its byte order mark dropped", () => {
    expect(decodeUtf8(withBom(RELEASE))).toEqual({ text: RELEASE });
    expect(decodeUtf8(utf8(RELEASE))).toEqual({ text: RELEASE });
  });

  it("says GBK and how to save the file as UTF-8", () => {
    expect(decodeUtf8(encodeGbk(RELEASE))).toEqual({
      expected: expect.stringMatching(
        /^expected UTF-8, but the file looks like GBK\/GB18030 .*save it as UTF-8/,
      ),
    });
  });

  it("says UTF-16 with its byte order", () => {
    expect(decodeUtf8(encodeUtf16le(RELEASE))).toEqual({
      expected: expect.stringMatching(
        /^expected UTF-8, but the file is UTF-16 \(little-endian\); save it as UTF-8/,
      ),
    });
  });

  it("names the line of bytes that are not UTF-8 when the encoding is unclear", () => {
    const bytes = Uint8Array.from([...utf8("---\ntitle: x\n"), 0xff, 0x41, 0x0a]);
    expect(decodeUtf8(bytes)).toEqual({
      expected: expect.stringMatching(/^expected UTF-8, but line 3 has bytes that are not UTF-8/),
    });
  });

  it("refuses NUL bytes", () => {
    expect(decodeUtf8(utf8("title: a\u0000b\nreleaseTime: 2025-01-01\n"))).toEqual({
      expected: expect.stringContaining("NUL bytes"),
    });
  });
});

describe("reading a file of a content folder", () => {
  function project() {
    const root = tempProject({
      "src/releases/en/a.md": RELEASE,
      "src/releases/en/sheet.pdf": "%PDF",
    });
    const outside = tempFolder("pressroom-unit-outside-");
    writeFileSync(path.join(outside, "secret.md"), RELEASE);
    mkdirSync(path.join(root, "src/releases/zh"));
    symlinkSync(path.join(outside, "secret.md"), path.join(root, "src/releases/en/leak.md"));
    symlinkSync(outside, path.join(root, "src/releases/en/kit"));
    symlinkSync("../en/a.md", path.join(root, "src/releases/zh/a.md"));
    symlinkSync("../en", path.join(root, "src/releases/zh/from-en"));
    symlinkSync("nowhere.md", path.join(root, "src/releases/en/dangling.md"));
    return { root, folder: contentFolder(root, "src/releases") };
  }

  it("follows links whose target lies inside the folder", () => {
    const { root, folder } = project();
    expect(readTextFile(path.join(root, "src/releases/zh/a.md"), "src/releases/zh/a.md", folder)).toBe(
      RELEASE,
    );
    expect(resolveInside(path.join(root, "src/releases/zh/from-en/sheet.pdf"), folder)).toHaveProperty(
      "real",
    );
  });

  it("names the link that leads outside, whether it is the file or a folder on the way", () => {
    const { root, folder } = project();
    expect(resolveInside(path.join(root, "src/releases/en/leak.md"), folder)).toEqual({
      problem: expect.stringMatching(
        /^is a link to ".*secret\.md", outside src\/releases\/; expected a target inside/,
      ),
      link: true,
    });
    expect(resolveInside(path.join(root, "src/releases/en/kit/secret.md"), folder)).toEqual({
      problem: expect.stringMatching(
        /^lies in src\/releases\/en\/kit, a link to ".*", outside src\/releases\//,
      ),
      link: true,
    });
    expect(resolveInside(path.join(root, "src/releases/en/dangling.md"), folder)).toEqual({
      problem: 'is a link to "nowhere.md", which does not exist',
      link: true,
    });
    expect(resolveInside(path.join(root, "src/releases/en/none.md"), folder)).toEqual({
      problem: "not found",
      link: false,
    });
  });

  it("resolves files beside each other in one folder alike, a link among them still refused", () => {
    const { root, folder } = project();
    // a.md first: its folder's real path is then known when leak.md, a link beside it, is read.
    expect(resolveInside(path.join(root, "src/releases/en/a.md"), folder)).toEqual({
      real: path.join(realpathSync(root), "src/releases/en/a.md"),
    });
    expect(resolveInside(path.join(root, "src/releases/en/leak.md"), folder)).toHaveProperty("link", true);
    // Through a linked folder, the real path is the target's.
    expect(resolveInside(path.join(root, "src/releases/zh/from-en/sheet.pdf"), folder)).toEqual({
      real: path.join(realpathSync(root), "src/releases/en/sheet.pdf"),
    });
    expect(resolveInside(path.join(root, "src/releases/en/kit/secret.md"), folder)).toHaveProperty(
      "link",
      true,
    );
  });

  it("throws one problem naming the file and the field", () => {
    const { root, folder } = project();
    expect(
      problemsThrownBy(() =>
        readTextFile(path.join(root, "src/releases/en/leak.md"), "src/releases/en/leak.md", folder),
      ),
    ).toEqual([expect.stringMatching(/^src\/releases\/en\/leak\.md \| link \| is a link to /)]);
    writeFileSync(path.join(root, "src/releases/en/gbk.md"), encodeGbk(RELEASE));
    expect(
      problemsThrownBy(() =>
        readTextFile(path.join(root, "src/releases/en/gbk.md"), "src/releases/en/gbk.md", folder),
      ),
    ).toEqual([
      expect.stringMatching(/^src\/releases\/en\/gbk\.md \| encoding \| expected UTF-8, but .* GBK/),
    ]);
  });

  it("refuses a content folder that is itself a link", () => {
    const root = tempProject({});
    const elsewhere = tempFolder("pressroom-unit-outside-");
    symlinkSync(elsewhere, path.join(root, "locales"));
    expect(problemsThrownBy(() => contentFolder(root, "locales"))).toEqual([
      expect.stringMatching(/^locales\/ \| link \| is a link to ".*"; expected a folder, not a link/),
    ]);
  });
});

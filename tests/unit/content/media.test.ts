import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentKind, formatFileSize, resolveAttachment } from "../../../lib/content/media.ts";
import { tempProject } from "../../support/temp-project.ts";

describe("attachments", () => {
  it("are typed by extension", () => {
    expect(["a.PDF", "b.jpg", "c.png", "d.docx", "e.zip", "f.csv"].map(attachmentKind)).toEqual([
      "pdf",
      "image",
      "image",
      "document",
      "archive",
      "file",
    ]);
  });

  it("have sizes written the locale's way", () => {
    expect(formatFileSize(1_300_000, "en")).toBe("1.2 MB");
    expect(formatFileSize(2048, "en")).toBe("2 kB");
    expect(formatFileSize(1_300_000, "zh-CN")).toMatch(/^1\.2\s?MB$/);
  });

  it("are found beside the release, and named when missing or outside the releases folder", () => {
    const root = tempProject({ "src/releases/en/launch.md": "x" });
    writeFileSync(path.join(root, "src/releases/en/sheet.pdf"), "%PDF-1.4");
    const found = resolveAttachment(
      { file: "sheet.pdf", title: "Fact sheet" },
      "src/releases/en/launch.md",
      root,
      "src/releases",
    );
    expect(found).toMatchObject({
      name: "sheet.pdf",
      file: "src/releases/en/sheet.pdf",
      kind: "pdf",
      title: "Fact sheet",
      bytes: 8,
    });
    expect(resolveAttachment("photo.jpg", "src/releases/en/launch.md", root, "src/releases")).toBe(
      '"photo.jpg" not found (looked for src/releases/en/photo.jpg)',
    );
    expect(
      resolveAttachment("../../../etc/passwd", "src/releases/en/launch.md", root, "src/releases"),
    ).toMatch(/is outside src\/releases\//);
  });
});

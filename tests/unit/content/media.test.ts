import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentKind, formatFileSize, resolveAttachment } from "../../../lib/content/media.ts";
import { contentFolder } from "../../../lib/content/read-text.ts";
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
      contentFolder(root, "src/releases"),
    );
    expect(found).toMatchObject({
      name: "sheet.pdf",
      file: "src/releases/en/sheet.pdf",
      kind: "pdf",
      title: "Fact sheet",
      bytes: 8,
    });
    expect(
      resolveAttachment("photo.jpg", "src/releases/en/launch.md", root, contentFolder(root, "src/releases")),
    ).toBe('"photo.jpg" not found (looked for src/releases/en/photo.jpg)');
    expect(
      resolveAttachment(
        "../../../etc/passwd",
        "src/releases/en/launch.md",
        root,
        contentFolder(root, "src/releases"),
      ),
    ).toMatch(/is outside src\/releases\//);
  });

  it("refuse files a browser would run on the site's origin, by extension, saying what to do", () => {
    const root = tempProject({ "src/releases/en/launch.md": "x" });
    const refused = (name: string, content: string | Uint8Array) => {
      writeFileSync(path.join(root, "src/releases/en", name), content);
      return resolveAttachment(name, "src/releases/en/launch.md", root, contentFolder(root, "src/releases"));
    };
    expect(refused("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(
      '"logo.svg" is an SVG image: a browser would run scripts in it as part of this site; attach a PNG, JPEG or PDF instead, or the file in a .zip',
    );
    for (const name of ["page.html", "PAGE.HTM", "doc.xhtml", "feed.xml", "app.js", "logo.svgz"]) {
      expect(refused(name, "plain text"), name).toMatch(/^".+" is an? .+: a browser would run scripts in it/);
    }
  });

  it("refuse HTML, SVG or XML under an innocent name, found by their first bytes", () => {
    const root = tempProject({ "src/releases/en/launch.md": "x" });
    const resolve = (name: string, content: string | Uint8Array) => {
      writeFileSync(path.join(root, "src/releases/en", name), content);
      return resolveAttachment(name, "src/releases/en/launch.md", root, contentFolder(root, "src/releases"));
    };
    expect(resolve("photo.jpg", "<svg onload=alert(1)>")).toBe(
      '"photo.jpg" holds markup (it starts with "<svg"), which a browser may open as a web page: a browser would run scripts in it as part of this site; attach a PNG, JPEG or PDF instead, or the file in a .zip',
    );
    expect(resolve("notes.txt", "\uFEFF\n  <!DOCTYPE html><p>x")).toMatch(
      /holds markup \(it starts with "<!DOCTYPE html"\)/,
    );
    expect(resolve("data.csv", Buffer.from("\uFEFF<html>", "utf16le"))).toMatch(/holds markup/);
    expect(resolve("sheet.pdf", "%PDF-1.4 <html>")).toMatchObject({ kind: "pdf" });
    expect(resolve("prices.csv", "a,b\n<p>,1")).toMatchObject({ kind: "file" });
  });
});

// Listing a built site's files: every file at any depth, folders themselves
// left out.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFiles } from "../../../lib/build/output-files.ts";
import { tempProject } from "../../support/temp-project.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("listFiles", () => {
  it("lists every file at every depth, and no folder", () => {
    dir = tempProject({ "index.html": "", "en/releases/a/index.html": "", "pagefind/fragment/x.pf": "" });
    mkdirSync(path.join(dir, "empty"));
    const relative = listFiles(dir).map((f) =>
      path
        .relative(dir as string, f)
        .split(path.sep)
        .join("/"),
    );
    expect(relative.sort()).toEqual(["en/releases/a/index.html", "index.html", "pagefind/fragment/x.pf"]);
  });

  it("walks into no folder the caller skips", () => {
    dir = tempProject({ "index.html": "", "pagefind-input-x/en/index.html": "", "en/pagefind/x.html": "" });
    const root = dir;
    const skipped = listFiles(root, (folder) => path.relative(root, folder).startsWith("pagefind"));
    expect(skipped.map((f) => path.relative(root, f).split(path.sep).join("/")).sort()).toEqual([
      "en/pagefind/x.html",
      "index.html",
    ]);
  });
});

// The build removes the previous site, and a failed build's staging folder,
// with removeTree: whatever the folder holds and whatever its name.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeTree } from "../../../lib/build/remove-tree.ts";
import { tempFolder } from "../../support/temp-folders.ts";

describe("removeTree", () => {
  it("removes a folder with everything in it, links without following them", () => {
    const root = tempFolder("pressroom-unit-remove-");
    const kept = path.join(root, "kept");
    mkdirSync(kept);
    writeFileSync(path.join(kept, "index.html"), "kept");
    // A name that reads as an option to rm, and a link out of the folder.
    const site = path.join(root, "-rf site");
    mkdirSync(path.join(site, "en", "releases"), { recursive: true });
    writeFileSync(path.join(site, "en", "releases", "index.html"), "<p>");
    writeFileSync(path.join(site, "-f"), "");
    symlinkSync(kept, path.join(site, "link-out"));
    removeTree(site);
    expect(existsSync(site)).toBe(false);
    expect(existsSync(path.join(kept, "index.html"))).toBe(true);
  });

  it("does nothing for a folder that is not there", () => {
    const root = tempFolder("pressroom-unit-remove-");
    expect(() => removeTree(path.join(root, "missing"))).not.toThrow();
    expect(existsSync(root)).toBe(true);
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../../lib/build/newsroom.ts";
import { tempProject } from "../../support/temp-project.ts";

// The record is what _data/site.ts exports; defineSite's validation is tested in tests/unit/content/site.test.ts.
const settings = (releasesPerPage: number) =>
  `export default { url: "https://news.example", releasesPerPage: ${releasesPerPage} };\n`;

describe("site settings", () => {
  it("are read again when _data/site.ts changes within one process (npm start)", async () => {
    const root = tempProject({ "_data/site.ts": settings(3) });
    expect((await loadSite(root)).releasesPerPage).toBe(3);
    writeFileSync(path.join(root, "_data", "site.ts"), settings(7));
    expect((await loadSite(root)).releasesPerPage).toBe(7);
    expect((await loadSite(root)).releasesPerPage).toBe(7);
  });
});

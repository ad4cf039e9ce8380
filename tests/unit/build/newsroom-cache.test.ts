// Under `npm start` the newsroom is loaded again for every edit, reusing
// rendered bodies: a change to the site's allowRawHtml must render them again.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNewsroomCache, loadNewsroom } from "../../../lib/build/newsroom.ts";
import { createFixtureSite, type FixtureSite, releaseFile } from "../../support/fixture-site.ts";

let site: FixtureSite | undefined;
afterEach(() => site?.dispose());

describe("the newsroom cache", () => {
  it("renders a body again when allowRawHtml changes, and reuses it while it does not", async () => {
    site = createFixtureSite({
      "src/releases/en/plant.md": releaseFile(
        { title: "Plant opens", releaseTime: "2024-04-25T09:00:00+08:00" },
        'A <span class="unit">5 GWh</span> plant.',
      ),
    });
    const root = site.dir;
    const cache = createNewsroomCache();
    const env = { BUILD_TIME: "2026-11-01T00:00:00+08:00" };
    const body = async () => {
      const newsroom = await loadNewsroom({ rootDir: root, preview: false, env, cache });
      return newsroom.pages.releases.find((view) => view.url.endsWith("/plant/"))?.release.html ?? "";
    };
    const setting = path.join(root, "_data", "site.ts");
    const escaped = await body();
    expect(escaped).not.toContain('class="unit"');
    expect(await body()).toBe(escaped);
    writeFileSync(
      setting,
      readFileSync(setting, "utf8").replace("allowRawHtml: false", "allowRawHtml: true"),
    );
    expect(await body()).toContain('<span class="unit">5 GWh</span>');
  });
});

// `npm run status:translations` end to end, on a copy of the project: the
// script reads the releases, marks a translation and reports in JSON. What it
// decides is unit-tested in tests/unit/i18n/translation-status.test.ts.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createFixtureSite, type FixtureSite, releaseFile } from "../support/fixture-site.ts";

describe("npm run status:translations", () => {
  let site: FixtureSite | undefined;
  afterAll(() => site?.dispose());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/translation-status.ts", ...args], {
      cwd: site?.dir,
      encoding: "utf8",
    });

  it("marks a translation with --mark and reports it up to date with --json", () => {
    site = createFixtureSite({
      "src/releases/en/plant.md": releaseFile({ title: "Plant opens", releaseTime: "2025-05-01" }),
      "src/releases/zh/plant.md": releaseFile({ title: "工厂投产", releaseTime: "2025-05-01" }),
      "src/releases/en/only-english.md": releaseFile({ title: "Only English", releaseTime: "2025-05-02" }),
    });
    const before = run();
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(
      "zh (简体中文): 0 up to date, 0 stale, 1 unverified, 1 missing, 0 only in zh",
    );

    const marked = run("--mark", "zh/plant", "--json");
    expect(marked.status).toBe(0);
    expect(marked.stderr).toContain(`marked src/releases/zh/plant.md: sourceHash "`);
    const report = JSON.parse(marked.stdout);
    expect(report.locales[0].counts).toMatchObject({ "up-to-date": 1, missing: 1, unverified: 0 });
    expect(site.read("src/releases/zh/plant.md")).toMatch(/\nsourceHash: "[0-9a-f]{12}"\n---\n/);

    const wrong = run("--mark", "zh/nope");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("no release src/releases/zh/nope.md");
  });

  it("covers static pages as it covers releases: missing, unverified, stale, and --mark", () => {
    site?.dispose();
    site = createFixtureSite({
      "src/releases/en/about.md": releaseFile({
        title: "A release with a page's slug",
        releaseTime: "2025-05-01",
      }),
      "src/pages/en/about.md": "---\ntitle: About us\n---\nWho we are.\n",
      "src/pages/zh/guanyu.md": "---\ntitle: 关于我们\ntranslationKey: about\n---\n我们是谁。\n",
      "src/pages/en/legal.md": "---\ntitle: Legal notice\n---\nImprint.\n",
    });
    const before = run();
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(
      "unverified  src/pages/zh/guanyu.md: no sourceHash yet; compare it with src/pages/en/about.md",
    );
    expect(before.stdout).toContain(
      "missing     src/pages/en/legal.md: no zh version yet (same file name in src/pages/zh/",
    );
    // A release and a page sharing a key are not each other's translation.
    expect(before.stdout).toContain(
      "missing     src/releases/en/about.md: no zh version yet (same file name in src/releases/zh/",
    );

    const marked = run("--mark", "src/pages/zh/guanyu.md");
    expect(marked.status).toBe(0);
    expect(marked.stderr).toContain('marked src/pages/zh/guanyu.md: sourceHash "');
    expect(marked.stdout).toContain(
      "zh (简体中文): 1 up to date, 0 stale, 0 unverified, 2 missing, 0 only in zh",
    );

    site.write("src/pages/en/about.md", "---\ntitle: About us\n---\nWho we are, since 2016.\n");
    expect(run().stdout).toMatch(
      /stale {7}src\/pages\/zh\/guanyu\.md: src\/pages\/en\/about\.md changed after it was translated/,
    );
  });
});

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
});

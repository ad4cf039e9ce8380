// A large site is rendered in several Eleventy runs (lib/build/render-runs.ts).
// Builds one fixture twice, in one run and in runs of a few pages, and
// checks that the sites are the same file for file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import {
  type BuildResult,
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  releaseFile,
} from "../support/fixture-site.ts";

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    // A warning: printed once, however many runs the build takes.
    "src/releases/en/forgotten.md.txt": releaseFile({ title: "Forgotten", releaseTime: "2024-01-01" }),
  };
  for (let i = 1; i <= 12; i++) {
    const day = String(i).padStart(2, "0");
    files[`src/releases/en/plant-${day}.md`] = releaseFile(
      {
        title: `Plant ${day} opens`,
        releaseTime: `2024-03-${day}`,
        company: "Acme Cells",
        tags: ["plants"],
        translationKey: `plant-${day}`,
      },
      `Plant ${day} opened today.\n\n## Output\n\n- cells\n`,
    );
    files[`src/releases/zh/gongchang-${day}.md`] = releaseFile(
      {
        title: `第${day}号工厂投产`,
        releaseTime: `2024-03-${day}`,
        tags: ["plants"],
        translationKey: `plant-${day}`,
      },
      `第${day}号工厂今日投产。`,
    );
  }
  return files;
}

/** Every file of a built site by path, its bytes; the search index is left out (Pagefind's own run). */
function siteFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of listFiles(dir)) {
    const relative = path.relative(dir, file).split(path.sep).join("/");
    if (relative.startsWith("pagefind/")) continue;
    let text = readFileSync(file).toString("base64");
    // The headers file lists the index's files by name.
    if (relative === "_headers") {
      text = readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !line.includes("/pagefind/"))
        .join("\n");
    }
    files.set(relative, text);
  }
  return files;
}

describe("a site rendered in several Eleventy runs", () => {
  let site: FixtureSite;
  let inRuns: BuildResult;

  beforeAll(async () => {
    site = createFixtureSite(fixtureFiles());
    await mustBuild(site);
    // The build command with runs of at most 5 pages, through the option tests are given.
    site.write(
      "build-in-runs.ts",
      [
        `import { runBuild } from "./lib/build/pipeline.ts";`,
        `await runBuild({ rootDir: process.cwd(), outputDir: "in-runs", preview: false, runPages: 5 });`,
      ].join("\n"),
    );
    inRuns = await site.build({ script: "build-in-runs.ts" });
  });
  afterAll(() => site?.dispose());

  it("takes several runs", () => {
    expect(inRuns.code, inRuns.stderr).toBe(0);
    const runs = inRuns.stdout.split("\n").filter((line) => /\[11ty\].*Wrote \d+ files/.test(line));
    expect(runs.length).toBeGreaterThan(5);
  });

  it("writes the same site as one run, file for file", () => {
    const one = siteFiles(path.join(site.dir, "_site"));
    const several = siteFiles(path.join(site.dir, "in-runs"));
    expect([...several.keys()].sort()).toEqual([...one.keys()].sort());
    const differ = [...one].filter(([file, bytes]) => several.get(file) !== bytes).map(([file]) => file);
    expect(differ).toEqual([]);
    // The files that are no page view are there, from the first run.
    for (const file of [
      "robots.txt",
      "sitemap.xml",
      "assets/site.css",
      "assets/search.js",
      "admin/index.html",
    ]) {
      expect(several.has(file), file).toBe(true);
    }
  });

  it("prints a content warning once", () => {
    const output = `${inRuns.stdout}${inRuns.stderr}`;
    expect(output.match(/\[pressroom\] warning: src\/releases\/en\/forgotten\.md\.txt/g)).toHaveLength(1);
  });
});

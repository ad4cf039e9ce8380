// A broken release must stop the build with messages a writer can act on,
// and leave the site that is already published exactly as it was.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { bundleText } from "../support/bundles.ts";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";

let site: FixtureSite;
let before: Map<string, string>;
let failed: { code: number; stdout: string; stderr: string };

function snapshot(s: FixtureSite): Map<string, string> {
  return new Map(listFiles(`${s.dir}/_site`).map((f) => [f, s.read(f.slice(s.dir.length + 1))]));
}

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/good.md": releaseFile({ title: "Good", releaseTime: "2025-01-01" }),
    "src/releases/zh/good.md": releaseFile({ title: "好", releaseTime: "2025-01-01" }),
  });
  await mustBuild(site);
  before = snapshot(site);

  site.write("src/releases/en/no-title.md", "---\nreleaseTime: 2025-02-01\n---\nText\n");
  site.write("src/releases/zh/bad-time.md", releaseFile({ title: "坏", releaseTime: "next tuesday" }));
  site.write("src/releases/en/bad-tags.md", "---\ntitle: T\nreleaseTime: 2025-01-01\ntags: energy\n---\n");
  failed = await site.build();
});

afterAll(() => site?.dispose());

describe("a build with invalid releases", () => {
  it("exits non-zero", () => {
    expect(failed.code).toBe(1);
  });

  it("reports every problem with file and field in one run", () => {
    expect(failed.stderr).toContain("3 problems in releases; nothing was built.");
    expect(failed.stderr).toContain("src/releases/en/no-title.md: title: required");
    expect(failed.stderr).toContain('src/releases/zh/bad-time.md: releaseTime: "next tuesday" is not a date');
    expect(failed.stderr).toContain("src/releases/en/bad-tags.md: tags: expected a list");
    expect(failed.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("leaves the previous site byte for byte as it was, with no staging or retired folder behind", () => {
    expect(snapshot(site)).toEqual(before);
    expect(readdirSync(site.dir).filter((name) => /\.(staging|retired)-/.test(name))).toEqual([]);
  });
});

describe("a page without the registry's <html lang>", () => {
  it("stops the build, naming the page, since search would index it without segmentation", async () => {
    const stray = createFixtureSite({
      "src/releases/en/good.md": releaseFile({ title: "Good", releaseTime: "2025-01-01" }),
      "src/stray.njk":
        "---\npermalink: /stray.html\n---\n<!DOCTYPE html><html><head><title>x</title></head><body>x</body></html>\n",
      "src/odd-lang.njk":
        '---\npermalink: /odd.html\n---\n<!DOCTYPE html><html lang="zh-Hans"><body>x</body></html>\n',
    });
    try {
      const result = await stray.build();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("stray.html: <html lang> is missing; expected one of en, zh-CN");
      expect(result.stderr).toContain('odd.html: <html lang> is "zh-Hans"; expected one of en, zh-CN');
      expect(stray.exists("_site")).toBe(false);
    } finally {
      stray.dispose();
    }
  });
});

describe("an image attachment that cannot be read", () => {
  it("stops the build naming the release, the field and the file", async () => {
    const broken = createFixtureSite({
      "src/releases/en/photo.jpg": "not a picture",
      "src/releases/en/launch.md": [
        "---",
        'title: "Launch"',
        "releaseTime: 2025-01-01",
        "attachments: [photo.jpg]",
        "---",
        "Text.",
        "",
      ].join("\n"),
    });
    try {
      const result = await broken.build();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'src/releases/en/launch.md: attachments: "src/releases/en/photo.jpg" is not a readable image',
      );
    } finally {
      broken.dispose();
    }
  }, 120_000);
});

describe("a newsroom before its first release", () => {
  it("builds its pages without a search index, and says so", async () => {
    const empty = createFixtureSite({});
    try {
      const result = await empty.build();
      // No warning of ours. Eleventy's own timing notes ("[11ty] Benchmark …")
      // appear when a loaded machine makes a filter slow, and say nothing about the site.
      const warnings = result.stderr.split("\n").filter((line) => line && !/^\[11ty\] Benchmark /.test(line));
      expect(warnings).toEqual([]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("search:     nothing to index yet (no published release)");
      expect(empty.exists("_site/en/index.html")).toBe(true);
      expect(empty.exists("_site/zh/search/index.html")).toBe(true);
      expect(empty.exists("_site/pagefind")).toBe(false);
      // The search page says there is nothing yet instead of failing to load an index.
      const search = empty.read("_site/zh/search/index.html");
      expect(search).toContain(bundleText(empty.dir, "zh", "home.empty"));
      expect(search).not.toContain("search.js");
    } finally {
      empty.dispose();
    }
  }, 120_000);
});

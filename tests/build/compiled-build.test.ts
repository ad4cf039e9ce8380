// `npm run build` runs the build compiled ahead by esbuild
// (scripts/run-compiled.mjs), reusing the compiled code while no source
// changes: an edit to the code or to _data/site.ts must reach the next
// build, and code that does not compile must stop it before it writes.
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";

let site: FixtureSite;

const compiledFolders = () =>
  readdirSync(path.join(site.dir, ".cache", "compiled")).filter((name) => !name.endsWith(".json"));

const settings = (releasesPerPage: string) =>
  `import { defineSite } from "../lib/content/site.ts";\n\nexport default defineSite({ url: "https://newsroom.example.com", releasesPerPage: ${releasesPerPage} });\n`;

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/first.md": releaseFile({ title: "First", releaseTime: "2025-01-01" }),
    "src/releases/en/second.md": releaseFile({ title: "Second", releaseTime: "2025-02-01" }),
    "src/releases/zh/first.md": releaseFile({ title: "第一", releaseTime: "2025-01-01" }),
  });
  // Sources changed in the last seconds may have changed while they were
  // compiled, so run-compiled.mjs compiles them again next time; the
  // fixture's were copied just now. An hour back, the first build's record
  // is kept.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of [
    "eleventy.config.ts",
    ...["lib", "scripts", "_data"].flatMap((folder) => listFiles(path.join(site.dir, folder))),
  ]) {
    utimesSync(path.resolve(site.dir, file), anHourAgo, anHourAgo);
  }
  await mustBuild(site);
});

afterAll(() => site?.dispose());

describe("the build command, compiled ahead", () => {
  it("compiles once while no source changes", async () => {
    const first = compiledFolders();
    expect(first).toHaveLength(1);
    const manifest = path.join(site.dir, ".cache", "compiled", "scripts-build.ts.json");
    const written = statSync(manifest).mtimeMs;
    await mustBuild(site);
    expect(statSync(manifest).mtimeMs).toBe(written);
    expect(compiledFolders()).toEqual(first);
  });

  it("compiles again when a file of the compiled folder is gone", async () => {
    const [folder] = compiledFolders();
    const chunk = readdirSync(path.join(site.dir, ".cache", "compiled", folder as string)).find((name) =>
      name.endsWith(".mjs"),
    );
    const file = path.join(site.dir, ".cache", "compiled", folder as string, chunk as string);
    rmSync(file);
    await mustBuild(site);
    expect(existsSync(file)).toBe(true);
  });

  it("applies an edit to _data/site.ts at the next build", async () => {
    expect(site.exists("_site/en/page/2/index.html")).toBe(false);
    site.write("_data/site.ts", settings("1"));
    await mustBuild(site);
    expect(site.exists("_site/en/page/2/index.html")).toBe(true);
  });

  it("applies an edit to the project's code at the next build", async () => {
    const summary = site.read("lib/build/summary.ts");
    site.write("lib/build/summary.ts", summary.replace("  pages:      ", "  pages (edited): "));
    const result = await mustBuild(site);
    expect(result.stdout).toMatch(/^ {2}pages \(edited\): en \d+, zh \d+/m);
  });

  it("stops before writing anything when a module does not compile, naming the file and the line", async () => {
    const before = listFiles(path.join(site.dir, "_site")).map((file) => [
      file,
      site.read(path.relative(site.dir, file)),
    ]);
    site.write("_data/site.ts", settings("1,\n  timeZone: 'Asia/Shanghai' ;"));
    const result = await site.build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^_data\/site\.ts:4: Expected "}" but found ";"$/m);
    expect(result.stderr).toContain("Could not compile scripts/build.ts; nothing was run.");
    const after = listFiles(path.join(site.dir, "_site")).map((file) => [
      file,
      site.read(path.relative(site.dir, file)),
    ]);
    expect(after).toEqual(before);
  });
});

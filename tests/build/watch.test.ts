// `npm start` keeps Eleventy watching and, when only releases or company
// data change, rewrites just the pages whose view changed (lib/dev/changed-pages.ts),
// reusing parsed and rendered releases whose file is unchanged
// (lib/dev/rebuild-cache.ts). These tests edit a fixture site under watch and
// check that every page the edit reaches is rewritten, that the others are
// left alone, that a broken file is reported without stopping the watch, and
// that edited templates and site settings show at the next build.
import { type ChildProcess, spawn } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { createFixtureSite, type FixtureSite, releaseFile } from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const release = (title: string, releaseTime: string, tags: string[]) =>
  releaseFile({ title, releaseTime, tags }, `Body of ${title}.`);

let site: FixtureSite;
let watcher: ChildProcess;
let output = "";

/** Polls until `test` holds; a file write may land before the watcher sees its folder, so `retry` writes again. */
async function until(test: () => boolean, retry?: () => void): Promise<void> {
  const started = Date.now();
  let lastTry = started;
  while (!test()) {
    if (Date.now() - started > 60_000) throw new Error(`timed out; watch output:\n${output.slice(-3000)}`);
    if (retry && Date.now() - lastTry > 2_000) {
      retry();
      lastTry = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const title = (url: string) => page(site, url)("h1").first().text().trim();
const pageText = (url: string) => page(site, url)("main").text();

function modifiedTimes(): Map<string, number> {
  const root = path.join(site.dir, "_site");
  return new Map(
    listFiles(root)
      .filter((file) => file.endsWith(".html") || file.endsWith(".xml") || file.endsWith(".json"))
      .map((file) => [path.relative(root, file), statSync(file).mtimeMs]),
  );
}

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/first.md": release("First release", "2025-01-01", ["solar"]),
    "src/releases/en/second.md": release("Second release", "2025-02-01", ["wind"]),
    "src/releases/en/third.md": release("Third release", "2025-03-01", ["solar"]),
    "src/releases/zh/second.md": release("第二篇新闻稿", "2025-02-01", ["wind"]),
  });
  watcher = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--watch"],
    {
      cwd: site.dir,
      env: { ...process.env, BUILD_TIME: "2026-11-01T00:00:00+08:00" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  watcher.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  watcher.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await until(() => output.includes("Watching"));
}, 90_000);

afterAll(async () => {
  // The watcher may be writing a rebuild: wait for it to exit before its folder goes.
  if (watcher && watcher.exitCode === null) {
    const exited = new Promise((resolve) => watcher?.once("exit", resolve));
    watcher.kill();
    await exited;
  }
  site?.dispose();
});

describe("npm start (watch)", () => {
  it("rewrites the edited release, its neighbours and listings, and leaves other pages alone", async () => {
    const before = modifiedTimes();
    const edit = () =>
      site.write("src/releases/en/second.md", release("Second, retitled", "2025-02-01", ["wind"]));
    edit();
    await until(() => title("/en/releases/second/") === "Second, retitled", edit);
    // Neighbours link to it by title, the home page and its tag list it.
    await until(() => pageText("/en/releases/first/").includes("Second, retitled"));
    expect(pageText("/en/releases/third/")).toContain("Second, retitled");
    expect(pageText("/en/")).toContain("Second, retitled");
    expect(pageText("/en/tags/wind/")).toContain("Second, retitled");
    expect(site.read("_site/en/feed.xml")).toContain("Second, retitled");

    const after = modifiedTimes();
    const rewritten = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
    expect(rewritten).toContain(path.join("en", "releases", "second", "index.html"));
    // Nothing about these changed: the Chinese pages and the other tag's list.
    for (const untouched of [
      path.join("zh", "releases", "second", "index.html"),
      path.join("zh", "index.html"),
      path.join("en", "tags", "solar", "index.html"),
    ]) {
      expect(rewritten).not.toContain(untouched);
    }
  }, 90_000);

  it("reports a broken release by file and field, keeps watching, and recovers when it is fixed", async () => {
    const seen = output.length;
    site.write("src/releases/en/third.md", release("Third release", "next Tuesday", ["solar"]));
    await until(() => output.slice(seen).includes("src/releases/en/third.md: releaseTime"));
    expect(title("/en/releases/third/")).toBe("Third release");

    const fix = () =>
      site.write("src/releases/en/third.md", release("Third, fixed", "2025-03-01", ["solar"]));
    fix();
    await until(() => title("/en/releases/third/") === "Third, fixed", fix);
  }, 90_000);

  it("renders every page again with an edited layout, though templates are compiled once per build", async () => {
    const layout = "_includes/layouts/base.njk";
    const original = site.read(layout);
    const edit = () => site.write(layout, original.replace("</body>", "<!-- layout edited --></body>"));
    edit();
    await until(
      () => site.read("_site/zh/releases/second/index.html").includes("<!-- layout edited -->"),
      edit,
    );
    expect(site.read("_site/en/index.html")).toContain("<!-- layout edited -->");
  }, 90_000);

  it("applies an edit to the site settings in _data/site.ts at the next build", async () => {
    const settings = "_data/site.ts";
    const original = site.read(settings);
    expect(original).toContain("releasesPerPage: 20");
    expect(site.exists("_site/en/page/2/index.html")).toBe(false);
    // Three English releases, two a page: the home gets a second page.
    const edit = () => site.write(settings, original.replace("releasesPerPage: 20", "releasesPerPage: 2"));
    edit();
    await until(() => site.exists("_site/en/page/2/index.html"), edit);
    expect(page(site, "/en/")(".release-card")).toHaveLength(2);
    expect(page(site, "/en/page/2/")(".release-card")).toHaveLength(1);
  }, 90_000);
});

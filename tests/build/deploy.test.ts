// What a build gives a host, checked on a real build under a path prefix:
// `_headers` covers every file it wrote with exactly one rule, caches for
// good only files whose names carry their content's hash, and `npm run
// serve` serves the build with those headers, under its prefix.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../lib/build/run-command.ts";
import { headersForPath, parseHeadersFile, ruleMatches } from "../../lib/deploy/headers-file.ts";
import { createFixtureSite, type FixtureSite, mustBuild, releaseFile } from "../support/fixture-site.ts";

const PREFIX = "/newsroom/";
let site: FixtureSite;
let built: string;

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/launch.md": releaseFile({
      title: "Acme launches",
      releaseTime: "2025-01-02",
      tags: ["storage"],
    }),
    "src/releases/zh/launch.md": releaseFile({
      title: "艾克姆发布",
      releaseTime: "2025-01-02",
      tags: ["storage"],
    }),
  });
  await mustBuild(site, { env: { PATH_PREFIX: PREFIX } });
  built = path.join(site.dir, "_site");
});

afterAll(() => site?.dispose());

function servedFiles(dir: string, at = ""): string[] {
  return readdirSync(path.join(dir, at), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || entry.name === "_headers") return [];
    const relative = at ? `${at}/${entry.name}` : entry.name;
    return entry.isDirectory() ? servedFiles(dir, relative) : [relative];
  });
}

describe("_headers of a build under a path prefix", () => {
  it("matches every file the build wrote, and each folder's address, with exactly one rule", () => {
    const rules = parseHeadersFile(readFileSync(path.join(built, "_headers"), "utf8"), "_site/_headers");
    expect(rules.every((rule) => rule.path.startsWith(PREFIX))).toBe(true);
    const files = servedFiles(built);
    expect(files.length).toBeGreaterThan(30);
    const addresses = files.flatMap((file) =>
      file.endsWith("index.html")
        ? [`${PREFIX}${file}`, `${PREFIX}${file.slice(0, -10)}`]
        : [`${PREFIX}${file}`],
    );
    for (const address of addresses) {
      const matching = rules.filter((rule) => ruleMatches(rule.path, encodeURI(address)));
      expect(
        matching.map((r) => r.path),
        address,
      ).toHaveLength(1);
      expect(headersForPath(rules, encodeURI(address))["Content-Security-Policy"], address).toBeTruthy();
    }
  });

  it("caches for good only Pagefind files whose names carry a hash, and never pages or sw.js", () => {
    const rules = parseHeadersFile(readFileSync(path.join(built, "_headers"), "utf8"), "_site/_headers");
    const immutable = servedFiles(built).filter((file) =>
      /immutable/.test(headersForPath(rules, `${PREFIX}${file}`)["Cache-Control"] ?? ""),
    );
    expect(immutable.length).toBeGreaterThan(3);
    for (const file of immutable)
      expect(file).toMatch(
        /^pagefind\/((fragment|index|filter)\/[\w-]+_[0-9a-f]{6,}\.pf_\w+|pagefind\.[\w-]+_[0-9a-f]{6,}\.pf_meta)$/,
      );
    for (const file of [
      "sw.js",
      "index.html",
      "en/index.html",
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
    ]) {
      expect(headersForPath(rules, `${PREFIX}${file}`)["Cache-Control"], file).toBe("no-cache");
    }
  });
});

/** Starts `npm run serve`'s script in the fixture and waits for the address it prints. */
async function startServe(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...args], {
    cwd: site.dir,
    env: { ...process.env, PATH_PREFIX: "", ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (found) resolve(found[1] as string);
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url, child };
}

describe("npm run serve", () => {
  it("serves the build at its path prefix with the headers of _headers, gzipped", async () => {
    const { url, child } = await startServe(["--port", "0"], { PATH_PREFIX: PREFIX });
    try {
      expect(url).toMatch(/\/newsroom\/$/);
      const page = await fetch(`${url}en/`, { headers: { "Accept-Encoding": "gzip" } });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("'wasm-unsafe-eval'");
      expect(page.headers.get("content-encoding")).toBe("gzip");
      expect(await page.text()).toContain("Acme launches");
      const missing = await fetch(`${url}en/releases/nothing/`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      child.kill();
    }
  });

  it.each([
    [
      ["--port", "0", "--prefix", "/press/"],
      /_headers: rule \/newsroom\/\S* is for a site built with another path prefix than \/press\//,
    ],
    [["--port", "0"], /_headers: rule \/newsroom\/\S* is for a site built with another path prefix than \//],
    [["--dir", "nowhere"], /Cannot serve nowhere: it is not a built site/],
    [["--port", "eighty"], /--port: expected a number/],
  ])("refuses %j with one line saying why", async (args, message) => {
    const result = await runCommand(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...args], {
      cwd: site.dir,
      env: { ...process.env, PATH_PREFIX: "" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

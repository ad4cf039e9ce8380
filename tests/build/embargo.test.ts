// Embargoed previews as the build writes them and the communications team
// lists them: with PRESSROOM_EMBARGO_KEY set, a sealed page per scheduled
// release and language at an address nothing links to, kept out of every
// index, and `npm run embargo:links` giving the private links. (Nothing in
// clear: tests/build/safe-publishing.test.ts. Opening them:
// tests/browser/embargo.test.ts.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { runCommand } from "../../lib/build/run-command.ts";
import { loadRegistry } from "../../lib/i18n/locales.ts";
import { createTranslator, loadBundles } from "../../lib/i18n/translator.ts";
import {
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  projectRoot,
  releaseFile,
} from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const registry = loadRegistry(projectRoot);
const translator = createTranslator(registry, loadBundles(projectRoot, registry));
const KEY = Buffer.alloc(40, 0x21).toString("base64");
const env = {
  BUILD_TIME: "2026-03-01T12:00:00+08:00",
  PRESSROOM_EMBARGO_KEY: KEY,
  SITE_URL: "https://news.example",
  PATH_PREFIX: "/newsroom/",
};

interface Link {
  locale: string;
  slug: string;
  title: string;
  releaseTime: string;
  link: string;
}

let site: FixtureSite;
let summary: string;
let links: Link[];

function embargoLinks(args: string[], extra: Record<string, string> = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(PRESSROOM_|BUILD_TIME|SITE_URL|PATH_PREFIX)/.test(name),
    ),
  );
  return runCommand(process.execPath, ["--import", "tsx", "scripts/embargo-links.ts", ...args], {
    cwd: site.dir,
    env: { ...inherited, ...env, ...extra },
  });
}

/** The preview folder a private link points at, inside the output. */
const folderOf = (link: string) => new URL(link).pathname.replace(/^\/newsroom\//, "");

beforeAll(async () => {
  site = createFixtureSite({
    "src/releases/en/public-news.md": releaseFile({ title: "Public news", releaseTime: "2026-02-01" }),
    "src/releases/en/merger.md": releaseFile({
      title: "Merger agreed",
      releaseTime: "2026-03-02T09:00:00+08:00",
    }),
    "src/releases/zh/merger.md": releaseFile({ title: "并购达成", releaseTime: "2026-03-02T09:00:00+08:00" }),
    "src/releases/en/quiet.md": releaseFile({ title: "Quiet draft", releaseTime: "2026-04-01", draft: true }),
  });
  summary = (await mustBuild(site, { env })).stdout;
  const listed = await embargoLinks(["--json"]);
  expect(listed.code, listed.stderr).toBe(0);
  links = JSON.parse(listed.stdout);
});

afterAll(() => site?.dispose());

describe("embargoed previews in the build", () => {
  it("are written for each scheduled release and language, never a draft, and counted in the summary", () => {
    expect(links.map((l) => `${l.locale} ${l.title}`).sort()).toEqual(["en Merger agreed", "zh 并购达成"]);
    for (const l of links) {
      expect(l.link).toMatch(
        /^https:\/\/news\.example\/newsroom\/embargo\/[0-9a-f]{32}\/#k=[A-Za-z0-9_-]{43}$/,
      );
      expect(l.link).not.toContain("merger");
      expect(site.exists(`_site/${folderOf(l.link)}index.html`)).toBe(true);
    }
    expect(summary).toMatch(/embargo: +2 embargoed previews written/);
    expect(summary).not.toContain("Merger");
    // Previews are not a language's pages.
    expect(summary).toMatch(/pages: +en \d+, zh \d+, shared \d+/);
  });

  it("carry the localized banner with the release time, noindex, no-referrer and only an external script", () => {
    for (const l of links) {
      const $ = page(site, `/${folderOf(l.link)}`);
      const code = l.locale;
      expect($("html").attr("lang")).toBe(registry.get(code)?.htmlLang);
      expect($('meta[name="robots"]').attr("content")).toBe("noindex, nofollow");
      expect($('meta[name="referrer"]').attr("content")).toBe("no-referrer");
      const banner = $(".embargo-banner time");
      expect(banner.attr("datetime")).toBe("2026-03-02T09:00:00+08:00");
      const time = translator.t(code, "embargo.until", { time: "\u0000" }).split("\u0000");
      expect(banner.text().startsWith(time[0] ?? "")).toBe(true);
      expect(banner.text().endsWith(time[1] ?? "")).toBe(true);
      expect($("noscript").text()).toContain(translator.t(code, "embargo.needsJavaScript"));
      expect($(".embargo-release").attr("data-missing-key")).toBe(translator.t(code, "embargo.missingKey"));
      const scripts = $("script").toArray();
      expect(scripts.every((s) => $(s).attr("src"))).toBe(true);
      expect(scripts.map((s) => $(s).attr("src"))).toContain("/newsroom/assets/embargo.js");
      expect($("h1").text()).toBe(translator.t(code, "embargo.pageTitle"));
      expect($("link[rel=canonical], link[hreflang]")).toHaveLength(0);
    }
  });

  it("are linked from nowhere and listed nowhere: sitemap, feeds, search index, precache", () => {
    const ids = links.map((l) => folderOf(l.link).split("/")[1] as string);
    const root = path.join(site.dir, "_site");
    const mentions = listFiles(root)
      .filter((file) => !file.startsWith(path.join(root, "embargo")))
      .filter((file) => {
        const bytes = readFileSync(file);
        // Pagefind's index files are gzip.
        const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("latin1");
        return ids.some((id) => text.includes(id));
      });
    expect(mentions).toEqual([]);
    // The preview script is precached like every script; no preview is.
    expect(site.read("_site/sw.js")).not.toMatch(/"url":"embargo\//);
    expect(site.read("_site/sitemap.xml")).not.toContain("embargo");
    expect(site.read("_site/robots.txt")).toMatch(/^Disallow: \/newsroom\/embargo\/$/m);
  });

  it("are the same bytes when built again, and the same links", async () => {
    await mustBuild(site, { env, args: ["--out", "_again"] });
    const folder = (out: string) =>
      listFiles(path.join(site.dir, out, "embargo")).map((file) => [
        path.relative(path.join(site.dir, out), file),
        readFileSync(file).toString("base64"),
      ]);
    expect(folder("_again")).toEqual(folder("_site"));
  });
});

describe("npm run embargo:links", () => {
  it("prints title, release time and private link per release and language", async () => {
    const result = await embargoLinks([]);
    expect(result.code).toBe(0);
    for (const l of links) {
      expect(result.stdout).toContain(l.title);
      expect(result.stdout).toContain(l.link);
    }
    expect(result.stdout).toContain("2026-03-02T09:00:00+08:00");
  });

  it("refuses an unknown argument with a usage line", async () => {
    const result = await embargoLinks(["--jason"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown option --jason.");
    expect(result.stderr).toContain("Usage: npm run embargo:links");
  });

  it("says the secret is not set, or what is wrong with it", async () => {
    const unset = await embargoLinks([], { PRESSROOM_EMBARGO_KEY: "" });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/PRESSROOM_EMBARGO_KEY is not set/);
    const short = await embargoLinks([], { PRESSROOM_EMBARGO_KEY: "c2hvcnQ=" });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(
      /environment variable PRESSROOM_EMBARGO_KEY: expected at least 32 random bytes/,
    );
    expect(short.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a malformed embargo secret", () => {
  it("stops the build, naming the variable and what is wrong, and leaves the site alone", async () => {
    const before = site.read("_site/index.html");
    const result = await site.build({ env: { ...env, PRESSROOM_EMBARGO_KEY: "paste the key here" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/environment variable PRESSROOM_EMBARGO_KEY: expected base64 text/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(site.read("_site/index.html")).toBe(before);
  });
});

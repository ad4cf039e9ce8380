// A release published early can move markets. These tests build fixture
// sites with drafts and embargoed releases and check that nothing of them
// leaks, also with the embargo secret set (sealed previews, media kit
// included), that output is reproducible, valid HTML with working links,
// and that what a writer or translator types is shown as text, never as markup.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { crc32, gunzipSync } from "node:zlib";
import { HtmlValidate } from "html-validate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import { bundleText } from "../support/bundles.ts";
import {
  type BuildResult,
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  releaseFile,
} from "../support/fixture-site.ts";
import { page } from "../support/html.ts";

const BUILD_TIME = "2026-03-01T12:00:00+08:00";
/** npm run embargo:key gives such a value; a fixed one keeps the sealed build comparable. */
const EMBARGO_KEY = Buffer.alloc(32, 0x5a).toString("base64");
const CANARIES = [
  "CanaryScheduledEn",
  "CanaryAttachment",
  "金丝雀定时",
  "CanaryDraft",
  "secret-merger",
  "quiet-draft",
  "yinmi-binggou",
];

// A 4×4 PNG: a press-kit image small enough to write inline.
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVR4nGMwTpsJRwzEcQDrIxMhwmPP/AAAAABJRU5ErkJggg==",
  "base64",
);
/** A photo in the scheduled release's media kit, with the canary in its text chunk. */
let photo: Buffer;

function files(): Record<string, string | Uint8Array> {
  return {
    // Static pages, a company with contacts and a press kit: the validity
    // and link checks below cover the pages they make.
    "src/pages/en/about.md":
      "---\ntitle: About\nnav: 1\n---\n## Who we are\n\nSee the [contacts](/en/contacts/) and [our press kit](/en/companies/acme/).\n",
    "src/pages/zh/about.md": "---\ntitle: 关于\nnav: 1\n---\n正文。\n",
    "src/pages/en/legal.md": "---\ntitle: Legal notice\n---\nImprint.\n",
    "_data/companies/acme.json": JSON.stringify({
      name: { en: "Acme", zh: "艾克姆" },
      about: { en: "Acme makes things." },
      contacts: { en: [{ name: "Kim", role: "Press", email: "kim@acme.example", phone: "+1 555 0100" }] },
      pressKit: [
        { file: "logo.png", title: { en: "Logo", zh: "标志" }, caption: { en: "The logo." } },
        { file: "facts.pdf", title: { en: "Fact sheet" } },
      ],
    }),
    "_data/companies/acme/logo.png": TINY_PNG,
    "_data/companies/acme/facts.pdf": "%PDF-1.4",
    "src/releases/en/public-news.md": releaseFile(
      { title: "Public news", releaseTime: "2026-02-01", tags: ["markets"], summary: "Out now." },
      "## Details\n\nSee the [figures](#details) and the [other release](/en/releases/older-news/).",
    ),
    "src/releases/zh/public-news.md": releaseFile({ title: "公开新闻", releaseTime: "2026-02-01" }, "正文。"),
    "src/releases/en/older-news.md": releaseFile({
      title: "Older news",
      releaseTime: "2025-01-01",
      tags: ["markets"],
      company: "acme",
    }),
    // Embargoed until after BUILD_TIME, in both languages, one with its own
    // slug; its media kit holds the canary in a file's text and in an image.
    "src/releases/en/secret-merger.md": releaseFile(
      {
        title: "CanaryScheduledEn merger",
        releaseTime: "2026-03-01T12:00:01+08:00",
        tags: ["markets", "canarytag"],
        company: "CanaryCorp",
      },
      "CanaryScheduledEn body.",
    ).replace(
      "\n---\n",
      "\nattachments:\n  - file: secret-merger-terms.pdf\n    title: CanaryAttachment terms\n  - secret-merger-photo.png\n---\n",
    ),
    "src/releases/en/secret-merger-terms.pdf":
      "%PDF-1.4\nCanaryAttachment terms of the CanaryScheduledEn merger\n%%EOF\n",
    "src/releases/en/secret-merger-photo.png": photo,
    "src/releases/zh/yinmi-binggou.md": releaseFile(
      { title: "金丝雀定时并购", releaseTime: "2026-03-01T12:00:01+08:00", translationKey: "secret-merger" },
      "金丝雀定时正文。",
    ),
    // A draft that is a translation of a published release.
    "src/releases/zh/older-news.md": releaseFile({
      title: "CanaryDraft 旧闻",
      releaseTime: "2025-01-01",
      draft: true,
    }),
    "src/releases/en/quiet-draft.md": releaseFile({
      title: "CanaryDraft quiet",
      releaseTime: "2024-01-01",
      draft: true,
    }),
  };
}

/** Every output file as text; Pagefind's compressed index files decompressed. */
function outputTexts(site: FixtureSite, dir = "_site"): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(`${site.dir}/${dir}`)) {
    const bytes = readFileSync(file);
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    texts.set(file.slice(site.dir.length), (isGzip ? gunzipSync(bytes) : bytes).toString("utf8"));
  }
  return texts;
}

let site: FixtureSite;
let twin: FixtureSite;
/** Built with the embargo secret set: sealed previews of the scheduled releases. */
let sealed: FixtureSite;
/** The site's published build (not the preview). */
let published: BuildResult;
let sealedBuild: BuildResult;

beforeAll(async () => {
  photo = await sharp({ create: { width: 700, height: 400, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  // A tEXt chunk after the header: the canary in the image file's bytes.
  const text = Buffer.from("Comment\0CanaryAttachment photo", "latin1");
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write("tEXt", 4, "latin1");
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  photo = Buffer.concat([photo.subarray(0, 33), chunk, photo.subarray(33)]);
  site = createFixtureSite(files());
  twin = createFixtureSite(files());
  sealed = createFixtureSite(files());
  [published] = await Promise.all([
    mustBuild(site, { env: { BUILD_TIME } }),
    // Preview is the --preview option only: a variable that once switched it
    // on, inherited from a shell, must leave the published build as it is.
    mustBuild(twin, { env: { BUILD_TIME, PRESSROOM_PREVIEW: "1" } }),
  ]);
  await mustBuild(site, { env: { BUILD_TIME }, args: ["--preview"] });
  sealedBuild = await mustBuild(sealed, { env: { BUILD_TIME, PRESSROOM_EMBARGO_KEY: EMBARGO_KEY } });
});

afterAll(() => {
  site?.dispose();
  twin?.dispose();
  sealed?.dispose();
});

describe("drafts and scheduled releases", () => {
  it("leave no trace in any output file, the search index included", () => {
    const texts = outputTexts(site);
    expect([...texts.keys()].some((f) => f.includes("/pagefind/fragment/"))).toBe(true);
    const hits = [...texts].flatMap(([file, text]) =>
      CANARIES.filter((canary) => text.includes(canary)).map((canary) => `${file}: ${canary}`),
    );
    expect(hits).toEqual([]);
  });

  it("get no share image: every generated image is a published page's, and no file name carries a title", () => {
    const shareImagesOf = (dir: string) => readdirSync(path.join(site.dir, dir, "media", "share")).sort();
    const pages = ["/en/releases/public-news/", "/zh/releases/public-news/", "/en/releases/older-news/"];
    const used = pages.map((url) =>
      path.basename(page(site, url)('meta[property="og:image"]').attr("content") ?? ""),
    );
    expect(shareImagesOf("_site")).toEqual([...new Set(used)].sort());
    // The preview shows the scheduled and draft releases, with their cards:
    // the published build left theirs out, it did not fail to make any.
    const previewOnly = shareImagesOf("_preview").filter((name) => !shareImagesOf("_site").includes(name));
    expect(previewOnly.length).toBeGreaterThan(0);
    const names = listFiles(`${site.dir}/_site`).map((file) => file.slice(site.dir.length).toLowerCase());
    const slugsAndTitles = [...CANARIES, "canaryscheduleden-merger", "canarycorp"].map((c) =>
      c.toLowerCase(),
    );
    expect(names.filter((name) => slugsAndTitles.some((c) => name.includes(c)))).toEqual([]);
  });

  it("are left out of switchers, hreflang and neighbours of their published twins", () => {
    const en = page(site, "/en/releases/older-news/");
    expect(en(".language-switcher a").attr("href")).toBe("/zh/");
    expect(en('link[hreflang="zh-CN"]')).toHaveLength(0);
    expect(page(site, "/en/releases/public-news/")(".neighbours a.newer")).toHaveLength(0);
    expect(page(site, "/en/")(".count").text()).toBe("2 releases");
  });

  it("leave nothing in clear with the embargo secret set: sealed previews, media kit and index", () => {
    const texts = outputTexts(sealed);
    const pages = [...texts].filter(([f]) => /^\/_site\/embargo\/[0-9a-f]{32}\/index\.html$/.test(f));
    // Two previews (en, zh) and, for the en one, its PDF, photo and renditions,
    // sealed; the three published releases get pages that send readers on.
    expect(pages.filter(([, text]) => text.includes("data-embargo-sealed="))).toHaveLength(2);
    expect(pages).toHaveLength(5);
    expect([...texts.keys()].filter((f) => f.endsWith(".bin")).length).toBeGreaterThan(2);
    expect([...texts.keys()].some((f) => f.includes("/pagefind/fragment/"))).toBe(true);
    const hits = [...texts].flatMap(([file, text]) =>
      CANARIES.filter((canary) => text.includes(canary)).map((canary) => `${file}: ${canary}`),
    );
    expect(hits).toEqual([]);
    // Also as raw bytes (a .bin file read as UTF-8 could hide a match).
    const canaryBytes = CANARIES.map((c) => Buffer.from(c, "utf8"));
    const byteHits = listFiles(`${sealed.dir}/_site`).filter((file) => {
      const bytes = readFileSync(file);
      return canaryBytes.some((c) => bytes.includes(c));
    });
    expect(byteHits).toEqual([]);
    expect(sealedBuild.stdout).toMatch(/embargo: +2 embargoed previews written/);
  });

  it("stay out of a build run with PRESSROOM_PREVIEW=1 in its environment", () => {
    const hits = [...outputTexts(twin)].flatMap(([file, text]) =>
      CANARIES.filter((canary) => text.includes(canary)).map((canary) => `${file}: ${canary}`),
    );
    expect(hits).toEqual([]);
    expect(twin.exists("_preview")).toBe(false);
  });

  it("are counted as held back in the build summary", () => {
    expect(published.stdout).toMatch(/held back: 2 scheduled, 2 draft/);
  });

  it("publish on time when BUILD_TIME passes their release time", async () => {
    const later = createFixtureSite(files());
    try {
      const result = await later.build({ env: { BUILD_TIME: "2026-03-01T12:00:01+08:00" } });
      expect(result.code).toBe(0);
      expect(page(later, "/en/releases/secret-merger/")("h1").text()).toBe("CanaryScheduledEn merger");
      expect(page(later, "/en/releases/secret-merger/")(".language-switcher a").attr("href")).toBe(
        "/zh/releases/yinmi-binggou/",
      );
    } finally {
      later.dispose();
    }
  });

  it("appear in a preview build, in _preview/ only, marked and not indexable", () => {
    const $ = page(site, "/en/releases/secret-merger/", "_preview");
    expect($(".status-banner").hasClass("status-scheduled")).toBe(true);
    expect($('meta[name="robots"]').attr("content")).toContain("noindex");
    expect(page(site, "/zh/releases/older-news/", "_preview")(".status-banner").text()).toContain(
      bundleText(site.dir, "zh", "preview.draft"),
    );
    expect(page(site, "/en/", "_preview")(".preview-banner")).toHaveLength(1);
    expect(site.exists("_site/en/releases/secret-merger/index.html")).toBe(false);
  });

  it("cannot be previewed into _site/, however the path is spelled", async () => {
    const before = site.read("_site/en/index.html");
    // More spellings are tried in tests/build/hostile/output-cases.ts.
    for (const out of ["_site", `${site.dir}/./_site/`]) {
      const result = await site.build({ env: { BUILD_TIME }, args: ["--preview", "--out", out] });
      expect(result.code, out).toBe(1);
      expect(result.stderr, out).toContain("cannot be written to _site/");
      expect(result.stderr, out).toContain("Nothing was written.");
    }
    expect(site.read("_site/en/index.html")).toBe(before);
    expect(site.read("_site/.pressroom-output")).toMatch(/^kind: site$/m);
    expect(site.read("_preview/.pressroom-output")).toMatch(/^kind: preview$/m);
  });
});

describe("reproducible output", () => {
  // Pagefind 1.5.2 writes the values inside its filter chunks in hash-map
  // order, which differs between runs; the chunk names (content hashes), the
  // metadata and entry files that list them, sw.js, which lists every
  // precached file with its hash, _headers, which names the metadata
  // files to cache them for good, and our per-language file lists for
  // offline saving (lib/search/offline-files.ts), follow. The index answers the same
  // queries. Everything else must match byte for byte. Upstream:
  // https://github.com/Pagefind/pagefind/issues/638, closed when fragments
  // became stable (1.3), with filter and metadata files noted as still
  // varying.
  const VARYING =
    /\/pagefind\/(filter\/.*|.*\.pf_meta|pagefind-entry\.json|pressroom-files\.[^/]+\.json)$|\/sw\.js$|\/_headers$/;

  it("gives byte-identical files for the same input and BUILD_TIME", () => {
    const a = outputTexts(site);
    const b = outputTexts(twin);
    const stable = (m: Map<string, string>) => [...m.keys()].filter((f) => !VARYING.test(f)).sort();
    expect(stable(a)).toEqual(stable(b));
    for (const file of stable(a)) expect(a.get(file), file).toBe(b.get(file));
    expect([...a.keys()].filter((f) => VARYING.test(f)).length).toBe(
      [...b.keys()].filter((f) => VARYING.test(f)).length,
    );
  });

  it("gives filter chunks with the same values in both builds", () => {
    const filterValues = (s: FixtureSite) =>
      [...outputTexts(s)]
        .filter(([f]) => f.includes("/pagefind/filter/"))
        .flatMap(([, text]) => text.match(/[\p{L}\p{N}][\p{L}\p{N} &.-]*/gu) ?? [])
        .sort();
    expect(filterValues(site)).toEqual(filterValues(twin));
  });
});

describe("quality gates", () => {
  it("every HTML page validates", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // Pagefind and our filters use data attributes with values like "year:2024".
        "attribute-boolean-style": "off",
        "no-inline-style": "error",
        "long-title": "off",
      },
    });
    const failures: string[] = [];
    const pages = [
      ...outputTexts(site),
      ...[...outputTexts(sealed)].filter(([f]) => f.includes("/embargo/")),
    ];
    for (const [file, text] of pages) {
      if (!file.endsWith(".html")) continue;
      const report = await validator.validateString(text, file);
      for (const result of report.results) {
        for (const m of result.messages)
          failures.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ["", () => site],
    [" (embargo secret set)", () => sealed],
  ])("has no broken internal links or fragment anchors%s", (_, built) => {
    const texts = outputTexts(built());
    const broken: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith(".html")) continue;
      for (const [, raw] of text.matchAll(/(?:href|src|action)="([^"]+)"/g)) {
        if (!raw || /^(https?:|mailto:|tel:|data:)/.test(raw)) continue;
        const [target = "", fragment] = raw.split("#");
        const base = `http://site${file.slice("/_site".length)}`;
        const url = new URL(target || base, base);
        let path = `/_site${decodeURIComponent(url.pathname)}`;
        if (path.endsWith("/")) path += "index.html";
        const targetText = texts.get(path);
        if (targetText === undefined) broken.push(`${file}: ${raw}`);
        else if (fragment && !targetText.includes(`id="${fragment}"`))
          broken.push(`${file}: ${raw} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("escaping", () => {
  it("shows front matter and locale strings containing markup as text", async () => {
    const hostile = createFixtureSite({
      "src/releases/en/hostile.md": releaseFile({
        title: "<script>alert('title')</script> & Co",
        releaseTime: "2025-01-01",
        company: "<img src=x onerror=alert(1)>",
        summary: '"><script>alert("summary")</script>',
        tags: ["<b>bold</b>"],
      }),
    });
    try {
      const bundle = JSON.parse(hostile.read("locales/en/translation.json"));
      bundle.release.time = "<script>alert('label')</script>";
      hostile.write("locales/en/translation.json", JSON.stringify(bundle));
      const result = await hostile.build();
      expect(result.code).toBe(0);
      const html = hostile.read("_site/en/releases/hostile/index.html");
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=x/);
      expect(html).not.toMatch(/<b>bold/);
      const $ = page(hostile, "/en/releases/hostile/");
      expect($("h1").text()).toBe("<script>alert('title')</script> & Co");
      expect($(".release-meta dt").first().text()).toBe("<script>alert('label')</script>");
      const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
      expect(jsonLd.headline).toBe("<script>alert('title')</script> & Co");
      expect(hostile.read("_site/en/feed.xml")).not.toMatch(/<script>alert/);
    } finally {
      hostile.dispose();
    }
  });
});

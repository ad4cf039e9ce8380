import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseRegistry } from "../../../lib/i18n/locales.ts";
import {
  formatStatus,
  hashSource,
  planMarks,
  readStatusReleases,
  type StatusRelease,
  setSourceHash,
  translationStatus,
} from "../../../lib/i18n/translation-status.ts";
import { releaseFile } from "../../support/fixture-site.ts";
import { tempProject, testRegistry } from "../../support/temp-project.ts";

const threeLocales = parseRegistry({
  sourceLocale: "en",
  locales: [
    { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English" },
    { code: "zh", htmlLang: "zh-CN", i18nextLanguage: "zh-CN", luxonLocale: "zh-CN", label: "简体中文" },
    { code: "ja", htmlLang: "ja", i18nextLanguage: "ja", luxonLocale: "ja", label: "日本語" },
  ],
});

function release(locale: string, slug: string, fields: Partial<StatusRelease> = {}): StatusRelease {
  return {
    file: `src/releases/${locale}/${slug}.md`,
    locale,
    slug,
    translationKey: slug,
    status: "published",
    hash: `hash-${locale}-${slug}`,
    sourceHash: undefined,
    company: undefined,
    tags: [],
    ...fields,
  };
}

const releases: StatusRelease[] = [
  release("en", "current", { hash: "aaaaaaaaaaaa" }),
  release("zh", "current", { sourceHash: "aaaaaaaaaaaa" }),
  release("en", "changed", { hash: "bbbbbbbbbbbb" }),
  release("zh", "changed", { sourceHash: "000000000000" }),
  release("en", "never-marked"),
  release("zh", "never-marked"),
  release("en", "untranslated", { status: "draft" }),
  release("zh", "zhong-wen-zhuan-gao", { translationKey: "chinese-only" }),
  release("en", "different-slug", { hash: "cccccccccccc" }),
  release("zh", "bu-tong", { translationKey: "different-slug", sourceHash: "cccccccccccc" }),
];

describe("translationStatus", () => {
  const status = translationStatus(testRegistry, releases);
  const zh = status.locales[0];

  it("reports each non-source language, counting every kind", () => {
    expect(status.sourceLocale).toBe("en");
    expect(status.locales.map((l) => l.code)).toEqual(["zh"]);
    expect(zh?.counts).toEqual({ missing: 1, stale: 1, unverified: 1, "no-source": 1, "up-to-date": 2 });
  });

  it("lists a source release with no translation as missing, drafts included", () => {
    expect(zh?.items.filter((i) => i.kind === "missing")).toEqual([
      {
        kind: "missing",
        translationKey: "untranslated",
        source: "src/releases/en/untranslated.md",
        status: "draft",
      },
    ]);
  });

  it("lists a translation whose source changed since it was marked as stale", () => {
    expect(zh?.items.find((i) => i.kind === "stale")).toEqual({
      kind: "stale",
      translationKey: "changed",
      file: "src/releases/zh/changed.md",
      source: "src/releases/en/changed.md",
      status: "published",
      recordedHash: "000000000000",
      currentHash: "bbbbbbbbbbbb",
    });
  });

  it("lists a translation that records no source hash as unverified, not stale", () => {
    expect(zh?.items.filter((i) => i.kind === "unverified").map((i) => i.file)).toEqual([
      "src/releases/zh/never-marked.md",
    ]);
  });

  it("pairs by translationKey, as the build does, and lists releases only in the translation's language", () => {
    expect(zh?.items.filter((i) => i.kind === "up-to-date").map((i) => i.file)).toEqual([
      "src/releases/zh/current.md",
      "src/releases/zh/bu-tong.md",
    ]);
    expect(zh?.items.filter((i) => i.kind === "no-source").map((i) => i.file)).toEqual([
      "src/releases/zh/zhong-wen-zhuan-gao.md",
    ]);
  });

  it("reports every added language separately", () => {
    const three = translationStatus(threeLocales, [...releases, release("ja", "current")]);
    expect(three.locales.map((l) => [l.code, l.counts.missing, l.counts.unverified])).toEqual([
      ["zh", 1, 1],
      ["ja", 4, 1],
    ]);
  });

  it("prints one line per release that needs work, and how to mark", () => {
    expect(formatStatus(status).split("\n")).toEqual([
      "zh (简体中文): 2 up to date, 1 stale, 1 unverified, 1 missing, 1 only in zh",
      "  missing     src/releases/en/untranslated.md (draft): no zh version yet (same file name in src/releases/zh/, or translationKey: untranslated)",
      "  stale       src/releases/zh/changed.md: src/releases/en/changed.md changed after it was translated (recorded 000000000000, now bbbbbbbbbbbb)",
      "  unverified  src/releases/zh/never-marked.md: no sourceHash yet; compare it with src/releases/en/never-marked.md, then mark it",
      "  no source   src/releases/zh/zhong-wen-zhuan-gao.md: no en version",
      "",
      "When a translation matches its source, mark it up to date (one, or all of a language):",
      "  npm run status:translations -- --mark <language>/<file name without .md>",
      "  npm run status:translations -- --mark-all <language>",
    ]);
  });
});

describe("the report's details for a translator", () => {
  it("shows under a stale translation what changed in its source, or why that is unknown", () => {
    const report = translationStatus(testRegistry, [
      release("en", "a", { hash: "bbbbbbbbbbbb" }),
      release("zh", "a", { sourceHash: "aaaaaaaaaaaa" }),
      release("en", "b", { hash: "dddddddddddd" }),
      release("zh", "b", { sourceHash: "cccccccccccc" }),
    ]);
    const [a, b] = report.locales[0]?.items ?? [];
    if (!a || !b) throw new Error("expected two stale items");
    a.sourceChanges = { changes: [{ before: "rose ", removed: "5", added: "7", after: "%" }] };
    b.sourceChanges = { unknown: "no history; compare the two files" };
    const lines = formatStatus(report).split("\n");
    expect(lines.slice(1, 6)).toEqual([
      expect.stringMatching(/^ {2}stale {7}src\/releases\/zh\/a\.md: /),
      "              changed in src/releases/en/a.md ([-removed-] {+added+}):",
      "                …rose [-5-]{+7+}%…",
      expect.stringMatching(/^ {2}stale {7}src\/releases\/zh\/b\.md: /),
      "              what changed is unknown: no history; compare the two files",
    ]);
  });

  it("lists company texts and differing keys of each language under it", () => {
    const report = translationStatus(
      testRegistry,
      [],
      [
        { locale: "zh", file: "_data/companies/acme.json", field: "about.zh", message: "missing" },
        { locale: "zh", file: "src/releases/zh/a.md", field: "tags", message: "differs" },
      ],
    );
    expect(formatStatus(report).split("\n").slice(1)).toEqual([
      "  company     _data/companies/acme.json: about.zh: missing",
      "  keys        src/releases/zh/a.md: tags: differs",
    ]);
  });
});

describe("hashSource", () => {
  it("is 12 hex digits that change when the text changes", () => {
    expect(hashSource("---\ntitle: A\n---\nBody\n")).toMatch(/^[0-9a-f]{12}$/);
    expect(hashSource("---\ntitle: A\n---\nBody\n")).not.toBe(hashSource("---\ntitle: B\n---\nBody\n"));
  });

  it("is the same for Windows and Unix line endings", () => {
    expect(hashSource("---\r\ntitle: A\r\n---\r\nBody\r\n")).toBe(hashSource("---\ntitle: A\n---\nBody\n"));
  });
});

describe("setSourceHash", () => {
  const text = [
    "---",
    'title: "電池"  # the headline',
    "releaseTime: 2025-05-01",
    "tags: [batteries]",
    "---",
    "",
    "Body with a line of --- inside.",
    "",
  ].join("\n");

  it("adds the line before the closing dashes and leaves every other byte alone", () => {
    const marked = setSourceHash(text, "0123456789ab");
    expect(marked).toBe(
      text.replace("tags: [batteries]\n", 'tags: [batteries]\nsourceHash: "0123456789ab"\n'),
    );
  });

  it("replaces an existing line in place, and writing the same hash twice changes nothing", () => {
    const once = setSourceHash(text, "0123456789ab");
    const twice = setSourceHash(once, "ba9876543210");
    expect(twice).toBe(once.replace("0123456789ab", "ba9876543210"));
    expect(setSourceHash(twice, "ba9876543210")).toBe(twice);
  });

  it("quotes the hash, so one made of digits stays text in YAML", () => {
    expect(setSourceHash(text, "123456789012")).toContain('sourceHash: "123456789012"\n');
  });

  it("keeps Windows line endings and a byte order mark", () => {
    const windows = `\uFEFF${text.replaceAll("\n", "\r\n")}`;
    const marked = setSourceHash(windows, "0123456789ab");
    expect(marked).toBe(
      windows.replace("tags: [batteries]\r\n", 'tags: [batteries]\r\nsourceHash: "0123456789ab"\r\n'),
    );
  });

  it("refuses a file without front matter", () => {
    expect(() => setSourceHash("Just a body\n", "0123456789ab")).toThrow(/three dashes/);
  });
});

describe("planMarks", () => {
  it("marks one translation with its source's current hash", () => {
    expect(planMarks(testRegistry, releases, { locale: "zh", slug: "changed" })).toEqual([
      { file: "src/releases/zh/changed.md", hash: "bbbbbbbbbbbb" },
    ]);
  });

  it("marks every translation of a language that has a source, matched by translationKey", () => {
    expect(planMarks(testRegistry, releases, { locale: "zh" }).map((m) => m.file)).toEqual([
      "src/releases/zh/current.md",
      "src/releases/zh/changed.md",
      "src/releases/zh/never-marked.md",
      "src/releases/zh/bu-tong.md",
    ]);
  });

  it("explains what is wrong with a target it cannot mark", () => {
    expect(() => planMarks(testRegistry, releases, { locale: "fr" })).toThrow(/"fr" is not a language/);
    expect(() => planMarks(testRegistry, releases, { locale: "en" })).toThrow(/source language/);
    expect(() => planMarks(testRegistry, releases, { locale: "zh", slug: "nope" })).toThrow(
      "no release src/releases/zh/nope.md",
    );
    expect(() => planMarks(testRegistry, releases, { locale: "zh", slug: "zhong-wen-zhuan-gao" })).toThrow(
      /has no en version/,
    );
  });
});

describe("readStatusReleases", () => {
  const options = (rootDir: string) => ({
    rootDir,
    registry: testRegistry,
    timeZone: "Asia/Shanghai",
    buildTime: DateTime.fromISO("2026-01-01T00:00:00+08:00", { setZone: true }),
    companyKeys: new Set<string>(),
  });

  it("goes from unverified to up to date when marked, and to stale when the source changes", () => {
    const root = tempProject({
      "src/releases/en/plant.md": releaseFile({ title: "Plant opens", releaseTime: "2025-05-01" }),
      "src/releases/zh/plant.md": releaseFile({ title: "工厂投产", releaseTime: "2025-05-01" }),
    });
    const kindOf = () =>
      translationStatus(testRegistry, readStatusReleases(options(root))).locales[0]?.items[0]?.kind;
    expect(kindOf()).toBe("unverified");

    const [mark] = planMarks(testRegistry, readStatusReleases(options(root)), {
      locale: "zh",
      slug: "plant",
    });
    if (!mark) throw new Error("expected a mark");
    const file = path.join(root, mark.file);
    writeFileSync(file, setSourceHash(readFileSync(file, "utf8"), mark.hash));
    expect(kindOf()).toBe("up-to-date");

    const source = path.join(root, "src/releases/en/plant.md");
    writeFileSync(source, readFileSync(source, "utf8").replace("Body text.", "Body text, corrected."));
    expect(kindOf()).toBe("stale");
  });
});

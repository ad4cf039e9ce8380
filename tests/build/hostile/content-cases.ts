// Hostile and careless input: release files, their front matter and their
// attachments. Run by tests/build/hostile-input.test.ts.
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { encodeGbk, encodeUtf16le, withBom } from "../../support/encodings.ts";
import { type FixtureSite, releaseFile } from "../../support/fixture-site.ts";
import type { HostileCase } from "../../support/hostile.ts";

/** A release listing attachments, as a writer types it. */
function withAttachments(title: string, attachments: string[]): string {
  return `---\ntitle: ${title}\nreleaseTime: 2025-02-01\nattachments: [${attachments.join(", ")}]\n---\nText\n`;
}

/** Replaces a file of the fixture for one case; returns the undo. */
function replaceFile(site: FixtureSite, relative: string, write: (file: string, text: string) => void) {
  const file = path.join(site.dir, relative);
  const original = readFileSync(file);
  write(file, original.toString("utf8"));
  return () => {
    rmSync(file, { force: true });
    writeFileSync(file, original);
  };
}

/**
 * Moves a path of the fixture aside (to the fixture's root, out of every
 * content folder) and puts a link in its place, to `target` or to where the
 * path was moved; returns the undo.
 */
function linkInPlaceOf(site: FixtureSite, relative: string, target?: string) {
  const place = path.join(site.dir, relative);
  const aside = path.join(site.dir, `aside-${relative.replaceAll("/", "-")}`);
  renameSync(place, aside);
  symlinkSync(target ?? aside, place);
  return () => {
    rmSync(place, { force: true });
    renameSync(aside, place);
  };
}

const LINK_OUTSIDE =
  /is a link to ".*pressroom-outside-[^"]*", outside src\/releases\/; expected a target inside/;

export const contentCases: HostileCase[] = [
  {
    name: "a release without a title",
    files: { "src/releases/en/untitled.md": "---\nreleaseTime: 2025-02-01\n---\nText\n" },
    code: 1,
    says: ["src/releases/en/untitled.md: title: required"],
  },

  // Links: read only when they stay inside the content folders.
  {
    name: "an attachment that is a link to a file outside the project",
    files: { "src/releases/en/kit.md": withAttachments("Kit", ["passwd.pdf"]) },
    links: { "src/releases/en/passwd.pdf": "{outside}/secret.pdf" },
    code: 1,
    says: [
      /src\/releases\/en\/kit\.md: attachments: "passwd\.pdf" is a link to ".*", outside src\/releases\//,
    ],
  },
  {
    name: "attachments in a linked folder outside the project",
    files: { "src/releases/en/kit.md": withAttachments("Kit", ["media/secret.pdf"]) },
    links: { "src/releases/en/media": "{outside}/nested" },
    code: 1,
    says: [
      /src\/releases\/en\/kit\.md: attachments: "media\/secret\.pdf" lies in src\/releases\/en\/media, a link to ".*", outside src\/releases\//,
      LINK_OUTSIDE,
    ],
  },
  {
    name: "a release that is a link to a file outside the project",
    links: { "src/releases/en/leak.md": "{outside}/secret.md" },
    code: 1,
    says: [/src\/releases\/en\/leak\.md: link: is a link to ".*secret\.md", outside src\/releases\//],
  },
  {
    name: "a folder of releases linked from outside the project",
    links: { "src/releases/en/archive": "{outside}" },
    code: 1,
    says: [/src\/releases\/en\/archive: link: is a link to ".*", outside src\/releases\//],
  },
  {
    name: "a locale folder linked from outside the project is an error, not a language silently dropped",
    setup: (site, outside) => linkInPlaceOf(site, "src/releases/zh", path.join(outside, "nested")),
    code: 1,
    says: [/src\/releases\/zh: link: is a link to ".*nested", outside src\/releases\//],
  },
  {
    name: "a link that loops back up its folder",
    links: { "src/releases/en/loop": ".." },
    code: 1,
    says: ["src/releases/en/loop: link: links back to a folder that contains it"],
  },
  {
    // Every folder of the project, node_modules included, would be walked
    // again at each turn if anything followed it before the loader names it.
    name: "a link to the project folder, which contains src/releases/",
    links: { "src/releases/en/project": "../../.." },
    code: 1,
    says: [
      'src/releases/en/project: link: is a link to "../../..", outside src/releases/; expected a target inside src/releases/',
    ],
  },
  {
    name: "links inside src/releases to a release and an attachment inside are followed",
    files: {
      "src/releases/en/sheet.pdf": "%PDF-1.4 shared fact sheet",
      "src/releases/zh/kit.md": withAttachments("资料包", ["sheet.pdf"]),
    },
    links: {
      "src/releases/zh/sheet.pdf": "../en/sheet.pdf",
      "src/releases/en/2024/plant-opens-again.md": "../plant-opens.md",
    },
    code: 0,
    check: (site) => {
      expect(site.read("_site/zh/releases/kit/sheet.pdf")).toBe("%PDF-1.4 shared fact sheet");
      expect(site.read("_site/en/releases/plant-opens-again/index.html")).toContain("Plant opens");
    },
  },
  {
    name: "a locale whose releases folder and bundle are links to another locale's, inside the project, is read",
    setup: (site) => {
      const registry = "locales/registry.json";
      const undoRegistry = replaceFile(site, registry, (file, text) => {
        const data = JSON.parse(text) as { locales: object[] };
        data.locales.push({
          code: "zh-hk",
          htmlLang: "zh-HK",
          i18nextLanguage: "zh-HK",
          luxonLocale: "zh-HK",
          label: "中文（香港）",
          dir: "ltr",
        });
        writeFileSync(file, JSON.stringify(data, null, 2));
      });
      symlinkSync("zh", path.join(site.dir, "src/releases/zh-hk"));
      symlinkSync("zh", path.join(site.dir, "locales/zh-hk"));
      return () => {
        rmSync(path.join(site.dir, "src/releases/zh-hk"));
        rmSync(path.join(site.dir, "locales/zh-hk"));
        undoRegistry();
      };
    },
    code: 0,
    check: (site) => {
      const page = site.read("_site/zh-hk/releases/plant-opens/index.html");
      expect(page).toContain('lang="zh-HK"');
      expect(page).toContain("工厂投产");
    },
  },
  {
    name: "a company record that is a link to a file outside the project",
    links: { "_data/companies/acme.json": "{outside}/secret.txt" },
    code: 1,
    says: [/_data\/companies\/acme\.json: link: is a link to ".*secret\.txt", outside _data\/companies\//],
  },
  {
    name: "a locale bundle that is a link to a file outside the project",
    setup: (site, outside) =>
      linkInPlaceOf(site, "locales/zh/translation.json", path.join(outside, "secret.txt")),
    code: 1,
    says: [/locales\/zh\/translation\.json: link: is a link to ".*secret\.txt", outside locales\//],
  },
  {
    name: "an attachment that is another release's text, through a link named like a PDF",
    files: {
      "src/releases/en/teaser.md": withAttachments("Teaser", ["plant-opens.md", "teaser.pdf"]),
    },
    links: { "src/releases/en/teaser.pdf": "plant-opens.md" },
    code: 1,
    says: [
      'src/releases/en/teaser.md: attachments: "plant-opens.md" is a release file',
      'src/releases/en/teaser.md: attachments: "teaser.pdf" is a release file',
    ],
  },

  // Encodings: UTF-8, with or without a byte order mark.
  {
    name: "a Chinese release saved as GBK",
    files: {
      "src/releases/zh/gbk.md": encodeGbk(
        releaseFile({ title: "储能新品发布", releaseTime: "2025-02-01" }, "鹿鸣能源今日发布新一代储能柜。"),
      ),
    },
    code: 1,
    says: [
      /src\/releases\/zh\/gbk\.md: encoding: expected UTF-8, but the file looks like GBK\/GB18030 .*save it as UTF-8/,
    ],
  },
  {
    name: "a release saved as UTF-16",
    files: {
      "src/releases/en/utf16.md": encodeUtf16le(releaseFile({ title: "Wide", releaseTime: "2025-02-01" })),
    },
    code: 1,
    says: ["src/releases/en/utf16.md: encoding: expected UTF-8, but the file is UTF-16 (little-endian)"],
  },
  {
    name: "a company record saved as UTF-16 without a byte order mark",
    files: {
      "_data/companies/acme.json": encodeUtf16le(
        JSON.stringify({ name: { en: "Acme", zh: "艾克姆" } }),
        false,
      ),
    },
    code: 1,
    says: ["_data/companies/acme.json: encoding: expected UTF-8, but the file is UTF-16 (little-endian)"],
  },
  {
    name: "a release saved as UTF-8 with a byte order mark builds",
    files: {
      "src/releases/zh/bom.md": withBom(releaseFile({ title: "带签名的新闻稿", releaseTime: "2025-02-01" })),
    },
    code: 0,
    check: (site) => {
      expect(site.read("_site/zh/releases/bom/index.html")).toContain("带签名的新闻稿");
    },
  },
  {
    name: "a bundle and a company record saved as UTF-8 with a byte order mark build",
    files: {
      "_data/companies/acme.json": withBom(
        JSON.stringify({
          name: { en: "Acme", zh: "艾克姆" },
          about: { en: "Acme makes things.", zh: "艾克姆制造产品。" },
        }),
      ),
      "src/releases/zh/acme.md": releaseFile({ title: "艾克姆", releaseTime: "2025-02-01", company: "acme" }),
    },
    setup: (site) =>
      replaceFile(site, "locales/zh/translation.json", (file, text) => writeFileSync(file, withBom(text))),
    code: 0,
    check: (site) => {
      const page = site.read("_site/zh/releases/acme/index.html");
      expect(page).toContain("关于艾克姆");
      expect(page).toContain("艾克姆制造产品。");
    },
  },
  {
    name: "a bundle saved as GBK",
    setup: (site) =>
      replaceFile(site, "locales/zh/translation.json", (file, text) => writeFileSync(file, encodeGbk(text))),
    code: 1,
    says: [/locales\/zh\/translation\.json: encoding: expected UTF-8, but the file looks like GBK\/GB18030/],
  },

  // The front matter contract is strict: a misspelt key never publishes a draft.
  {
    name: "Draft: true, capitalized",
    files: {
      "src/releases/en/secret-plan.md":
        "---\ntitle: Secret plan\nreleaseTime: 2025-02-01\nDraft: true\n---\nText\n",
    },
    code: 1,
    says: ["src/releases/en/secret-plan.md: Draft: unknown key; did you mean draft?"],
    check: (site) => expect(site.exists("_site/en/releases/secret-plan")).toBe(false),
  },
  {
    name: "embargo: instead of a future releaseTime",
    files: {
      "src/releases/en/results.md":
        "---\ntitle: Results\nreleaseTime: 2025-02-01\nembargo: 2027-01-01\n---\nText\n",
    },
    code: 1,
    says: [
      "src/releases/en/results.md: embargo: unknown key; did you mean releaseTime? (a release stays unpublished until its releaseTime)",
    ],
  },
  {
    name: "data of the writer's own under extra: is kept out of the page",
    files: {
      "src/releases/en/with-extra.md":
        "---\ntitle: With extra\nreleaseTime: 2025-02-01\nextra:\n  reference: PR-2025-014\n  Draft: maybe\n---\nText\n",
    },
    code: 0,
    check: (site) => {
      const page = site.read("_site/en/releases/with-extra/index.html");
      expect(page).toContain("With extra");
      expect(page).not.toContain("PR-2025-014");
    },
  },

  // Every problem of every file in one run, warnings included.
  {
    name: "a release with four kinds of mistakes, a broken company record, a slug collision and a bad BUILD_TIME, in one run",
    files: {
      "src/releases/en/all-wrong.md": [
        "---",
        "title: All wrong",
        "releaseTime: 2025-02-01T10:00:00+15:00",
        "tags: energy",
        "company: acme-typo",
        "attachments: [missing.pdf]",
        "Draft: true",
        "---",
        "Text",
        "",
      ].join("\n"),
      "_data/companies/acme.json": JSON.stringify({ name: { zh: "艾克姆" } }),
      "src/releases/en/2024/plant-opens.md": releaseFile({ title: "Again", releaseTime: "2024-01-01" }),
      "src/releases/en/note.md.txt": releaseFile({ title: "Note", releaseTime: "2025-01-01" }),
    },
    env: { BUILD_TIME: "tomorrow" },
    code: 1,
    says: [
      "src/releases/en/all-wrong.md: Draft: unknown key; did you mean draft?",
      "src/releases/en/all-wrong.md: tags: expected a list",
      'src/releases/en/all-wrong.md: releaseTime: "2025-02-01T10:00:00+15:00": expected an offset from -14:00 to +14:00, not +15:00',
      'src/releases/en/all-wrong.md: company: "acme-typo" is not a company key',
      'src/releases/en/all-wrong.md: attachments: "missing.pdf" not found',
      "_data/companies/acme.json: name.en: required",
      'src/releases/en/plant-opens.md: file name: slug "plant-opens" is already used by src/releases/en/2024/plant-opens.md',
      'environment variable BUILD_TIME: "tomorrow" is not a date-time',
      "Also 1 warning:",
      "src/releases/en/note.md.txt: file name: not read",
      "8 problems in",
    ],
  },

  {
    name: "a release saved as .md.txt is named in a warning, and the build goes on",
    files: {
      "src/releases/en/plant-closes.md.txt": releaseFile({ title: "Closes", releaseTime: "2025-02-01" }),
    },
    code: 0,
    says: [
      "[pressroom] warning: src/releases/en/plant-closes.md.txt: file name: not read: a release ends in .md or .markdown",
      "rename it to plant-closes.md",
    ],
  },

  // Values a build cannot show sensibly.
  {
    name: "a release time offset beyond +14:00",
    files: {
      "src/releases/en/far-east.md": releaseFile({ title: "Far", releaseTime: "2025-02-01T10:00:00+15:00" }),
    },
    code: 1,
    says: [
      'src/releases/en/far-east.md: releaseTime: "2025-02-01T10:00:00+15:00": expected an offset from -14:00 to +14:00',
    ],
  },
  {
    name: "a release dated in the year 0000",
    files: { "src/releases/en/year-zero.md": releaseFile({ title: "Zero", releaseTime: "0000-01-01" }) },
    code: 1,
    says: [
      'src/releases/en/year-zero.md: releaseTime: "0000-01-01": expected a year from 1900 to 2999, not 0000',
    ],
  },
  {
    name: ".MD and .markdown files are published like .md",
    files: {
      "src/releases/en/shouted.MD": releaseFile({ title: "Shouted", releaseTime: "2025-02-01" }),
      "src/releases/zh/long-form.markdown": releaseFile({ title: "长文", releaseTime: "2025-02-01" }),
    },
    code: 0,
    check: (site) => {
      expect(site.read("_site/en/releases/shouted/index.html")).toContain("Shouted");
      expect(site.read("_site/zh/releases/long-form/index.html")).toContain("长文");
    },
  },

  // The build's "now".
  {
    name: "BUILD_TIME without an offset on a machine in another zone does not lift an embargo early",
    files: {
      "src/releases/en/at-ten.md": releaseFile({ title: "At ten", releaseTime: "2026-11-01T10:00:00" }),
    },
    // 09:00 in Los Angeles would be 01:00 the next day in the site's zone.
    env: { BUILD_TIME: "2026-11-01T09:00:00", TZ: "America/Los_Angeles" },
    code: 0,
    says: ["build time: 2026-11-01T09:00:00+08:00 (Asia/Shanghai)", "held back: 1 scheduled"],
    check: (site) => expect(site.exists("_site/en/releases/at-ten")).toBe(false),
  },
  {
    name: "BUILD_TIME with an offset beyond +14:00",
    env: { BUILD_TIME: "2026-11-01T09:00:00+15:00" },
    code: 1,
    says: [
      'environment variable BUILD_TIME: "2026-11-01T09:00:00+15:00": expected an offset from -14:00 to +14:00',
    ],
  },
  {
    name: "the releases folder itself is a link",
    setup: (site) => linkInPlaceOf(site, "src/releases"),
    code: 1,
    says: [/src\/releases\/: link: is a link to ".*aside-src-releases"; expected a folder, not a link/],
  },
  {
    name: "a locale registry whose source locale is not one of its languages",
    setup: (site) =>
      replaceFile(site, "locales/registry.json", (file, text) =>
        writeFileSync(file, JSON.stringify({ ...(JSON.parse(text) as object), sourceLocale: "fr" }, null, 2)),
      ),
    code: 1,
    says: ['locales/registry.json: sourceLocale: "fr" is not one of the listed codes'],
    check: (_site, result) => expect(result.stderr).not.toContain("--debug"),
  },
];

// A translator adds a language by following TRANSLATING.md literally, on a
// copy of the sample site: the registry entry pasted as the guide shows it,
// the English bundle copied and translated, one release translated with its
// attachments pointing at the English files. Then the three commands the
// guide and `npm test` run on a change must pass: lint (the formatter's
// check), check:i18n and the build.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommandResult, runCommand } from "../../lib/build/run-command.ts";
import { pluralCategories, splitPluralKey } from "../../lib/i18n/translator.ts";
import { buildArguments, copyProject } from "../../scripts/bench/workspace.ts";
import { projectRoot } from "../support/fixture-site.ts";

const guide = readFileSync(path.join(projectRoot, "TRANSLATING.md"), "utf8");
const RELEASE = "lumora-opens-cylindrical-cell-line";

/**
 * The registry entry as the guide's "Adding a language" shows it: the last
 * `{ … }` of its first JSON block, as the reader sees it (a block inside a
 * list item is indented in the Markdown source; that indent is not part of it).
 */
function guideEntry(): { lines: string; code: string } {
  const section = guide.slice(guide.indexOf("## Adding a language"));
  const fence = /^( *)```json\n([\s\S]*?)^\1```/m.exec(section);
  const indent = fence?.[1] ?? "";
  const block = (fence?.[2] ?? "")
    .split("\n")
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
  const entries = [
    ...`\n${block}`.matchAll(/\n( *)\{\n(?:\1 .*\n)*?\1 {2}"code": "([a-z-]+)",\n(?:\1 .*\n)*?\1\}/g),
  ];
  const entry = entries.at(-1);
  if (!entry?.[2]) throw new Error("TRANSLATING.md: no registry entry with a code under Adding a language");
  return { lines: entry[0].slice(1), code: entry[2] };
}

/** Step 1 as a translator does it: a comma after the last entry, then the pasted entry. */
function addEntry(registryText: string, entry: string, code: string): string {
  // A sample site that already has this language: take it out first, so the
  // test adds it as new (and never collides with it).
  const registry = JSON.parse(registryText) as { locales: { code: string }[] };
  registry.locales = registry.locales.filter((l) => l.code !== code);
  const text = `${JSON.stringify(registry, null, 2)}\n`;
  const end = text.lastIndexOf("\n  ]");
  return `${text.slice(0, end)},\n${entry}${text.slice(end)}`;
}

type Tree = { [key: string]: string | Tree };

/** Step 2: the English bundle, "translated", with only the plural forms check:i18n asks the language for. */
function translate(node: Tree, language: string, prefix = ""): Tree {
  const result: Tree = {};
  for (const [name, value] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value !== "string") {
      result[name] = translate(value, language, key);
      continue;
    }
    const plural = splitPluralKey(key);
    if (plural && !pluralCategories(language, plural.ordinal).includes(plural.category)) continue;
    result[name] = `〔${language}〕${value}`;
  }
  return result;
}

let dir: string;
let code: string;
let htmlLang: string;
const results: Record<string, CommandResult> = {};
const run = (name: string, args: string[]) =>
  runCommand(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, BUILD_TIME: "2026-11-01T00:00:00+08:00" },
  }).then((result) => {
    results[name] = result;
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pressroom-new-language-"));
  copyProject(projectRoot, dir);
  // The sample site itself: its releases and companies, and the formatter's settings.
  for (const part of ["src/releases", "_data/companies", "biome.json", ".gitignore"]) {
    cpSync(path.join(projectRoot, part), path.join(dir, part), { recursive: true });
  }
  const entry = guideEntry();
  code = entry.code;
  const registryFile = path.join(dir, "locales", "registry.json");
  writeFileSync(registryFile, addEntry(readFileSync(registryFile, "utf8"), entry.lines, code));
  const added = (
    JSON.parse(readFileSync(registryFile, "utf8")) as {
      locales: { code: string; i18nextLanguage: string; htmlLang: string }[];
    }
  ).locales.find((l) => l.code === code);
  const language = added?.i18nextLanguage ?? code;
  htmlLang = added?.htmlLang ?? code;

  const english = JSON.parse(readFileSync(path.join(dir, "locales/en/translation.json"), "utf8")) as Tree;
  mkdirSync(path.join(dir, "locales", code), { recursive: true });
  writeFileSync(
    path.join(dir, "locales", code, "translation.json"),
    `${JSON.stringify(translate(english, language), null, 2)}\n`,
  );

  // Step 3: one release, same file name, attachments pointing at ../en/ as the guide says.
  const source = readFileSync(path.join(dir, "src/releases/en", `${RELEASE}.md`), "utf8");
  const translated = source
    .replace(/^title: .*$/m, `title: "〔${code}〕 cell line"`)
    .replace(/^(\s+- file: )(?!\.\.\/)(.+)$/gm, "$1../en/$2");
  rmSync(path.join(dir, "src/releases", code), { recursive: true, force: true });
  mkdirSync(path.join(dir, "src/releases", code), { recursive: true });
  writeFileSync(path.join(dir, "src/releases", code, `${RELEASE}.md`), translated);

  const biome = path.join(projectRoot, "node_modules", "@biomejs", "biome", "bin", "biome");
  // One after another: the machine running the tests is shared.
  await run("lint", [biome, "check", "locales"]);
  await run("check", ["--import", "tsx", "scripts/check-i18n.ts"]);
  await run("build", buildArguments());
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

const said = (name: string) => `${results[name]?.stdout}\n${results[name]?.stderr}`;

describe("a language added by following TRANSLATING.md", () => {
  it("passes the formatter's check with the registry entry pasted as the guide shows it", () => {
    expect(results.lint?.code, said("lint")).toBe(0);
  });

  it("passes npm run check:i18n", () => {
    expect(results.check?.code, said("check")).toBe(0);
    expect(said("check")).not.toMatch(/^error /m);
  });

  it("builds, with the language's home, the translated release and its attachments from the English folder", () => {
    expect(results.build?.code, said("build")).toBe(0);
    const page = (url: string) =>
      cheerio.load(readFileSync(path.join(dir, "_site", url, "index.html"), "utf8"));
    const release = page(`/${code}/releases/${RELEASE}/`);
    expect(release("html").attr("lang")).toBe(htmlLang);
    const links = release(".media-kit a[href$='.pdf']")
      .map((_, a) => release(a).attr("href"))
      .get();
    expect(links).toContain(`/${code}/releases/${RELEASE}/lumora-cell-line-factsheet.pdf`);
    expect(
      readFileSync(path.join(dir, "_site", code, "releases", RELEASE, "lumora-cell-line-factsheet.pdf"))
        .length,
    ).toBeGreaterThan(0);
    expect(page(`/${code}/`)("html").attr("lang")).toBe(htmlLang);
  });
});

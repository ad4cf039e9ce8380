// `npm run status:translations`: per language, the releases and static
// pages with no translation and the translations whose source changed since (report in
// lib/i18n/translation-status.ts; how to read it in TRANSLATING.md).
//
//   npm run status:translations                         the report
//   npm run status:translations -- --json               the same, as JSON
//   npm run status:translations -- --mark zh/<slug>     record that a translation matches its source
//   npm run status:translations -- --mark-all zh        the same for every zh translation
//
// The report exits 0 whatever it finds; a bad argument or invalid releases exit 1.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readArguments } from "../lib/build/command-line.ts";
import { loadSite } from "../lib/build/newsroom.ts";
import { type Companies, loadCompanies } from "../lib/content/companies.ts";
import { resolveBuildTime } from "../lib/content/dates.ts";
import { findProblemsError } from "../lib/content/problems.ts";
import { type LocaleRegistry, loadRegistry } from "../lib/i18n/locales.ts";
import { sourceChanges } from "../lib/i18n/source-changes.ts";
import { missingCompanyTexts, releaseKeyDifferences } from "../lib/i18n/translated-content.ts";
import {
  formatStatus,
  planMarks,
  readStatusPages,
  readStatusReleases,
  type StatusRelease,
  setSourceHash,
  translationStatus,
} from "../lib/i18n/translation-status.ts";
import { reservedSlugs } from "../lib/view/page-kinds.ts";

const USAGE =
  "Usage: npm run status:translations -- [--json] [--mark <language>/<file name without .md>]... [--mark-all <language>]...";
const values = readArguments(
  {
    json: { type: "boolean" },
    mark: { type: "string", multiple: true, value: "a translation, such as --mark zh/new-plant-opens" },
    "mark-all": { type: "string", multiple: true, value: "a language, such as --mark-all zh" },
  },
  USAGE,
);
const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).filter((v): v is string => typeof v === "string");

/** "zh/new-plant-opens", also "zh/new-plant-opens.md", "src/releases/zh/2025/new-plant-opens.md" or "src/pages/zh/about.md". */
function parseTarget(value: string): { locale: string; slug: string } {
  const parts = value
    .replace(/^src\/(releases|pages)\//, "")
    .replace(/\.(md|markdown)$/i, "")
    .split("/");
  const locale = parts[0];
  const slug = parts.at(-1);
  if (parts.length < 2 || !locale || !slug) {
    throw new Error(`--mark ${value}: expected <language>/<file name without .md>, e.g. zh/new-plant-opens`);
  }
  return { locale, slug };
}

async function readReleases(
  rootDir: string,
  registry: LocaleRegistry,
  companies: Companies,
): Promise<StatusRelease[]> {
  const site = await loadSite(rootDir);
  return [
    ...readStatusReleases({
      rootDir,
      registry,
      timeZone: site.timeZone,
      buildTime: resolveBuildTime(process.env.BUILD_TIME, site.timeZone),
      companyKeys: new Set(companies.keys()),
    }),
    ...readStatusPages({ rootDir, registry, reservedSlugs: reservedSlugs() }),
  ];
}

try {
  const rootDir = process.cwd();
  const registry = loadRegistry(rootDir);
  const companies = loadCompanies(rootDir, registry);
  let releases = await readReleases(rootDir, registry, companies);

  const targets = [
    ...strings(values.mark).map(parseTarget),
    ...strings(values["mark-all"]).map((locale) => ({ locale })),
  ];
  if (targets.length > 0) {
    // Plan every mark before writing any, so a bad argument changes nothing.
    const marks = targets.flatMap((target) => planMarks(registry, releases, target));
    for (const mark of marks) {
      const file = path.join(rootDir, mark.file);
      const before = readFileSync(file, "utf8");
      const after = setSourceHash(before, mark.hash);
      if (after !== before) writeFileSync(file, after);
      console.error(
        `${after === before ? "already marked" : "marked"} ${mark.file}: sourceHash "${mark.hash}"`,
      );
    }
    if (marks.length === 0) console.error("nothing to mark: no translation there has a source version");
    releases = await readReleases(rootDir, registry, companies);
  }

  const status = translationStatus(registry, releases, [
    ...missingCompanyTexts(companies, registry),
    ...releaseKeyDifferences(releases, registry),
  ]);
  for (const locale of status.locales) {
    for (const item of locale.items) {
      if (item.kind !== "stale" || !item.source || !item.recordedHash) continue;
      const current = readFileSync(path.join(rootDir, item.source), "utf8");
      item.sourceChanges = sourceChanges(
        rootDir,
        item.source,
        item.recordedHash,
        current,
        registry.source.i18nextLanguage,
      );
    }
  }
  console.log(values.json ? JSON.stringify(status, null, 2) : formatStatus(status));
} catch (error) {
  const problems = findProblemsError(error);
  console.error(
    problems
      ? `Cannot report on translations. ${problems.message}`
      : `status:translations: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

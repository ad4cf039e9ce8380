// `npm run check:i18n`: compares every language's bundle with the source
// language's and with the keys the templates use, one line per problem
// (checks in lib/i18n/check.ts; what they mean in TRANSLATING.md), then the
// company texts a language lacks and translated releases whose company or
// tags differ from their source (lib/i18n/translated-content.ts).
// Exits 1 when there is an error; warnings alone exit 0. Part of `npm test`.
import { readArguments } from "../lib/build/command-line.ts";
import { loadSite } from "../lib/build/newsroom.ts";
import { readCompanies } from "../lib/content/companies.ts";
import { resolveBuildTime } from "../lib/content/dates.ts";
import { loadReleases } from "../lib/content/load.ts";
import { findProblemsError } from "../lib/content/problems.ts";
import { checkI18n, type Finding, formatFinding, readCheckInput } from "../lib/i18n/check.ts";
import { loadRegistry } from "../lib/i18n/locales.ts";
import { missingCompanyTexts, releaseKeyDifferences } from "../lib/i18n/translated-content.ts";

readArguments({}, "Usage: npm run check:i18n   (it takes no options)");

/**
 * Company files that cannot be read (errors, as for the build), then company
 * texts and release keys (warnings: the pages still work, in the source language).
 */
async function contentFindings(rootDir: string): Promise<Finding[]> {
  let registry: ReturnType<typeof loadRegistry>;
  try {
    registry = loadRegistry(rootDir);
  } catch {
    return []; // checkI18n reports the registry
  }
  const notes = [];
  const { companies, problems } = readCompanies(rootDir, registry);
  // A broken company file stops the build; translators edit these files too.
  const broken: Finding[] = problems.map((p) => ({ severity: "error", ...p }));
  notes.push(...missingCompanyTexts(companies, registry));
  try {
    const site = await loadSite(rootDir);
    const { releases } = loadReleases({
      rootDir,
      registry,
      timeZone: site.timeZone,
      buildTime: resolveBuildTime(undefined, site.timeZone),
      companyKeys: new Set(companies.keys()),
    });
    notes.push(...releaseKeyDifferences(releases, registry));
  } catch (error) {
    if (!findProblemsError(error)) throw error;
    notes.push({
      locale: "",
      file: "src/releases",
      field: "",
      message:
        "some releases could not be read, so their company and tags were not compared: npm run build lists why",
    });
  }
  return [
    ...broken,
    ...notes.map(({ locale: _locale, field, ...note }) => ({
      severity: "warning" as const,
      ...note,
      ...(field ? { field } : {}),
    })),
  ];
}

const rootDir = process.cwd();
const report = checkI18n(readCheckInput(rootDir));
const content = await contentFindings(rootDir);
const findings = [...report.findings, ...content];
const errors = findings.filter((f) => f.severity === "error");
const warnings = findings.filter((f) => f.severity === "warning");

// Errors first: they are what stops the tests.
for (const finding of [...errors, ...warnings]) console.log(formatFinding(finding));

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const scope = `${count(report.locales.length, "bundle")} (${report.locales.join(", ")}), ${count(report.sourceKeys, "source key")}`;
if (findings.length === 0) {
  console.log(`check:i18n: ${scope}: no problems`);
} else {
  console.log(`check:i18n: ${scope}: ${count(errors.length, "error")}, ${count(warnings.length, "warning")}`);
  if (errors.length > 0)
    console.log("check:i18n: see TRANSLATING.md for what each problem means and how to fix it");
}
process.exitCode = errors.length > 0 ? 1 : 0;

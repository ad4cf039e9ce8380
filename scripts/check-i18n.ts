// `npm run check:i18n`: compares every language's bundle with the source
// language's and with the keys the templates use, one line per problem
// (checks in lib/i18n/check.ts; what they mean in TRANSLATING.md).
// Exits 1 when there is an error; warnings alone exit 0. Part of `npm test`.
import { checkI18n, formatFinding, readCheckInput } from "../lib/i18n/check.ts";

const report = checkI18n(readCheckInput(process.cwd()));
const errors = report.findings.filter((f) => f.severity === "error");
const warnings = report.findings.filter((f) => f.severity === "warning");

// Errors first: they are what stops the tests.
for (const finding of [...errors, ...warnings]) console.log(formatFinding(finding));

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const scope = `${count(report.locales.length, "bundle")} (${report.locales.join(", ")}), ${count(report.sourceKeys, "source key")}`;
if (report.findings.length === 0) {
  console.log(`check:i18n: ${scope}: no problems`);
} else {
  console.log(`check:i18n: ${scope}: ${count(errors.length, "error")}, ${count(warnings.length, "warning")}`);
  if (errors.length > 0)
    console.log("check:i18n: see TRANSLATING.md for what each problem means and how to fix it");
}
process.exitCode = errors.length > 0 ? 1 : 0;

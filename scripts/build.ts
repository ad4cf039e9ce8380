// `npm run build`: builds the site into _site/ (or --out DIR) and prints a
// summary. Exits 1 with every problem listed when the content is invalid.
import { parseArgs } from "node:util";
import { BuildFailure, runBuild } from "../lib/build/pipeline.ts";
import { formatSummary } from "../lib/build/summary.ts";
import { findProblemsError } from "../lib/content/problems.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, preview: { type: "boolean", default: false } },
});
// A preview includes drafts and scheduled releases, so it never goes to
// _site/, the folder a host publishes.
const outputDir = values.out ?? (values.preview ? "_preview" : "_site");
if (values.preview && outputDir.replace(/\/+$/, "") === "_site") {
  console.error("Build failed. A preview (drafts and scheduled releases) cannot be written to _site/.");
  process.exit(1);
}

try {
  const report = await runBuild({ rootDir: process.cwd(), outputDir, preview: values.preview });
  console.log(formatSummary(report));
} catch (error) {
  const problems = findProblemsError(error);
  if (problems) {
    console.error(`Build failed. ${problems.message}`);
  } else if (error instanceof BuildFailure) {
    console.error(`Build failed. ${error.message}`);
  } else {
    console.error("Build failed.", error);
  }
  console.error(`The previous ${outputDir}/ was left as it was.`);
  process.exitCode = 1;
}

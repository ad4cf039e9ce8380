// `npm run build`: builds the site into _site/ (or --out DIR) and prints a
// summary. Exits 1 with every problem listed when the content is invalid.
import { parseArgs } from "node:util";
import { BuildFailure, runBuild } from "../lib/build/pipeline.ts";
import { formatSummary } from "../lib/build/summary.ts";
import { findProblemsError } from "../lib/problems.ts";

const { values } = parseArgs({
  options: { out: { type: "string", default: "_site" } },
});

try {
  const report = await runBuild({ rootDir: process.cwd(), outputDir: values.out ?? "_site" });
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
  console.error(`The previous ${values.out}/ was left as it was.`);
  process.exitCode = 1;
}

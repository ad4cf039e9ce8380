// `npm run build`: builds the site into _site/ (or --out DIR) and prints a
// summary. Exits 1 with every problem listed, one line each, when the
// content, the settings or the output folder are wrong; --debug adds where
// in the code a failure happened.
import { describeFailure, readArguments, USAGE } from "../lib/build/command-line.ts";
import { limitHeapGrowth } from "../lib/build/heap.ts";
import { OutputRefused } from "../lib/build/output-dir.ts";
import { BuildFailure, runBuild } from "../lib/build/pipeline.ts";
import { formatSummary } from "../lib/build/summary.ts";
import { tierUpLater } from "../lib/build/tiering.ts";
import { findProblemsError } from "../lib/content/problems.ts";

limitHeapGrowth();
tierUpLater();
const values = readArguments(
  {
    out: { type: "string", value: "a folder, such as --out public" },
    preview: { type: "boolean" },
    debug: { type: "boolean" },
  },
  USAGE,
);
const preview = values.preview === true;
const debug = values.debug === true;
// A preview includes drafts and scheduled releases, so it never goes to
// _site/, the folder a host publishes (lib/build/output-dir.ts refuses it).
const outputDir = typeof values.out === "string" ? values.out : preview ? "_preview" : "_site";

try {
  const report = await runBuild({ rootDir: process.cwd(), outputDir, preview, debug });
  console.log(formatSummary(report));
} catch (error) {
  const problems = findProblemsError(error);
  if (problems) {
    console.error(`Build failed. ${problems.message}`);
  } else if (error instanceof BuildFailure || error instanceof OutputRefused) {
    console.error(`Build failed. ${error.message}`);
  } else {
    console.error(`Build failed. ${describeFailure(error)}`);
    if (!debug) console.error("Run the build again with --debug to see where it failed.");
  }
  if (debug) console.error(error);
  console.error(
    error instanceof OutputRefused
      ? "Nothing was written."
      : `The previous ${outputDir.replace(/\/+$/, "")}/ was left as it was.`,
  );
  process.exitCode = 1;
}

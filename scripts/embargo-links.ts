// `npm run embargo:links`: the private link of each scheduled release in
// each language, for the communications team to send (lib/embargo/links.ts).
// Reads PRESSROOM_EMBARGO_KEY, SITE_URL, PATH_PREFIX and BUILD_TIME as the
// build does, so run it with the settings of the build that publishes.
//
//   npm run embargo:links               a list to read
//   npm run embargo:links -- --json     the same, as JSON
import { readArguments } from "../lib/build/command-line.ts";
import { loadNewsroom } from "../lib/build/newsroom.ts";
import { findProblemsError } from "../lib/content/problems.ts";
import { embargoLinks, formatLinks } from "../lib/embargo/links.ts";
import { EMBARGO_KEY_VARIABLE, readEmbargoSecret } from "../lib/embargo/secret.ts";

const USAGE = "Usage: npm run embargo:links [-- --json]";
const values = readArguments({ json: { type: "boolean" } }, USAGE);

try {
  if (!readEmbargoSecret(process.env)) {
    console.error(
      `${EMBARGO_KEY_VARIABLE} is not set, so the build writes no embargoed previews and there are no links. Set it to the secret the build uses (npm run embargo:key makes a new one; see "Embargoed previews" in the README).`,
    );
    process.exit(1);
  }
  const newsroom = await loadNewsroom({ rootDir: process.cwd(), preview: false });
  const keys = newsroom.embargo;
  if (!keys) throw new Error(`${EMBARGO_KEY_VARIABLE} was not read`);
  const links = embargoLinks(newsroom.releases, newsroom.site, keys);
  const buildTime = newsroom.buildTime.toISO({ suppressMilliseconds: true }) ?? "";
  console.log(values.json ? JSON.stringify(links, null, 2) : formatLinks(links, buildTime));
} catch (error) {
  const problems = findProblemsError(error);
  console.error(
    problems
      ? `Cannot list embargo links. ${problems.message}`
      : `embargo:links: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

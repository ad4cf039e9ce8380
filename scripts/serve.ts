// `npm run serve`: serves a built site (_site/, or --dir) on 127.0.0.1 as a
// host would, with the headers the build wrote into its `_headers` and gzip,
// under the site's path prefix, to check a build before deploying it.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { loadSite } from "../lib/build/newsroom.ts";
import { findProblemsError } from "../lib/content/problems.ts";
import { HeadersFileError } from "../lib/deploy/headers-file.ts";
import { parseServeArguments, SERVE_USAGE } from "../lib/deploy/serve-command.ts";
import { serveStatic } from "../lib/deploy/static-server.ts";

const parsed = parseServeArguments(process.argv.slice(2));
if ("problems" in parsed) {
  for (const line of parsed.problems) console.error(line);
  console.error(SERVE_USAGE);
  process.exit(1);
}
const { dir, port } = parsed.args;
const root = path.resolve(dir);
if (!existsSync(path.join(root, "index.html")) || !statSync(root).isDirectory()) {
  console.error(`Cannot serve ${dir}: it is not a built site (no index.html). Run npm run build first.`);
  process.exit(1);
}

try {
  // The prefix the site was built with, unless given: _data/site.ts, or PATH_PREFIX as the build reads it.
  const mount = parsed.args.prefix ?? (await loadSite(process.cwd())).pathPrefix;
  const server = await serveStatic(root, { mount, port });
  const headers = existsSync(path.join(root, "_headers"))
    ? `headers from ${path.join(dir, "_headers")}`
    : "no _headers in the folder (built by an older version: build again to check the headers)";
  console.log(`Serving ${dir} at ${server.url} (${headers}; text gzipped). Press Ctrl+C to stop.`);
} catch (error) {
  const problems = findProblemsError(error);
  if (problems) console.error(`Cannot serve ${dir}. ${problems.message}`);
  else if (error instanceof HeadersFileError) console.error(`Cannot serve ${dir}. ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
    console.error(
      `Cannot serve ${dir}: port ${port} is in use; pick another with --port, or --port 0 for any free one.`,
    );
  else throw error;
  process.exit(1);
}

// `npm run cms`: edit the newsroom in a browser without a git host. Starts
// the CMS's local backend (lib/dev/cms-backend.ts) and the site rebuilt on
// every change (Eleventy in watch mode, as `npm start`), both on 127.0.0.1,
// and prints the editor's address. Edits are written to src/, _data/ and
// locales/; reload a page to see them.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { pressroom } from "../eleventy.config.ts";
import { loadSite } from "../lib/build/newsroom.ts";
import { listFiles } from "../lib/build/output-files.ts";
import { findProblemsError } from "../lib/content/problems.ts";
import { headersFileText } from "../lib/deploy/headers.ts";
import { serveStatic } from "../lib/deploy/static-server.ts";
import { freePort, startCmsBackend } from "../lib/dev/cms-backend.ts";

const USAGE = "usage: npm run cms [-- --port 8080] [--backend-port 8081]   (0: any free port)";

function portOption(value: string | boolean | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (typeof value !== "string" || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--${name}: expected a port number from 0 to 65535, not ${JSON.stringify(value)}`);
    console.error(USAGE);
    process.exit(1);
  }
  return port;
}

const { values } = parseArgs({
  options: { port: { type: "string" }, "backend-port": { type: "string" } },
  strict: false,
});
const sitePort = portOption(values.port, 8080, "port");
const backendPort = portOption(values["backend-port"], 8081, "backend-port");
const rootDir = process.cwd();

async function main(): Promise<void> {
  const site = await loadSite(rootDir);
  // Checked before anything starts, so a busy port is one line, not a half-started session.
  const port = await freePort(sitePort);
  const backend = await startCmsBackend(rootDir, backendPort);
  const eleventy = new Eleventy(path.join(rootDir, "src"), path.join(rootDir, "_site"), {
    configPath: false,
    config: pressroom({ rootDir, preview: false, cmsLocalBackend: backend.url }),
    pathPrefix: site.pathPrefix,
    runMode: "watch",
    quietMode: true,
  });
  const stop = async () => {
    await eleventy.stopWatch();
    await backend.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  try {
    await eleventy.init();
    await eleventy.watch();
  } catch (error) {
    await backend.close();
    throw error;
  }
  // The watch build writes no _headers (npm run build does): without one the
  // editor would run under no Content-Security-Policy here, unlike on a host.
  const siteDir = path.join(rootDir, "_site");
  writeFileSync(path.join(siteDir, "_headers"), headersFileText(siteDir, listFiles(siteDir), site));
  const server = await serveStatic(siteDir, { mount: site.pathPrefix, port });
  console.log(`Editor: ${server.origin}${site.pathPrefix}admin/`);
  console.log(`Site:   ${server.origin}${site.pathPrefix}`);
  console.log(
    `Local backend (decap-server): ${backend.url}; edits are written to src/, _data/ and locales/.`,
  );
}

main().catch((error: unknown) => {
  const problems = findProblemsError(error);
  console.error(problems ? problems.message : error instanceof Error ? error.message : String(error));
  process.exit(1);
});

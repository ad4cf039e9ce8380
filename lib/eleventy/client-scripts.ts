// Browser scripts are TypeScript in lib/client/, bundled by esbuild into
// <output>/assets/ after each build. Pages other than search and embargoed
// previews load at most the service worker registration.
import path from "node:path";
import { build } from "esbuild";
import type { EleventyConfig } from "./config-types.ts";

const CLIENT_ENTRIES = {
  search: "lib/client/search/page.ts",
  "register-sw": "lib/client/offline/register-sw.ts",
  embargo: "lib/client/embargo/page.ts",
} as const;

async function bundleClientScripts(rootDir: string, outputDir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(CLIENT_ENTRIES).map(([name, file]) => [name, path.join(rootDir, file)]),
    ),
    outdir: path.join(outputDir, "assets"),
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    // Pagefind is fetched at run time from the built site, not bundled.
    external: ["*/pagefind.js"],
    legalComments: "none",
    logLevel: "warning",
  });
}

export function clientScriptsPlugin(config: EleventyConfig, options: { rootDir: string }): void {
  config.addWatchTarget("lib/client/");
  config.on("eleventy.after", async ({ directories }) => {
    await bundleClientScripts(options.rootDir, directories.output);
  });
}

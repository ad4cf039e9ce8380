// Writes the editor into <output>/admin/: its page (noindex, never listed in
// the sitemap, feeds or search index, and outside the service worker's
// precache and page cache), one configuration per interface language
// (config.ts), Decap CMS's own files copied from the installed npm package
// (never a CDN), and the page's script (lib/client/cms/admin.ts).
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import type { Newsroom } from "../build/newsroom.ts";
import { loadBundles } from "../i18n/translator.ts";
import { escapeHtml } from "../view/html.ts";
import { cmsConfig } from "./config.ts";

/** The editor's folder in the output, and its URL under the path prefix. */
export const ADMIN_DIR = "admin";

export interface AdminOptions {
  newsroom: Newsroom;
  outputDir: string;
  /** The local backend's API address, when `npm run cms` runs one. */
  localBackend?: string;
}

export async function writeAdmin(options: AdminOptions): Promise<void> {
  const { newsroom, outputDir, localBackend } = options;
  const { rootDir, registry, translator } = newsroom;
  const dir = path.join(outputDir, ADMIN_DIR);
  mkdirSync(dir, { recursive: true });
  const bundles = loadBundles(rootDir, registry);
  for (const uiLocale of registry.all) {
    const config = cmsConfig({
      site: newsroom.site,
      registry,
      companies: newsroom.companies,
      bundles,
      translator,
      uiLocale,
      localBackend,
    });
    writeFileSync(path.join(dir, `config.${uiLocale.code}.json`), `${JSON.stringify(config, null, 2)}\n`);
  }
  writeFileSync(path.join(dir, "index.html"), adminPage(newsroom));
  copyDecap(dir);
  await build({
    entryPoints: [path.join(rootDir, "lib", "client", "cms", "admin.ts")],
    outfile: path.join(dir, "admin.js"),
    bundle: true,
    // A classic script: it must run before decap-cms.js to stop Decap starting itself.
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

/** The page: Decap draws everything; the locales' titles ride on <html> for the script to pick from. */
export function adminPage(newsroom: Newsroom): string {
  const { registry, translator } = newsroom;
  const source = registry.source;
  const locales = registry.all.map((l) => ({
    code: l.code,
    lang: l.htmlLang,
    title: translator.t(l.code, "cms.title"),
  }));
  const noscript = registry.all
    .map((l) => `<p lang="${escapeHtml(l.htmlLang)}">${escapeHtml(translator.t(l.code, "cms.noscript"))}</p>`)
    .join("");
  return `<!DOCTYPE html>
<html lang="${escapeHtml(source.htmlLang)}" data-locales="${escapeHtml(JSON.stringify(locales))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(translator.t(source.code, "cms.title"))}</title>
<script src="admin.js"></script>
<script src="decap-cms.js"></script>
</head>
<body>
<noscript>${noscript}</noscript>
</body>
</html>
`;
}

/**
 * Decap's prebuilt bundle and the chunks and WebAssembly it loads from
 * beside itself (not the source maps), copied only when changed, since
 * `npm start` writes the output again on every edit.
 */
function copyDecap(dir: string): void {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve("decap-cms/dist/decap-cms.js"));
  for (const name of readdirSync(dist)) {
    if (!/(^|\.)decap-cms\.js$|\.wasm$/.test(name)) continue;
    const from = path.join(dist, name);
    const to = path.join(dir, name);
    if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
    // A clone where the file system can make one, else a copy.
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

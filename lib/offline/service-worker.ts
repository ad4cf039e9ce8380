// The offline phase, run by lib/build/pipeline.ts once Eleventy and the
// search index have written their files: bundles the service worker and
// injects the precache manifest (Workbox's build tools): the shell and each
// locale's home, search and offline pages, a few kilobytes. The search index
// is never precached; the search page stores it on the visitor's terms
// (README, Offline).
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
// The module itself, not the package index, which also loads Rollup and
// Babel for generateSW, start-up time on every build (docs/performance.md).
// Upstream plans to move generateSW off Rollup:
// https://github.com/GoogleChrome/workbox/issues/3002
import { injectManifest } from "workbox-build/build/inject-manifest.js";
import { buildTempDir } from "../build/leftovers.ts";
import type { LocaleRegistry } from "../i18n/locales.ts";

export interface OfflineReport {
  precachedFiles: number;
  precachedBytes: number;
}

/**
 * What every visitor's browser stores on a first visit, whatever the size of
 * the archive: the shell, and the pages the offline page links to. Never the
 * search index, and never anything under embargo/.
 */
export function precachePatterns(registry: LocaleRegistry): string[] {
  return [
    "assets/**/*.{css,js,svg}",
    ...registry.all.flatMap((l) => [
      `${l.urlSegment}/index.html`,
      `${l.urlSegment}/search/index.html`,
      `${l.urlSegment}/offline/index.html`,
    ]),
  ];
}

export async function writeServiceWorker(
  rootDir: string,
  siteDir: string,
  registry: LocaleRegistry,
): Promise<OfflineReport> {
  const work = buildTempDir("pressroom-sw");
  try {
    const source = path.join(work, "sw.js");
    await build({
      entryPoints: [path.join(rootDir, "lib", "client", "offline", "service-worker.ts")],
      outfile: source,
      bundle: true,
      format: "iife",
      target: "es2020",
      minify: true,
      legalComments: "none",
      logLevel: "warning",
      define: {
        LOCALE_SEGMENTS: JSON.stringify(registry.all.map((l) => l.urlSegment)),
        "process.env.NODE_ENV": '"production"',
      },
    });
    const result = await injectManifest({
      swSrc: source,
      swDest: path.join(siteDir, "sw.js"),
      globDirectory: siteDir,
      globPatterns: precachePatterns(registry),
      // URLs without "index.html", as links and Pagefind results write them.
      manifestTransforms: [
        async (entries) => ({
          manifest: entries.map((e) => ({ ...e, url: e.url.replace(/(^|\/)index\.html$/, "$1") })),
          warnings: [],
        }),
      ],
    });
    for (const warning of result.warnings) console.warn(`[pressroom] service worker: ${warning}`);
    return { precachedFiles: result.count, precachedBytes: result.size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

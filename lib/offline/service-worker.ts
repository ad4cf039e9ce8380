// The offline phase, run by lib/build/pipeline.ts once Eleventy and the
// search index have written their files: bundles the service worker and
// injects the precache manifest (Workbox's build tools), so the shell, each
// locale's search and offline pages and every Pagefind file are available
// offline.
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

/** `withSearchIndex` is false before the first release, when there is no index to cache. */
function precachePatterns(registry: LocaleRegistry, withSearchIndex: boolean): string[] {
  return [
    "assets/**/*.{css,js,svg}",
    // Pagefind's runtime and index, not its prebuilt UIs (we draw our own).
    ...(withSearchIndex
      ? [
          "pagefind/{pagefind.js,pagefind-worker.js,pagefind-entry.json,*.pf_meta,wasm.*}",
          "pagefind/{index,fragment,filter}/*",
        ]
      : []),
    ...registry.all.flatMap((l) => [
      `${l.urlSegment}/search/index.html`,
      `${l.urlSegment}/offline/index.html`,
    ]),
  ];
}

export async function writeServiceWorker(
  rootDir: string,
  siteDir: string,
  registry: LocaleRegistry,
  withSearchIndex: boolean,
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
      globPatterns: precachePatterns(registry, withSearchIndex),
      // Pagefind's index of a large site is many megabytes in many files.
      maximumFileSizeToCacheInBytes: 50 * 1024 * 1024,
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

/// <reference lib="webworker" />
// The service worker. It precaches only the shell: stylesheet, scripts and,
// per locale, the home, search and offline pages (the list is injected at
// build time by lib/offline/service-worker.ts), so a reader who opens one
// release downloads a few kilobytes, never the search index. Pages and
// media-kit files are kept as they are opened. Pagefind's files are kept as
// searches load them, in the search cache that the search page's "save for
// offline" fills too (lib/client/search/offline-index.ts); what tells
// Pagefind which files make the current index (its entry file and our
// per-language file lists) always comes from the network first, so a
// redeploy that removed a release drops it from the next online search.
import {
  addRoute,
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precache,
} from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { isHashedIndexFile, SEARCH_CACHE } from "../../search/index-files.ts";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };
/** Locale URL segments, injected at bundle time. */
declare const LOCALE_SEGMENTS: string[];

const manifest = self.__WB_MANIFEST;
const scope = new URL(self.registration.scope);
/**
 * One cache of pages and media-kit files across builds: a release saved for
 * reading stays saved after a redeploy, and network-first keeps it current
 * whenever the reader is online.
 */
const PAGES_CACHE = "pressroom-pages";

precache(manifest);
cleanupOutdatedCaches();

const pagefindPath = `${scope.pathname}pagefind/`;
const inScope = (url: URL) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
// Embargoed previews are not kept: once a release is public its link must
// lead to the public page, never to a preview saved on the reader's device.
// Nor is the editor at /admin/: it always talks to the live backend.
const NOT_KEPT = [`${scope.pathname}embargo/`, `${scope.pathname}admin/`];
const isNotKept = (url: URL) => NOT_KEPT.some((prefix) => url.pathname.startsWith(prefix));

// Pages: the network first, so a reader online always sees the current
// build; the saved copy, then the precached shell, then the offline page.
const pages = new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 10 });
registerRoute(
  ({ request, url }) => request.mode === "navigate" && inScope(url) && !isNotKept(url),
  async (options) => {
    try {
      return await pages.handle(options);
    } catch (error) {
      const shell = await matchPrecache(options.url.pathname);
      if (shell) return shell;
      throw error;
    }
  },
);

// Index files are named by their content: one that is stored is current.
registerRoute(
  ({ url }) => inScope(url) && url.pathname.startsWith(pagefindPath) && isHashedIndexFile(url.pathname),
  new CacheFirst({ cacheName: SEARCH_CACHE, matchOptions: { ignoreSearch: true } }),
);
// Pagefind's runtime, its entry file (?ts=… is a cache buster, not a
// resource) and our file lists: current when online, stored copy offline.
registerRoute(
  ({ url }) => inScope(url) && url.pathname.startsWith(pagefindPath),
  new NetworkFirst({ cacheName: SEARCH_CACHE, matchOptions: { ignoreSearch: true } }),
);

// The shell, from the precache.
addRoute({ directoryIndex: "index.html", ignoreURLParametersMatching: [/.*/] });
// Media-kit images and files a reader opened from a release page.
registerRoute(
  ({ request, url }) =>
    request.method === "GET" &&
    request.mode !== "navigate" &&
    inScope(url) &&
    !isNotKept(url) &&
    /\/releases\/[^/]+\/[^/]+$/.test(url.pathname),
  new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 10 }),
);

setCatchHandler(async ({ request, url }) => {
  if (request.destination !== "document") return Response.error();
  const path = url.pathname.slice(scope.pathname.length);
  const segment = LOCALE_SEGMENTS.find((s) => path === s || path.startsWith(`${s}/`)) ?? LOCALE_SEGMENTS[0];
  return (await matchPrecache(`${scope.pathname}${segment}/offline/`)) ?? Response.error();
});

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of earlier versions of this worker: versioned page caches and
      // the index precached whole.
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("pressroom-pages-")).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/// <reference lib="webworker" />
// The service worker: precaches the shell, each locale's search and offline
// pages and every Pagefind file (the list is injected at build time by
// lib/offline/service-worker.ts), keeps pages as they are visited, and serves the
// locale's offline page for a page that was never saved.
import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };
/** Locale URL segments, injected at bundle time. */
declare const LOCALE_SEGMENTS: string[];

const manifest = self.__WB_MANIFEST;
const scope = new URL(self.registration.scope);

/** A new build has a new manifest and so a new version: old page caches go. */
function versionOf(entries: PrecacheEntry[]): string {
  let hash = 0;
  for (const ch of JSON.stringify(entries)) hash = (Math.imul(31, hash) + ch.charCodeAt(0)) | 0;
  return (hash >>> 0).toString(36);
}
const PAGES_CACHE = `pressroom-pages-${versionOf(manifest)}`;

// Query strings are client state here (?q= on the search page, ?ts= on the
// Pagefind entry file), never a different resource.
precacheAndRoute(manifest, { ignoreURLParametersMatching: [/.*/], directoryIndex: "index.html" });
cleanupOutdatedCaches();

// Embargoed previews are not kept: once a release is public its link must
// lead to the public page, never to a preview saved on the reader's device.
// Nor is the editor at /admin/: it always talks to the live backend.
const NOT_KEPT = [`${scope.pathname}embargo/`, `${scope.pathname}admin/`];
registerRoute(
  ({ request, url }) =>
    request.mode === "navigate" && !NOT_KEPT.some((prefix) => url.pathname.startsWith(prefix)),
  new NetworkFirst({ cacheName: PAGES_CACHE }),
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
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((n) => n.startsWith("pressroom-pages-") && n !== PAGES_CACHE)
          .map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

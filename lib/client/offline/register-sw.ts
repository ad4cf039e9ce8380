// Registers the service worker that makes search and visited releases work
// offline. Reading a page never depends on it.
if ("serviceWorker" in navigator) {
  const script = document.querySelector<HTMLScriptElement>('script[src$="/assets/register-sw.js"]');
  // The worker sits at the site root, which under a path prefix is not "/".
  const root = script ? new URL("../", script.src) : new URL("/", location.href);
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .catch((error: unknown) => console.warn("Offline reading is unavailable:", error));
}

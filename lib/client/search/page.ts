// The search page's script (src/search.njk loads it as assets/search.js,
// the only page that does): starts the controller with this browser's
// location, history and Pagefind, and offline saving of this language's index.
import { type Pagefind, startSearch } from "./controller.ts";
import { offlineIndex } from "./offline-index.ts";
import type { Strings } from "./render.ts";

const root = document.getElementById("search");
if (root) {
  // Pagefind sits beside assets/ at the site root, which under a path
  // prefix is not "/": resolve it from this script's own URL.
  const pagefindBase = new URL("../pagefind/", import.meta.url);
  const lang = root.dataset.lang ?? document.documentElement.lang;
  void startSearch(root, {
    async importPagefind() {
      const pagefindUrl = new URL("pagefind.js", pagefindBase).href;
      return (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
    },
    location,
    history,
    events: window,
    afterSearch: offlineIndex(root, {
      base: pagefindBase,
      language: lang.toLowerCase(),
      lang,
      strings: JSON.parse(root.dataset.strings ?? "{}") as Strings,
    }),
  });
}

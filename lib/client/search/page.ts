// The search page's script (src/search.njk loads it as assets/search.js,
// the only page that does): starts the controller with this browser's
// location, history and Pagefind.
import { type Pagefind, startSearch } from "./controller.ts";

const root = document.getElementById("search");
if (root) {
  void startSearch(root, {
    async importPagefind() {
      // Pagefind sits beside assets/ at the site root, which under a path
      // prefix is not "/": resolve it from this script's own URL.
      const pagefindUrl = new URL("../pagefind/pagefind.js", import.meta.url).href;
      return (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
    },
    location,
    history,
  });
}

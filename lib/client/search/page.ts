// The search page's script (src/search.njk loads it as assets/search.js,
// the only page that does): starts the controller with this browser's
// location, history and Pagefind, and offline saving of this language's index.
import { MANIFEST } from "../../search/parts.ts";
import { type Pagefind, startSearch } from "./controller.ts";
import { offlineIndex } from "./offline-index.ts";
import type { Strings } from "./render.ts";
import { type Manifest, openSearchIndex, withLanguage } from "./search-index.ts";

const root = document.getElementById("search");
if (root) {
  // Pagefind sits beside assets/ at the site root, which under a path
  // prefix is not "/": resolve it from this script's own URL.
  const pagefindBase = new URL("../pagefind/", import.meta.url);
  const lang = root.dataset.lang ?? document.documentElement.lang;
  const version = root.dataset.indexVersion ?? "";
  void startSearch(root, {
    async openIndex() {
      const manifestUrl = new URL(`${MANIFEST}?v=${encodeURIComponent(version)}`, pagefindBase);
      const response = await fetch(manifestUrl);
      if (!response.ok) throw new Error(`${manifestUrl.pathname}: ${response.status}`);
      const manifest = ((await response.json()) as Manifest).languages[lang.toLowerCase()];
      if (!manifest) throw new Error(`no search index for ${lang}`);
      const pagefindUrl = new URL("pagefind.js", pagefindBase).href;
      const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
      return openSearchIndex(pagefind, { base: pagefindBase.pathname, manifest, version, withLanguage });
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

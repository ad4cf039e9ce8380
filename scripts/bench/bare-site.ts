// The baseline the full pipeline is compared with: the same releases as
// plain Eleventy Markdown templates with a trivial layout (Eleventy's
// defaults otherwise), indexed by the Pagefind CLI, with a minimal search
// page per language that asks Pagefind's own JS API, as a site using bare
// Pagefind would: the baseline for the bench's first-query bytes.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CorpusRelease } from "./corpus.ts";

export function writeBareSite(dir: string, corpus: readonly CorpusRelease[], projectRoot: string): void {
  const content = path.join(dir, "content");
  for (const [locale, lang] of [
    ["en", "en"],
    ["zh", "zh-CN"],
  ] as const) {
    mkdirSync(path.join(content, locale), { recursive: true });
    writeFileSync(
      path.join(content, locale, `${locale}.11tydata.json`),
      JSON.stringify({ lang, layout: "bare.njk", permalink: `/${locale}/releases/{{ page.fileSlug }}/` }),
    );
    for (const release of corpus) {
      writeFileSync(path.join(content, locale, `${release.slug}.md`), release[locale].markdown);
    }
    writeFileSync(path.join(content, `search-${locale}.html`), searchPage(locale, lang));
  }
  mkdirSync(path.join(dir, "_includes"), { recursive: true });
  writeFileSync(
    path.join(dir, "_includes", "bare.njk"),
    '<!DOCTYPE html><html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title></head>' +
      "<body><main data-pagefind-body><h1>{{ title }}</h1>{{ content | safe }}</main></body></html>\n",
  );
  writeFileSync(
    path.join(dir, "eleventy.config.mjs"),
    'export default function () { return { dir: { input: "content", includes: "../_includes", output: "_site" } }; }\n',
  );
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  // Eleventy and Pagefind resolve from the project's own install.
  const modules = path.join(dir, "node_modules");
  if (!existsSync(modules)) symlinkSync(path.join(projectRoot, "node_modules"), modules, "dir");
}

/**
 * `/<locale>/search/?q=word`: Pagefind's JS API and the first 10 results'
 * data, as our page shows 10 with excerpts. `<html lang>` makes Pagefind
 * pick the language's index. Not indexed itself: it has no
 * data-pagefind-body. The bench reads it like our page: a number in
 * `.search-status` once the results are shown, one `.result` per result.
 */
export function searchPage(locale: string, lang: string): string {
  return `---
permalink: /${locale}/search/
---
<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Search</title></head>
<body><main><p class="search-status"></p><ol class="results"></ol></main>
<script type="module">
const query = new URLSearchParams(location.search).get("q") ?? "";
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(query);
const shown = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
const list = document.querySelector(".results");
for (const data of shown) {
  const item = document.createElement("li");
  item.className = "result";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement("p");
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  list.append(item);
}
// Last, as on our page: the count says the results are on the page.
document.querySelector(".search-status").textContent = String(search.results.length);
</script></body></html>
`;
}

// The baseline the full pipeline is compared with: the same releases as
// plain Eleventy Markdown templates with a trivial layout (Eleventy's
// defaults otherwise), indexed by the Pagefind CLI.
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

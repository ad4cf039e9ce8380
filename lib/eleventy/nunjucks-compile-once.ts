// A compile cache for Eleventy's Nunjucks engine: one compile per template per build.
import type {
  EleventyConfig,
  NunjucksEnvironment,
  NunjucksLibrary,
  NunjucksTemplate,
} from "./config-types.ts";

/**
 * Eleventy's Nunjucks engine opts out of Eleventy's compile cache and, since
 * Eleventy 3.1, relies on Nunjucks' own cache instead
 * (https://github.com/11ty/buildawesome/pull/3736), which keeps the layouts
 * and includes Nunjucks loads by name but not a page template compiled from
 * its source. So a paginated template is compiled again for every page it
 * writes, a cost that grows with the page count (docs/performance.md). We
 * found no upstream issue about this; the workaround goes when Eleventy
 * caches those compiles itself. Declared as an extension of itself, each
 * template (and each permalink template, such as a feed's) is compiled once
 * per build, in the environment Eleventy set up for that
 * build, with the same filters and includes. Eleventy keeps a template's
 * render function between builds under watch but sets up a new environment,
 * which reads the layouts and partials afresh; so the function looks up this
 * build's compiled template when it runs, and an edited include shows.
 */
export function compileNunjucksOnce(config: EleventyConfig): void {
  let nunjucks: NunjucksLibrary | undefined;
  let environment: NunjucksEnvironment | undefined;
  const compiled = new Map<string, NunjucksTemplate>();
  config.on("eleventy.engine.njk", (event) => {
    nunjucks = event.nunjucks;
    environment = event.environment;
  });
  config.on("eleventy.before", () => compiled.clear());
  const template = (source: string, inputPath: string): NunjucksTemplate => {
    if (!nunjucks || !environment) {
      throw new Error("Eleventy's Nunjucks engine was not set up before rendering.");
    }
    const key = `${inputPath}\u0000${source}`;
    let found = compiled.get(key);
    if (!found) {
      const path = !inputPath || inputPath === "njk" || inputPath === "md" ? null : inputPath;
      found = new nunjucks.Template(source, environment, path, true);
      compiled.set(key, found);
    }
    return found;
  };
  config.addExtension("njk", {
    key: "njk",
    compileOptions: { permalink: true },
    compile: (source, inputPath) => (data) =>
      new Promise((resolve, reject) => {
        template(source, inputPath).render(data, (error, result) =>
          error ? reject(error) : resolve(result),
        );
      }),
  });
}

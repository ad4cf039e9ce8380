// The `t` filter: {{ "release.time" | t(locale.code) }} or, with
// interpolation and plurals, {{ "home.count" | t(locale.code, { count: n }) }}.
import type { TOptions } from "i18next";
import type { Translator } from "../i18n/translator.ts";
import type { EleventyConfig } from "./config-types.ts";

export interface I18nFiltersOptions {
  /** The translator of the build in progress: bundles are read again for each build under watch. */
  translator: () => Translator;
}

export function i18nFiltersPlugin(config: EleventyConfig, options: I18nFiltersOptions): void {
  config.addFilter("t", (key, localeCode, tOptions) => {
    if (typeof key !== "string" || typeof localeCode !== "string") {
      throw new Error(`t filter: expected "key" | t(locale.code), got ${JSON.stringify([key, localeCode])}`);
    }
    return options.translator().t(localeCode, key, (tOptions ?? {}) as TOptions);
  });
}

// The `t` filter: {{ "release.time" | t(locale.code) }} or, with
// interpolation and plurals, {{ "home.count" | t(locale.code, { count: n }) }}.
import type { TOptions } from "i18next";
import type { EleventyConfig } from "./config-types.ts";
import { currentNewsroom } from "./newsroom-data.ts";

export function i18nFiltersPlugin(config: EleventyConfig): void {
  config.addFilter("t", (key, localeCode, options) => {
    if (typeof key !== "string" || typeof localeCode !== "string") {
      throw new Error(`t filter: expected "key" | t(locale.code), got ${JSON.stringify([key, localeCode])}`);
    }
    return currentNewsroom().translator.t(localeCode, key, (options ?? {}) as TOptions);
  });
}

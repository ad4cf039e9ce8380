// The `seal` filter of src/embargo.njk: {{ html | seal(view.identity) }}
// encrypts a preview's release, rendered by the same partials as its
// public page, with that release's key (lib/embargo/seal.ts), as base64.
import type { EmbargoIdentity, EmbargoKeys } from "../embargo/seal.ts";
import type { EleventyConfig } from "./config-types.ts";

export interface EmbargoFiltersOptions {
  /** The keys of the build in progress; undefined without PRESSROOM_EMBARGO_KEY, when no preview is written. */
  keys: () => EmbargoKeys | undefined;
}

function isIdentity(value: unknown): value is EmbargoIdentity {
  const v = value as Partial<EmbargoIdentity> | undefined;
  return typeof v?.locale === "string" && typeof v.slug === "string";
}

export function embargoFiltersPlugin(config: EleventyConfig, options: EmbargoFiltersOptions): void {
  config.addFilter("seal", (plaintext, identity) => {
    if (typeof plaintext !== "string" || !isIdentity(identity)) {
      throw new Error(
        `seal filter: expected html | seal(view.identity), got ${JSON.stringify([typeof plaintext, identity])}`,
      );
    }
    const keys = options.keys();
    if (!keys) throw new Error("seal filter: an embargoed preview is rendered without the embargo secret");
    return keys.seal(identity, plaintext).toString("base64");
  });
}

// What the bundles say, for tests that assert on interface text: expected
// text is read through the project's own translator (plurals and
// placeholders filled as a page fills them), never typed into a test, so a
// translator can change any wording and every test stays green.
import type { TOptions } from "i18next";
import { loadRegistry } from "../../lib/i18n/locales.ts";
import { createTranslator, loadBundles } from "../../lib/i18n/translator.ts";

/** The text a page in `code` shows for `key`, from the bundles of the project at `rootDir`. */
export function bundleText(rootDir: string, code: string, key: string, options?: TOptions): string {
  const registry = loadRegistry(rootDir);
  return createTranslator(registry, loadBundles(rootDir, registry)).t(code, key, options);
}

// Modules compiled ahead by scripts/run-compiled.mjs, which `npm run build`
// runs under instead of tsx. A module the build imports by a path it
// computes (_data/site.ts) is compiled with the script, and plain Node
// cannot import its TypeScript source; under tsx or vitest there is no
// compiled copy and the source is imported.
import { realpathSync } from "node:fs";

const REGISTRY = Symbol.for("pressroom.compiled-modules");

/** The compiled copy of `file` when the process runs compiled code, else undefined. */
export function compiledModule(file: string): string | undefined {
  const registry = (globalThis as { [REGISTRY]?: Map<string, string> })[REGISTRY];
  if (!registry) return undefined;
  try {
    return registry.get(realpathSync(file));
  } catch {
    return undefined;
  }
}

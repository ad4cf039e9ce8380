// How much V8 lets the build's heap grow past what it holds. Eleventy keeps
// every page it renders until the end of the build, so at 10,000 releases
// the live heap passes 1 GB; V8 by default grows the heap to up to four
// times what a collection left, and Node's memory peaked at 1.7 GB. Growing
// by a quarter at most brings that to 1.25 GB, for about the same CPU
// (Node's 69 s became 70 s; docs/performance.md, Memory).
import { setFlagsFromString } from "node:v8";

/** The heap may grow by this percentage of what the last collection left. */
export const HEAP_GROWING_PERCENT = 25;

/**
 * Sets V8's growing factor for the rest of the process (and its worker
 * threads). V8 reads the flag at each full collection, so it applies from
 * the first one on; call it first thing in a build command.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

// When V8 compiles a hot function with its optimizing compiler. It counts
// each function's work against a budget and queues the function for
// TurboFan, on a background thread, when the budget runs out. A build runs
// Eleventy's and Nunjucks' many functions for a few seconds beside two
// Pagefind processes on the same cores: with V8's default budget,
// TurboFan's threads took about 15% of a 1,000-release build's CPU, much
// of it on functions that ran only a little longer. A budget several times
// the default leaves those to the baseline compiler and still optimizes
// the per-page functions: the build took 6% less time and 1.2 s less CPU
// (docs/performance.md, "V8's optimizing compiler, and the end of the build").
import { setFlagsFromString } from "node:v8";

/** V8's default is 66 KB of bytecode run (--interrupt-budget=67584). */
export const INTERRUPT_BUDGET = 400_000;

/**
 * Sets V8's tiering budget for the rest of the process. Functions compiled
 * after the call use it; call it first thing in a build command, before
 * the modules that matter (Eleventy's) are loaded.
 */
export function tierUpLater(budget = INTERRUPT_BUDGET): void {
  setFlagsFromString(`--interrupt-budget=${budget}`);
}

// What `npm run build` prints when it is called wrongly or fails in a way
// no check foresaw: one line per problem, never a stack trace unless asked
// for with --debug. Used by scripts/build.ts.

export const USAGE =
  "Usage: npm run build -- [--out DIR] [--debug]   or   npm run build:preview -- [--out DIR] [--debug]";

/** A token of node:util parseArgs with `tokens: true`. */
export type ArgToken =
  | { kind: "option"; name: string; rawName: string; value?: string; inlineValue?: boolean }
  | { kind: "positional"; value: string }
  | { kind: "option-terminator" };

export type OptionTypes = Record<string, { type: "string" | "boolean" }>;

/** One line per argument the build does not understand. */
export function argumentProblems(tokens: readonly ArgToken[], options: OptionTypes): string[] {
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      problems.push(`Unexpected argument "${token.value}".`);
      continue;
    }
    if (token.kind !== "option") continue;
    const type = options[token.name]?.type;
    if (!type) {
      problems.push(`Unknown option ${token.rawName}.`);
    } else if (type === "string" && !token.value) {
      problems.push(`${token.rawName} needs a folder, such as ${token.rawName} public.`);
    } else if (type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
      problems.push(`${token.rawName} needs a folder, not the option ${token.value}.`);
    } else if (type === "boolean" && token.value !== undefined) {
      problems.push(`${token.rawName} takes no value.`);
    }
  }
  return problems;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The messages of an unexpected error and of the errors it wraps (Eleventy
 * keeps the template engine's as `originalError`), one line each.
 */
export function describeFailure(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const message = oneLine(current instanceof Error ? current.message : String(current));
    if (message && !lines.includes(message)) lines.push(message);
    current =
      (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return lines.length > 0 ? lines.join("\n  because: ") : "an unknown error";
}

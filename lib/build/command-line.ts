// What the npm scripts print when they are called wrongly, and what
// `npm run build` prints when it fails in a way no check foresaw: one line
// per problem and the usage, never a stack trace unless asked for with
// --debug. Used by scripts/build.ts, scripts/check-i18n.ts and
// scripts/translation-status.ts.
import { parseArgs } from "node:util";

export const USAGE =
  "Usage: npm run build -- [--out DIR] [--debug]   or   npm run build:preview -- [--out DIR] [--debug]";

/** A token of node:util parseArgs with `tokens: true`. */
export type ArgToken =
  | { kind: "option"; name: string; rawName: string; value?: string; inlineValue?: boolean }
  | { kind: "positional"; value: string }
  | { kind: "option-terminator" };

export type OptionTypes = Record<
  string,
  {
    type: "string" | "boolean";
    multiple?: boolean;
    /** What a string option's value is, for the message when it is missing: "a folder, such as --out public". */
    value?: string;
  }
>;

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
      problems.push(`${token.rawName} needs ${expectedValue(options, token)}.`);
    } else if (type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
      problems.push(
        `${token.rawName} needs ${expectedValue(options, token).split(",")[0]}, not the option ${token.value}.`,
      );
    } else if (type === "boolean" && token.value !== undefined) {
      problems.push(`${token.rawName} takes no value.`);
    }
  }
  return problems;
}

function expectedValue(options: OptionTypes, token: { name: string; rawName: string }): string {
  return options[token.name]?.value ?? `a folder, such as ${token.rawName} public`;
}

/**
 * The values of a script's options; on any argument it does not understand,
 * prints one line per problem and the usage, and exits 1. A forgotten `--`
 * after `npm run x` gives npm the options instead, so the script sees
 * their values as unexpected arguments and says so here.
 */
export function readArguments(
  options: OptionTypes,
  usage: string,
  args: string[] = process.argv.slice(2),
): Record<string, string | boolean | (string | boolean)[] | undefined> {
  // Not strict: parseArgs' own exceptions would be a stack trace.
  const { values, tokens } = parseArgs({
    args,
    options: Object.fromEntries(
      Object.entries(options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const wrong = argumentProblems(tokens as ArgToken[], options);
  if (wrong.length > 0) {
    for (const line of wrong) console.error(line);
    if (tokens?.some((t) => t.kind === "positional")) {
      console.error("Options go after -- (npm keeps what comes before it for itself), as in:");
    }
    console.error(usage);
    process.exit(1);
  }
  return values;
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

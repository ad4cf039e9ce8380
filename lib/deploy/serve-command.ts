// The arguments of `npm run serve` (scripts/serve.ts), checked before
// anything is served: one line per problem, then the usage line.
import { parseArgs } from "node:util";
import { normalizePathPrefix, pathPrefixProblem } from "../content/site-address.ts";

export const SERVE_USAGE = "Usage: npm run serve -- [--dir FOLDER] [--port NUMBER] [--prefix /PATH/]";

/** A port a visitor can remember and that `npm start` (8080) does not use. */
export const DEFAULT_PORT = 8090;

export interface ServeArguments {
  dir: string;
  port: number;
  /** Undefined: the site record's path prefix (_data/site.ts or PATH_PREFIX). */
  prefix?: string;
}

const OPTIONS = {
  dir: { type: "string" },
  port: { type: "string" },
  prefix: { type: "string" },
} as const;

const EXAMPLES: Record<keyof typeof OPTIONS, string> = {
  dir: "a folder, such as --dir _site",
  port: "a port number, such as --port 8090",
  prefix: "a path prefix, such as --prefix /newsroom/",
};

export function parseServeArguments(
  argv: readonly string[],
): { args: ServeArguments } | { problems: string[] } {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") problems.push(`Unexpected argument "${token.value}".`);
    if (token.kind !== "option") continue;
    const name = token.name as keyof typeof OPTIONS;
    if (!(name in OPTIONS)) problems.push(`Unknown option ${token.rawName}.`);
    else if (!token.value || (!token.inlineValue && token.value.startsWith("-")))
      problems.push(`${token.rawName} needs ${EXAMPLES[name]}.`);
  }
  if (problems.length > 0) return { problems };
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const port = text(values.port) ?? String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    problems.push(`--port: expected a number from 0 to 65535 (0 picks a free port), got "${port}".`);
  }
  // Read as the build reads PATH_PREFIX: slashes at either end are optional.
  const given = text(values.prefix);
  const prefix = given === undefined ? undefined : normalizePathPrefix(given);
  const problem = prefix === undefined ? undefined : pathPrefixProblem(prefix);
  if (problem) problems.push(`--prefix: ${problem}, got "${given}".`);
  if (problems.length > 0) return { problems };
  return { args: { dir: text(values.dir) ?? "_site", port: Number(port), prefix } };
}

// Reads a `_headers` file back into rules and finds the headers for a URL
// path the way Netlify and Cloudflare Pages do, so `npm run serve` sends
// what the build wrote instead of a second copy of the rules.
import type { HeaderRule } from "./headers.ts";

export class HeadersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HeadersFileError";
  }
}

const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/;

/** Parses `_headers`; a line that is neither a path, a header nor a comment is refused by file and line. */
export function parseHeadersFile(text: string, file: string): HeaderRule[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `${file}: line ${index + 1}`;
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith("/"))
        throw new HeadersFileError(`${where}: expected a path starting with /, got "${line}"`);
      rules.push({ path: line.trim(), headers: {} });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new HeadersFileError(`${where}: a header comes before any path`);
    const match = HEADER_LINE.exec(line.trim());
    if (!match) throw new HeadersFileError(`${where}: expected "Name: value", got "${line.trim()}"`);
    const [, name, value] = match as unknown as [string, string, string];
    // Repeated in one rule, a header's values are joined, as the hosts do.
    rule.headers[name] = rule.headers[name] === undefined ? value : `${rule.headers[name]}, ${value}`;
  });
  return rules;
}

/** `/en/*` matches everything under /en/ (and /en/ itself); any other path matches itself. */
export function ruleMatches(rulePath: string, urlPath: string): boolean {
  if (rulePath.endsWith("*")) return urlPath.startsWith(rulePath.slice(0, -1));
  return urlPath === rulePath;
}

/**
 * Headers for a request path (as sent, percent-encoded). Every matching
 * rule applies; a header two rules set gets both values joined with a
 * comma, as Cloudflare Pages does, so overlapping rules would show.
 */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!ruleMatches(rule.path, urlPath)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  return headers;
}

// Splits a release file into YAML front matter and Markdown body.
// YAML is read with the core schema, which has no timestamp type: a writer's
// `releaseTime: 2023-01-14` stays the string they typed instead of becoming
// UTC midnight, which would shift the day on machines west of Greenwich.
import yaml from "js-yaml";
import type { Problem } from "./problems.ts";

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

export class FrontMatterSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

export function splitFrontMatter(text: string): SplitFile {
  const opening = OPENING.exec(text);
  if (!opening) {
    throw new FrontMatterSyntaxError("expected front matter starting with a line of three dashes (---)", 1);
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new FrontMatterSyntaxError("front matter is not closed by a line of three dashes (---)");
  }
  const yamlText = rest.slice(0, closing.index);
  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // +2: one for 1-based lines, one for the opening dashes.
      const line = error.mark ? error.mark.line + 2 : undefined;
      throw new FrontMatterSyntaxError(`invalid YAML: ${error.reason}`, line);
    }
    throw error;
  }
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");
  const headerLines = text.length - afterClosing.length;
  const bodyLine = text.slice(0, headerLines).split("\n").length;
  return { data, body: afterClosing, bodyLine };
}

/**
 * A file's front matter as a set of keys and its body, or the problem that
 * stops reading it, naming the file (and line, when YAML knows it).
 */
export function readFrontMatter(
  text: string,
  file: string,
): { data: Record<string, unknown>; body: string } | { problem: Problem } {
  let split: SplitFile;
  try {
    split = splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) {
      return { problem: { file: error.line ? `${file}:${error.line}` : file, message: error.message } };
    }
    throw error;
  }
  if (split.data === null || typeof split.data !== "object" || Array.isArray(split.data)) {
    return { problem: { file, message: "front matter must be a set of `key: value` lines" } };
  }
  return { data: split.data as Record<string, unknown>, body: split.body };
}

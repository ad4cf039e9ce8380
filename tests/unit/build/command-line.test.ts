import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { type ArgToken, argumentProblems, describeFailure, USAGE } from "../../../lib/build/command-line.ts";

const options = {
  out: { type: "string" },
  preview: { type: "boolean" },
  debug: { type: "boolean" },
} as const;

function problemsOf(...args: string[]): string[] {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  return argumentProblems(tokens as ArgToken[], options);
}

describe("the build's arguments", () => {
  it("takes --out DIR, --preview and --debug", () => {
    expect(problemsOf("--out", "public", "--preview", "--debug")).toEqual([]);
    expect(problemsOf("--out=public")).toEqual([]);
    expect(problemsOf("--out", "-dash-folder")).toEqual([
      "--out needs a folder, not the option -dash-folder.",
    ]);
    expect(problemsOf("--out=-dash-folder")).toEqual([]);
  });

  it("names each argument it does not understand, one line each", () => {
    expect(problemsOf("--outt", "x")).toEqual(["Unknown option --outt.", 'Unexpected argument "x".']);
    expect(problemsOf("-o", "x")).toEqual(["Unknown option -o.", 'Unexpected argument "x".']);
    expect(problemsOf("--out")).toEqual(["--out needs a folder, such as --out public."]);
    expect(problemsOf("--out=")).toEqual(["--out needs a folder, such as --out public."]);
    expect(problemsOf("--out", "--preview")).toEqual(["--out needs a folder, not the option --preview."]);
    expect(problemsOf("--preview=yes")).toEqual(["--preview takes no value."]);
    expect(USAGE).toMatch(/^Usage: npm run build -- \[--out DIR\] \[--debug\]/);
  });
});

describe("an unexpected failure", () => {
  it("is told in one line per wrapped error, without a stack", () => {
    const inner = new Error(
      "(./src/x.njk) [Line 1, Column 1]\n  attempted to output null or undefined value",
    );
    const outer = Object.assign(new Error("Having trouble rendering njk template ./src/x.njk"), {
      originalError: inner,
    });
    expect(describeFailure(outer)).toBe(
      "Having trouble rendering njk template ./src/x.njk\n  because: (./src/x.njk) [Line 1, Column 1] attempted to output null or undefined value",
    );
    expect(describeFailure(new Error("disk full", { cause: new Error("ENOSPC") }))).toBe(
      "disk full\n  because: ENOSPC",
    );
    expect(describeFailure("plain text")).toBe("plain text");
    expect(describeFailure(new Error(""))).toBe("an unknown error");
  });
});

// Every failure a user can cause names the file and the field, and a build
// reports all of them at once so a writer fixes a batch in one pass.
import type { z } from "zod";

export interface Problem {
  /** Project-relative path of the file at fault. */
  file: string;
  /** Front matter field or JSON key, when the problem is about one. */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** A content warning as a build prints it, on a line of its own. */
export function warningLine(p: Problem): string {
  return `[pressroom] warning: ${formatProblem(p)}`;
}

export class ProblemsError extends Error {
  readonly problems: readonly Problem[];
  /** Shown with the problems: a failed build must not hide what a writer should also see. */
  readonly warnings: readonly Problem[];

  constructor(summary: string, problems: readonly Problem[], warnings: readonly Problem[] = []) {
    const lines = [summary, ...problems.map((p) => `  - ${formatProblem(p)}`)];
    if (warnings.length > 0) {
      lines.push(`Also ${warnings.length} warning${warnings.length === 1 ? "" : "s"}:`);
      lines.push(...warnings.map((w) => `  - ${formatProblem(w)}`));
    }
    super(lines.join("\n"));
    this.name = "ProblemsError";
    this.problems = problems;
    this.warnings = warnings;
  }
}

/** What messages call the places problems are found in, by the start of the file's path. */
const AREAS: readonly [string, string][] = [
  ["src/releases", "releases"],
  ["_data/companies", "company data"],
  ["locales", "locale bundles"],
  ["environment variable", "settings"],
];

/**
 * Collects the problems of every loader of one build, so that a writer sees
 * all of them in one run instead of in rounds: each loader runs even when
 * an earlier one failed.
 */
export class ProblemList {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  /** The loader's result, or undefined when it threw a ProblemsError (whose problems are kept). */
  attempt<T>(load: () => T): T | undefined {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      this.problems.push(...error.problems);
      this.warnings.push(...error.warnings);
      return undefined;
    }
  }

  /** "3 problems in releases and company data; nothing was built.", with every problem and warning. */
  error(): ProblemsError {
    const n = this.problems.length;
    const areas = [
      ...new Set(
        this.problems.map((p) => AREAS.find(([prefix]) => p.file.startsWith(prefix))?.[1] ?? "the project"),
      ),
    ];
    const where = areas.length > 1 ? `${areas.slice(0, -1).join(", ")} and ${areas.at(-1)}` : areas[0];
    return new ProblemsError(
      `${n} problem${n === 1 ? "" : "s"} in ${where}; nothing was built.`,
      this.problems,
      this.warnings,
    );
  }
}

export function problemsFromZod(file: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => ({
    file,
    field: issue.path.length > 0 ? issue.path.join(".") : undefined,
    message: issue.message,
  }));
}

export function formatZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return problemsFromZod(file, issues).map(formatProblem);
}

/** Finds a ProblemsError wrapped by Eleventy's own error types. */
export function findProblemsError(error: unknown): ProblemsError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ProblemsError) return current;
    const next =
      (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return undefined;
}

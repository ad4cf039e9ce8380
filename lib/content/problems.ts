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

export class ProblemsError extends Error {
  readonly problems: readonly Problem[];

  constructor(summary: string, problems: readonly Problem[]) {
    super(`${summary}\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "ProblemsError";
    this.problems = problems;
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

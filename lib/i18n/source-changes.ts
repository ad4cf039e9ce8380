// What changed in a source release since its translation was marked
// (sourceHash), for the status report: the version with the recorded hash is
// looked up in the project's git history, when there is one, and compared
// word by word with the file as it is now. Words are cut by Intl.Segmenter in
// the source language, so a Chinese source is compared by words too, not as
// one long "word" per sentence; jsdiff's diffArrays aligns them.
import { execFileSync } from "node:child_process";
import { diffArrays } from "diff";
import { hashSource } from "./translation-status.ts";

/** One change, with a few words either side so it can be found in the file. */
export interface WordChange {
  before: string;
  removed: string;
  added: string;
  after: string;
}

export type SourceChanges = { changes: WordChange[] } | { unknown: string };

const CONTEXT = 6;

function words(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  return [...segmenter.segment(text.replace(/\r\n/g, "\n"))].map((s) => s.segment);
}

/** The word changes from `before` to `after`, adjacent removals and additions paired. */
export function wordDiff(before: string, after: string, language: string): WordChange[] {
  const parts = diffArrays(words(before, language), words(after, language));
  const changes: WordChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part || (!part.added && !part.removed)) continue;
    let removed = "";
    let added = "";
    let j = i;
    for (; j < parts.length && (parts[j]?.added || parts[j]?.removed); j++) {
      const changed = parts[j];
      if (changed?.removed) removed += changed.value.join("");
      else if (changed?.added) added += changed.value.join("");
    }
    const previous = i > 0 ? (parts[i - 1]?.value ?? []) : [];
    const next = parts[j]?.value ?? [];
    changes.push({
      before: previous.slice(-CONTEXT).join(""),
      removed,
      added,
      after: next.slice(0, CONTEXT).join(""),
    });
    i = j - 1;
  }
  return changes;
}

function git(rootDir: string, args: string[]): string {
  return execFileSync("git", args, {
    cwd: rootDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** How many past versions of a file are searched for the recorded hash. */
const HISTORY_LIMIT = 200;

/**
 * The text of `file` (project-relative) whose hashSource is `hash`, from the
 * git history, or why it cannot be found. The hash, not a date, identifies
 * the version, so it works whoever marked it and wherever.
 */
export function findSourceVersion(rootDir: string, file: string, hash: string): string | { unknown: string } {
  let commits: string[];
  try {
    commits = git(rootDir, ["log", `--max-count=${HISTORY_LIMIT}`, "--format=%H", "--", file])
      .split("\n")
      .filter(Boolean);
  } catch {
    return { unknown: "this copy of the project has no git history to look it up in; compare the two files" };
  }
  for (const commit of commits) {
    let text: string;
    try {
      text = git(rootDir, ["show", `${commit}:${file}`]);
    } catch {
      continue; // the file had another name in that commit
    }
    if (hashSource(text) === hash) return text;
  }
  return {
    unknown: `the version marked (${hash}) is not in this copy's git history (a shallow copy, or never committed); compare the two files`,
  };
}

/** What changed in the source file since the translation recorded `hash`. */
export function sourceChanges(
  rootDir: string,
  file: string,
  hash: string,
  currentText: string,
  language: string,
): SourceChanges {
  const then = findSourceVersion(rootDir, file, hash);
  if (typeof then !== "string") return then;
  return { changes: wordDiff(then, currentText, language) };
}

/** `…context [-removed-]{+added+} context…`, one line per change, white space shown as single spaces. */
export function formatChange(change: WordChange): string {
  const flat = (text: string) => text.replace(/\s+/g, " ");
  const removed = change.removed ? `[-${flat(change.removed)}-]` : "";
  const added = change.added ? `{+${flat(change.added)}+}` : "";
  return `…${flat(change.before)}${removed}${added}${flat(change.after)}…`;
}

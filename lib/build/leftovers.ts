// What a killed build leaves behind: its staging folder beside the output
// (the new site and the search index's input, release text included), the
// previous site moved aside while publishing, and temporary folders. Each
// name carries the pid of the build that made it, so the next build removes
// only those whose process is gone and never a build running at the same
// time.
import { existsSync, mkdtempSync, readdirSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { removeTree } from "./remove-tree.ts";

export type LeftoverKind = "staging" | "retired";

/**
 * Temporary folders a build makes in the system's temp folder. Earlier
 * versions wrote the search index's input here (pressroom-index); their
 * leftovers hold release text, so they are still cleared.
 */
export const TEMP_PREFIXES = ["pressroom-index", "pressroom-sw"] as const;
export type TempPrefix = (typeof TEMP_PREFIXES)[number];

/** `.<output name>.<kind>-<pid>` beside the output folder. */
export function leftoverPath(outputPath: string, kind: LeftoverKind, pid = process.pid): string {
  return path.join(path.dirname(outputPath), `.${path.basename(outputPath)}.${kind}-${pid}`);
}

/** The kind and pid in a name leftoverPath made for this output, if it is one. */
export function parseLeftover(
  name: string,
  outputName: string,
): { kind: LeftoverKind; pid: number } | undefined {
  const prefix = `.${outputName}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(staging|retired)-(\d+)$/.exec(name.slice(prefix.length));
  if (!match) return undefined;
  return { kind: match[1] as LeftoverKind, pid: Number(match[2]) };
}

/** The pid in a name buildTempDir made (`<prefix>-<pid>-XXXXXX`), if it is one. */
export function parseTempLeftover(name: string): number | undefined {
  for (const prefix of TEMP_PREFIXES) {
    const match = new RegExp(`^${prefix}-(\\d+)-[A-Za-z0-9]{6}$`).exec(name);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** A temporary folder named after this build, so a later build can tell whether it is still running. */
export function buildTempDir(prefix: TempPrefix): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-${process.pid}-`));
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LeftoverEntry {
  name: string;
  mtimeMs: number;
}

export interface LeftoverPlan {
  /** A previous site moved aside by a build killed before it put the new one in place. */
  restore?: string;
  remove: string[];
}

/**
 * What to do with the entries beside an output folder: leftovers of builds
 * whose process is gone are removed, except that when the output folder is
 * missing, the newest previous site moved aside is put back first.
 */
export function planLeftovers(
  entries: readonly LeftoverEntry[],
  outputName: string,
  outputExists: boolean,
  running: (pid: number) => boolean,
): LeftoverPlan {
  const stale = entries.filter((entry) => {
    const leftover = parseLeftover(entry.name, outputName);
    return leftover !== undefined && leftover.pid !== process.pid && !running(leftover.pid);
  });
  const retired = stale
    .filter((entry) => parseLeftover(entry.name, outputName)?.kind === "retired")
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  const restore = outputExists ? undefined : retired[0]?.name;
  return { restore, remove: stale.map((e) => e.name).filter((name) => name !== restore) };
}

/**
 * Cleans up after interrupted builds of this output and in the temp folder.
 * Tells `log` what it did; a folder it cannot remove is reported, not fatal.
 */
export function clearLeftovers(
  outputPath: string,
  log: (line: string) => void,
  running: (pid: number) => boolean = isRunning,
): void {
  const dir = path.dirname(outputPath);
  const name = path.basename(outputPath);
  // Another build may be cleaning the same leftovers: one gone meanwhile is skipped.
  const entries = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((entry) => parseLeftover(entry, name))
    .map((entry) => ({ name: entry, stat: statSync(path.join(dir, entry), { throwIfNoEntry: false }) }))
    .flatMap(({ name, stat }) => (stat ? [{ name, mtimeMs: stat.mtimeMs }] : []));
  const plan = planLeftovers(entries, name, existsSync(outputPath), running);
  if (plan.restore) {
    renameSync(path.join(dir, plan.restore), outputPath);
    log(`Restored ${name}/ from ${plan.restore}, which a build stopped while publishing left.`);
  }
  for (const entry of plan.remove) {
    const folder = path.join(dir, entry);
    if (remove(folder, log)) log(`Removed ${entry}, left by a build that was stopped.`);
  }
  // Quietly: the temp folder is shared by every build on the machine, and
  // another user's folders are theirs to clean.
  const uid = process.getuid?.();
  for (const entry of readdirSync(tmpdir())) {
    const pid = parseTempLeftover(entry);
    if (pid === undefined || pid === process.pid || running(pid)) continue;
    const folder = path.join(tmpdir(), entry);
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (stat && (uid === undefined || stat.uid === uid)) remove(folder, log);
  }
}

function remove(folder: string, log: (line: string) => void): boolean {
  try {
    removeTree(folder);
    return true;
  } catch (error) {
    log(`Could not remove ${folder}, left by a build that was stopped: ${(error as Error).message}`);
    return false;
  }
}

// Builds go into a staging folder beside the output and replace it only when
// every phase has succeeded, so a failed build never touches the live site.
// Names of the folders involved carry the build's pid (lib/build/leftovers.ts).
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { leftoverPath } from "./leftovers.ts";
import { type OutputKind, writeMarker } from "./output-dir.ts";
import { removeTree } from "./remove-tree.ts";

/** The staging folder for an output folder, given as a resolved absolute path. */
export function stagingDirFor(outputPath: string): string {
  return leftoverPath(outputPath, "staging");
}

export function prepareStaging(stagingDir: string): void {
  removeTree(stagingDir);
  mkdirSync(stagingDir, { recursive: true });
}

export function discardStaging(stagingDir: string): void {
  removeTree(stagingDir);
}

/**
 * Marks the staged build as the build's own and swaps it in. With no
 * previous output this is one rename. Otherwise it is two renames on one
 * file system, one right after the other: the old output moves aside, then
 * the new one takes its name. Between those two calls (no other work runs
 * there) the output path does not exist, so a host reading it at that
 * instant finds nothing; Node has no atomic exchange of two folders
 * (renameat2 RENAME_EXCHANGE). If the build is killed in that instant, the
 * complete previous site is in `.<name>.retired-<pid>` and the next build
 * puts it back before doing anything else (clearLeftovers).
 */
export function publishStaging(stagingDir: string, outputPath: string, kind: OutputKind): void {
  writeMarker(stagingDir, kind);
  const retired = leftoverPath(outputPath, "retired");
  if (existsSync(outputPath)) renameSync(outputPath, retired);
  try {
    renameSync(stagingDir, outputPath);
  } catch (error) {
    if (existsSync(retired)) renameSync(retired, outputPath);
    throw error;
  }
  removeTree(retired);
}

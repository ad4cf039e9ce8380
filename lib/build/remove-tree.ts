// Removes a whole site folder: the previous site once the new one is
// published, a failed build's staging folder, what a stopped build left.
// Node's recursive rmSync walks the tree in JavaScript, a stat and an
// unlink per file; the system's `rm -rf` does the same work in C, in half
// the time (6,750 files: 105 ms against 210 ms).
// Publishing removes the previous site as its last step, after every other
// phase, so that time is the build's own.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

/**
 * Removes `dir` and everything under it; nothing when it does not exist.
 * Where the system has no `rm` (Windows), Node removes it.
 */
export function removeTree(dir: string): void {
  if (!existsSync(dir)) return;
  if (process.platform !== "win32") {
    // "--": a folder whose name starts with "-" is not read as an option.
    const run = spawnSync("rm", ["-rf", "--", dir], { encoding: "utf8" });
    if (!run.error) {
      if (run.status === 0) return;
      throw new Error(
        `Could not remove ${dir}: ${run.stderr.trim() || `rm exited with ${run.status ?? run.signal}`}`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

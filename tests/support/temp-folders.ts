// Temp folders for tests, removed once the test file that made them is
// done: tests/support/remove-temp-folders.ts, a setup file of every tier
// (vitest.config.ts), so a run of the tests leaves none behind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const made: string[] = [];

/** A new empty folder in the system's temp folder, removed once the test file is done. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempFolder and tempProject made in this test file. */
export function removeTempFolders(): void {
  // Retries: a process a test started may still be closing files in one.
  for (const dir of made.splice(0))
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

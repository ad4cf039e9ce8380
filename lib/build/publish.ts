// Builds go into a staging folder beside the output and replace it only when
// every phase has succeeded, so a failed build never touches the live site.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

export function stagingDirFor(outputDir: string): string {
  const resolved = path.resolve(outputDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.staging-${process.pid}`);
}

export function prepareStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
}

export function discardStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
}

/**
 * Swaps the staged build in with two renames on one file system: the old
 * output is moved aside first, so at no moment is a half-written site served.
 */
export function publishStaging(stagingDir: string, outputDir: string): void {
  const target = path.resolve(outputDir);
  const retired = `${path.join(path.dirname(target), `.${path.basename(target)}.retired-${process.pid}`)}`;
  if (existsSync(target)) renameSync(target, retired);
  try {
    renameSync(stagingDir, target);
  } catch (error) {
    if (existsSync(retired)) renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

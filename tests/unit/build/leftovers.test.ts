import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildTempDir,
  clearLeftovers,
  isRunning,
  leftoverPath,
  parseLeftover,
  parseTempLeftover,
  planLeftovers,
} from "../../../lib/build/leftovers.ts";

/** Beyond any pid a Linux kernel hands out (pid_max is at most 2^22). */
const DEAD = 99_999_999;
const ALIVE = process.ppid;
const running = (pid: number) => pid !== DEAD && pid !== DEAD + 1;

describe("leftover names", () => {
  it("carry the kind and the pid of the build that made them", () => {
    expect(leftoverPath("/p/_site", "staging", 42)).toBe("/p/._site.staging-42");
    expect(parseLeftover("._site.staging-42", "_site")).toEqual({ kind: "staging", pid: 42 });
    expect(parseLeftover("._site.retired-7", "_site")).toEqual({ kind: "retired", pid: 7 });
    expect(parseLeftover("._preview.staging-42", "_site")).toBeUndefined();
    expect(parseLeftover("._site.staging-", "_site")).toBeUndefined();
    expect(parseLeftover("._site.staging-42-x", "_site")).toBeUndefined();
    expect(parseLeftover("_site", "_site")).toBeUndefined();
    expect(parseTempLeftover("pressroom-index-42-a1B2c3")).toBe(42);
    expect(parseTempLeftover("pressroom-sw-42-a1B2c3")).toBe(42);
    // Folders of earlier versions and of the tests carry no pid and are left alone.
    expect(parseTempLeftover("pressroom-index-a1B2c3")).toBeUndefined();
    expect(parseTempLeftover("pressroom-fixture-a1B2c3")).toBeUndefined();
  });

  it("tell a running process from one that is gone", () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(ALIVE)).toBe(true);
    expect(isRunning(DEAD)).toBe(false);
    expect(isRunning(0)).toBe(false);
    expect(isRunning(-1)).toBe(false);
  });
});

describe("what to do with leftovers", () => {
  const entry = (name: string, mtimeMs = 0) => ({ name, mtimeMs });

  it("removes those of builds that are gone and keeps those of builds still running", () => {
    const plan = planLeftovers(
      [entry(`._site.staging-${DEAD}`), entry("._site.staging-123"), entry(`._site.retired-${DEAD}`)],
      "_site",
      true,
      running,
    );
    expect(plan).toEqual({
      restore: undefined,
      remove: [`._site.staging-${DEAD}`, `._site.retired-${DEAD}`],
    });
  });

  it("puts the newest previous site back when a build was stopped between its two renames", () => {
    const plan = planLeftovers(
      [
        entry(`._site.retired-${DEAD}`, 1),
        entry(`._site.retired-${DEAD + 1}`, 2),
        entry(`._site.staging-${DEAD}`),
      ],
      "_site",
      false,
      running,
    );
    expect(plan).toEqual({
      restore: `._site.retired-${DEAD + 1}`,
      remove: [`._site.retired-${DEAD}`, `._site.staging-${DEAD}`],
    });
  });

  it("never touches another output's leftovers or its own", () => {
    const plan = planLeftovers(
      [entry(`._preview.staging-${DEAD}`), entry(`._site.staging-${process.pid}`)],
      "_site",
      false,
      () => false,
    );
    expect(plan).toEqual({ restore: undefined, remove: [] });
  });
});

describe("clearing leftovers", () => {
  let temp: string;
  const made: string[] = [];
  afterEach(() => {
    rmSync(temp, { recursive: true, force: true });
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("restores the previous site, removes dead builds' folders beside it and in the temp folder, and says so", () => {
    temp = mkdtempSync(path.join(tmpdir(), "pressroom-unit-"));
    const output = path.join(temp, "_site");
    const put = (name: string, text: string) => {
      mkdirSync(path.join(temp, name));
      writeFileSync(path.join(temp, name, "index.html"), text);
    };
    put(`._site.retired-${DEAD}`, "previous");
    put(`._site.staging-${DEAD}`, "half-built");
    put(`._site.staging-${ALIVE}`, "another build's");
    put("._site.staging-notes", "not ours");
    const deadIndex = path.join(tmpdir(), `pressroom-index-${DEAD}-a1B2c3`);
    const liveIndex = path.join(tmpdir(), `pressroom-index-${ALIVE}-a1B2c3`);
    made.push(deadIndex, liveIndex);
    for (const dir of [deadIndex, liveIndex]) mkdirSync(dir, { recursive: true });

    const lines: string[] = [];
    clearLeftovers(output, (line) => lines.push(line));

    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("previous");
    expect(existsSync(path.join(temp, `._site.staging-${DEAD}`))).toBe(false);
    expect(existsSync(path.join(temp, `._site.staging-${ALIVE}`))).toBe(true);
    expect(existsSync(path.join(temp, "._site.staging-notes"))).toBe(true);
    expect(existsSync(deadIndex)).toBe(false);
    expect(existsSync(liveIndex)).toBe(true);
    expect(lines).toEqual([
      `Restored _site/ from ._site.retired-${DEAD}, which a build stopped while publishing left.`,
      `Removed ._site.staging-${DEAD}, left by a build that was stopped.`,
    ]);
  });

  it("has nothing to do for an output whose folder does not exist yet", () => {
    temp = mkdtempSync(path.join(tmpdir(), "pressroom-unit-"));
    const lines: string[] = [];
    clearLeftovers(path.join(temp, "new", "deeper", "_site"), (line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it("names its own temp folders after its pid", () => {
    temp = buildTempDir("pressroom-index");
    expect(parseTempLeftover(path.basename(temp))).toBe(process.pid);
  });
});

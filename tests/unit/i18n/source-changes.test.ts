// What changed in a source release since its translation was marked: word
// changes (Chinese cut into words too), and the marked version found in git
// history by its hash.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  findSourceVersion,
  formatChange,
  sourceChanges,
  wordDiff,
} from "../../../lib/i18n/source-changes.ts";
import { hashSource } from "../../../lib/i18n/translation-status.ts";
import { tempProject } from "../../support/temp-project.ts";

describe("wordDiff", () => {
  it("shows the words replaced, with a few words of context", () => {
    const changes = wordDiff(
      "The plant opens in May with 300 staff.",
      "The plant opens in June with 320 staff.",
      "en",
    );
    expect(changes.map(formatChange)).toEqual([
      "…plant opens in [-May-]{+June+} with …",
      "… with [-300-]{+320+} staff.…",
    ]);
  });

  it("cuts Chinese text into words rather than treating a sentence as one", () => {
    const [change, ...rest] = wordDiff("工厂将于五月投产。", "工厂将于六月投产。", "zh-CN");
    expect(rest).toEqual([]);
    expect(change?.removed.length).toBeLessThan(4);
    expect(change?.added.length).toBeLessThan(4);
    expect(`${change?.removed}${change?.added}`).toMatch(/五.*六/);
  });

  it("finds nothing in the same text, whatever its line endings", () => {
    expect(wordDiff("a b\nc", "a b\r\nc", "en")).toEqual([]);
  });
});

describe("finding the marked version", () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      cwd: dir,
      stdio: "ignore",
    });

  it("takes the version whose hash was recorded from git history and compares it with the file now", () => {
    const root = tempProject({ "src/releases/en/a.md": "Sales rose 5%.\n" });
    const file = "src/releases/en/a.md";
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-qm", "first");
    const marked = hashSource("Sales rose 5%.\n");
    writeFileSync(path.join(root, file), "Sales rose 7%.\n");
    git(root, "commit", "-qam", "second");
    const result = sourceChanges(root, file, marked, "Sales rose 7%.\n", "en");
    expect("changes" in result && result.changes.map(formatChange)).toEqual([
      "…Sales rose [-5-]{+7+}%.\n…".replace("\n", " "),
    ]);
  });

  it("says why when the recorded version cannot be found", () => {
    const root = tempProject({ "src/releases/en/a.md": "x\n" });
    const unknown = findSourceVersion(root, "src/releases/en/a.md", "0123456789ab");
    expect(typeof unknown === "string" ? unknown : unknown.unknown).toMatch(/compare the two files$/);
  });
});

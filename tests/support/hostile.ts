// Runs hostile and careless input against the real build, one case at a
// time in one fixture site, and checks what every case must keep: the exit
// code, a message naming the file and the field, no stack trace, the
// previous _site/ byte for byte after a refusal, and nothing from outside
// the content folders in the output.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/build/output-files.ts";
import {
  type BuildResult,
  createFixtureSite,
  type FixtureSite,
  mustBuild,
  releaseFile,
} from "./fixture-site.ts";

/** Text of the files in the folder outside the project that hostile links point at. */
export const OUTSIDE_CANARY = "OutsideCanary7f3a";

export interface HostileCase {
  /** What a newsroom did, as a sentence ("an attachment that links to /etc/passwd"). */
  name: string;
  /** Files written into the fixture for this case and removed after it. */
  files?: Record<string, string | Uint8Array>;
  /**
   * Symbolic links made for this case, fixture-relative path → target.
   * `{outside}` in a target is a folder outside the project holding
   * secret.txt, secret.pdf and a folder `nested/` with the same files, each
   * containing OUTSIDE_CANARY.
   */
  links?: Record<string, string>;
  env?: Record<string, string>;
  args?: string[];
  /** Anything else the case needs before its build; returns what to undo after it. */
  setup?: (site: FixtureSite, outside: string) => (() => void) | undefined;
  /** 1: the build must refuse; 0: it must succeed (a warning, or handled safely). */
  code: 0 | 1;
  /** What the build's output (stdout and stderr) must say: file, field and what was expected. */
  says?: (string | RegExp)[];
  /** Further checks after the build. */
  check?: (site: FixtureSite, result: BuildResult, outside: string) => void;
}

/** Every output file as text; Pagefind's compressed index files decompressed. */
export function outputTexts(site: FixtureSite, dir = "_site"): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(path.join(site.dir, dir))) {
    const bytes = readFileSync(file);
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    texts.set(file.slice(site.dir.length), (isGzip ? gunzipSync(bytes) : bytes).toString("utf8"));
  }
  return texts;
}

function snapshot(site: FixtureSite): Map<string, string> {
  return new Map(listFiles(path.join(site.dir, "_site")).map((f) => [f, readFileSync(f).toString("base64")]));
}

/** A stack frame as Node prints it: "    at fn (file.ts:12:3)". */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** A small bilingual site every case starts from. */
export function hostileBaseFiles(): Record<string, string> {
  return {
    "src/releases/en/plant-opens.md": releaseFile({
      title: "Plant opens",
      releaseTime: "2025-03-01",
      tags: ["energy"],
    }),
    "src/releases/zh/plant-opens.md": releaseFile({
      title: "工厂投产",
      releaseTime: "2025-03-01",
      tags: ["energy"],
    }),
  };
}

let tried = 0;

/**
 * Declares one vitest case per hostile case, run in order in one fixture.
 * Each group prints how many cases it tried.
 */
export function hostileSuite(title: string, cases: readonly HostileCase[]): void {
  describe(title, () => {
    let site: FixtureSite;
    let outside: string;
    let before: Map<string, string>;

    beforeAll(async () => {
      outside = mkdtempSync(path.join(tmpdir(), "pressroom-outside-"));
      for (const dir of [outside, path.join(outside, "nested")]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "secret.txt"), `${OUTSIDE_CANARY}\n`);
        writeFileSync(path.join(dir, "secret.pdf"), `%PDF-1.4 ${OUTSIDE_CANARY}\n`);
        writeFileSync(
          path.join(dir, "secret.md"),
          releaseFile({ title: OUTSIDE_CANARY, releaseTime: "2025-01-01" }, OUTSIDE_CANARY),
        );
      }
      site = createFixtureSite(hostileBaseFiles());
      await mustBuild(site);
      before = snapshot(site);
    });

    afterAll(() => {
      console.log(`${title}: ${tried} hostile cases tried so far`);
      site?.dispose();
      if (outside) rmSync(outside, { recursive: true, force: true });
    });

    for (const c of cases) {
      it(c.name, async () => {
        tried += 1;
        const undo: (() => void)[] = [];
        try {
          for (const [relative, content] of Object.entries(c.files ?? {})) {
            site.write(relative, content);
            undo.push(() => rmSync(path.join(site.dir, relative), { recursive: true, force: true }));
          }
          for (const [relative, target] of Object.entries(c.links ?? {})) {
            const link = path.join(site.dir, relative);
            mkdirSync(path.dirname(link), { recursive: true });
            symlinkSync(target.replace("{outside}", outside), link);
            undo.push(() => rmSync(link, { force: true }));
          }
          const undoSetup = c.setup?.(site, outside);
          if (undoSetup) undo.push(undoSetup);

          const result = await site.build({ env: c.env ?? {}, args: c.args ?? [] });
          const printed = `${result.stdout}\n${result.stderr}`;
          expect(result.code, printed).toBe(c.code);
          for (const text of c.says ?? []) {
            if (typeof text === "string") expect(printed).toContain(text);
            else expect(printed).toMatch(text);
          }
          if (!(c.args ?? []).includes("--debug")) expect(printed).not.toMatch(STACK_FRAME);
          if (c.code === 1) {
            expect(snapshot(site), "the previous _site/ changed").toEqual(before);
          }
          // The published site, and the folder the case built into when it named one.
          const out = c.args?.[(c.args ?? []).indexOf("--out") + 1];
          const scanned = [
            "_site",
            ...(c.args?.includes("--out") && out && !path.isAbsolute(out) ? [out] : []),
          ];
          for (const dir of scanned) {
            const full = path.join(site.dir, dir);
            // Only a folder a build wrote (it holds the marker): refused cases name the project itself.
            if (dir !== "_site" && !existsSync(path.join(full, ".pressroom-output"))) continue;
            for (const [file, text] of outputTexts(site, dir)) {
              expect(text.includes(OUTSIDE_CANARY), `${file} holds a file from outside the project`).toBe(
                false,
              );
            }
          }
          c.check?.(site, result, outside);
        } finally {
          for (const step of undo.reverse()) step();
          // A case that built successfully changed _site/; the next compares with that.
          if (c.code === 0) before = snapshot(site);
        }
      });
    }
  });
}

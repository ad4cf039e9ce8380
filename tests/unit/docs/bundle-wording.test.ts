// Wording belongs to translators: no test may expect a text of the Chinese
// bundle as typed, or a translator's rewording would turn `npm test` red.
// Tests read expected text from the bundles (tests/support/bundles.ts) or
// assert structure. This scans every test file for the wording of each
// locales/zh/translation.json value: the value, or the longer pieces of it
// between placeholders. Short pieces (a two-character word such as 储能)
// are left out, as release fixtures use them as content.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../support/fixture-site.ts";

const MIN_LENGTH = 5;

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([name, value]) => leaves(value, prefix ? `${prefix}.${name}` : name));
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("tests and the Chinese bundle's wording", () => {
  it("no test contains the wording of a zh bundle value", () => {
    const bundle = JSON.parse(
      readFileSync(path.join(projectRoot, "locales", "zh", "translation.json"), "utf8"),
    );
    const pieces = leaves(bundle).flatMap(([key, value]) =>
      value
        .split(/\{\{[^}]*\}\}/)
        .map((piece) => piece.trim())
        .filter((piece) => [...piece].length >= MIN_LENGTH && /\p{Script=Han}/u.test(piece))
        .map((piece) => ({ key, piece })),
    );
    expect(pieces.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of testFiles(path.join(projectRoot, "tests"))) {
      const text = readFileSync(file, "utf8");
      for (const { key, piece } of pieces) {
        if (text.includes(piece)) found.push(`${path.relative(projectRoot, file)}: ${key}: "${piece}"`);
      }
    }
    expect(found).toEqual([]);
  });
});

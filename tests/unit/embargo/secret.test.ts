// PRESSROOM_EMBARGO_KEY: what is accepted as the embargo secret, and what
// a careless value (cut short, with spaces, not base64) is told.
import { describe, expect, it } from "vitest";
import { ProblemsError } from "../../../lib/content/problems.ts";
import {
  EMBARGO_KEY_VARIABLE,
  MIN_SECRET_BYTES,
  newEmbargoSecret,
  parseEmbargoSecret,
  readEmbargoSecret,
} from "../../../lib/embargo/secret.ts";

const bytes = Buffer.alloc(MIN_SECRET_BYTES, 7);

function problemOf(value: string): string {
  try {
    readEmbargoSecret({ [EMBARGO_KEY_VARIABLE]: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemsError);
    const [problem] = (error as ProblemsError).problems;
    expect(problem?.file).toBe(`environment variable ${EMBARGO_KEY_VARIABLE}`);
    return problem?.message ?? "";
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe("the embargo secret", () => {
  it("is unset when the variable is missing or empty, as CI gives a secret a fork cannot read", () => {
    expect(readEmbargoSecret({})).toBeUndefined();
    expect(readEmbargoSecret({ [EMBARGO_KEY_VARIABLE]: "" })).toBeUndefined();
    expect(readEmbargoSecret({ [EMBARGO_KEY_VARIABLE]: "  \n" })).toBeUndefined();
  });

  it("is read from standard or URL-safe base64, padded or not, with a trailing line break", () => {
    for (const text of [
      bytes.toString("base64"),
      bytes.toString("base64url"),
      `${bytes.toString("base64")}\n`,
    ]) {
      expect(readEmbargoSecret({ [EMBARGO_KEY_VARIABLE]: text })).toEqual(bytes);
    }
  });

  it("is refused, naming the variable and what is wrong, when too short", () => {
    expect(problemOf(Buffer.alloc(16).toString("base64"))).toMatch(/at least 32 random bytes.*found 16/);
  });

  it("is refused when it is not base64 text", () => {
    expect(problemOf("correct horse battery staple")).toMatch(/expected base64.*a space/);
    expect(problemOf(`${bytes.toString("base64")}!`)).toMatch(/expected base64.*"!"/);
    expect(problemOf(bytes.toString("base64").slice(0, 41))).toMatch(/length cannot be base64/);
    for (const message of [problemOf("abc"), problemOf("é")])
      expect(message).toContain("npm run embargo:key");
  });

  it("is made new by npm run embargo:key: 32 random bytes that the build accepts", () => {
    const first = newEmbargoSecret();
    expect(parseEmbargoSecret(first)).toHaveLength(MIN_SECRET_BYTES);
    expect(newEmbargoSecret()).not.toBe(first);
  });
});

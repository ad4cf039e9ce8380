// The embargo secret: PRESSROOM_EMBARGO_KEY, at least 32 random bytes in
// base64, set in the environment or as a CI secret and never stored in the
// repository. Every preview id and key is derived from it (seal.ts), so a
// new secret revokes every link sent before.
import { randomBytes } from "node:crypto";
import { ProblemsError } from "../content/problems.ts";

export const EMBARGO_KEY_VARIABLE = "PRESSROOM_EMBARGO_KEY";
export const MIN_SECRET_BYTES = 32;

const HOW_TO_GET_ONE = "`npm run embargo:key` prints a new one";
// Standard or URL-safe alphabet, padding optional: what `openssl rand
// -base64 32`, `npm run embargo:key` and a copy from a password manager give.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A new secret, as `npm run embargo:key` prints it. */
export function newEmbargoSecret(): string {
  return randomBytes(MIN_SECRET_BYTES).toString("base64");
}

/** Why a value cannot be the secret, or its bytes. */
export function parseEmbargoSecret(value: string): Buffer | string {
  const text = value.trim();
  if (!BASE64.test(text)) {
    const bad = [...new Set(text.replace(/[A-Za-z0-9+/_=-]/g, ""))].slice(0, 5);
    const shown = bad.map((ch) => (/\s/.test(ch) ? "a space or line break" : `"${ch}"`)).join(", ");
    return `expected base64 text (letters, digits, +, /, and = at the end), found ${shown || "= in the middle"}; ${HOW_TO_GET_ONE}`;
  }
  if (text.replace(/=+$/, "").length % 4 === 1) {
    return `expected base64 text, but its length cannot be base64 (is part of it missing?); ${HOW_TO_GET_ONE}`;
  }
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length < MIN_SECRET_BYTES) {
    return `expected at least ${MIN_SECRET_BYTES} random bytes in base64, found ${bytes.length}; ${HOW_TO_GET_ONE}`;
  }
  return bytes;
}

/**
 * The secret from the environment, or undefined when it is not set (an empty
 * value counts as not set, as CI writes a secret a fork cannot read).
 */
export function readEmbargoSecret(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env[EMBARGO_KEY_VARIABLE];
  if (value === undefined || value.trim() === "") return undefined;
  const parsed = parseEmbargoSecret(value);
  if (typeof parsed === "string") {
    throw new ProblemsError(`${EMBARGO_KEY_VARIABLE} is not a usable secret.`, [
      { file: `environment variable ${EMBARGO_KEY_VARIABLE}`, message: parsed },
    ]);
  }
  return parsed;
}

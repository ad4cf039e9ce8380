// What the embargo secret derives (ids, keys, file names, nonces) and the
// sealing itself: stable across builds, different per release and
// language, all changed by a new secret, and never a nonce twice under a key.
import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentNonce, EmbargoKeys, NONCE_BYTES } from "../../../lib/embargo/seal.ts";

const secret = Buffer.alloc(32, 1);
const otherSecret = Buffer.alloc(32, 2);
const merger = { locale: "en", slug: "secret-merger" };

function open(key: Buffer, sealed: Buffer): string {
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAuthTag(sealed.subarray(-16));
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, -16)), decipher.final()]).toString(
    "utf8",
  );
}

describe("embargo key derivation", () => {
  it("gives the same id, key and file names from the same secret, as every build must", () => {
    const a = new EmbargoKeys(Buffer.from(secret));
    const b = new EmbargoKeys(Buffer.from(secret));
    expect(a.id(merger)).toBe(b.id(merger));
    expect(a.key(merger)).toEqual(b.key(merger));
    expect(a.fragment(merger)).toBe(b.fragment(merger));
    expect(a.fileName(merger, "attachment:photo.jpg")).toBe(b.fileName(merger, "attachment:photo.jpg"));
  });

  it("gives an id that says nothing of the slug, and a key of 256 bits in the fragment", () => {
    const keys = new EmbargoKeys(secret);
    expect(keys.id(merger)).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.key(merger)).toHaveLength(32);
    expect(keys.fragment(merger)).toBe(`k=${keys.key(merger).toString("base64url")}`);
    expect(keys.fileName(merger, "attachment:secret-merger.pdf")).toMatch(/^[0-9a-f]{32}\.bin$/);
  });

  it("differs per release and per language", () => {
    const keys = new EmbargoKeys(secret);
    const identities = [
      merger,
      { locale: "zh", slug: "secret-merger" },
      { locale: "en", slug: "secret-merger-2" },
      { locale: "en", slug: "other" },
    ];
    expect(new Set(identities.map((i) => keys.id(i))).size).toBe(identities.length);
    expect(new Set(identities.map((i) => keys.key(i).toString("hex"))).size).toBe(identities.length);
    expect(new Set(identities.map((i) => keys.fileName(i, "attachment:a.pdf"))).size).toBe(identities.length);
    // Ids and keys are derived apart: the id in a URL tells nothing of the key.
    expect(keys.key(merger).toString("hex")).not.toContain(keys.id(merger));
  });

  it("changes every id, key and file name with a new secret, which revokes the links", () => {
    const before = new EmbargoKeys(secret);
    const after = new EmbargoKeys(otherSecret);
    expect(after.id(merger)).not.toBe(before.id(merger));
    expect(after.key(merger)).not.toEqual(before.key(merger));
    expect(after.fileName(merger, "attachment:a.pdf")).not.toBe(before.fileName(merger, "attachment:a.pdf"));
    expect(() => open(after.key(merger), before.seal(merger, "<h1>Merger</h1>"))).toThrow();
  });
});

describe("sealing", () => {
  it("opens with the release's key and gives the same bytes for the same content (reproducible builds)", () => {
    const keys = new EmbargoKeys(secret);
    const sealed = keys.seal(merger, "<h1>Merger</h1>");
    expect(open(keys.key(merger), sealed)).toBe("<h1>Merger</h1>");
    expect(keys.seal(merger, "<h1>Merger</h1>")).toEqual(sealed);
    expect(sealed.toString("utf8")).not.toContain("Merger");
  });

  it("never uses one nonce for two different contents under one key", () => {
    const keys = new EmbargoKeys(secret);
    const versions = Array.from({ length: 500 }, (_, i) => `<h1>Merger</h1><p>edit ${i}</p>`);
    versions.push("<h1>Merger</h1>", "<h1>Merger</h1> ", "<h1>merger</h1>", "");
    const nonces = versions.map((text) => keys.seal(merger, text).subarray(0, NONCE_BYTES).toString("hex"));
    expect(new Set(nonces).size).toBe(versions.length);
    // Nonces come from a key of their own, not from the content alone.
    const nonceOf = (key: Buffer) => contentNonce(key, Buffer.from("same")).toString("hex");
    expect(nonceOf(Buffer.alloc(32, 3))).not.toBe(nonceOf(Buffer.alloc(32, 4)));
  });
});

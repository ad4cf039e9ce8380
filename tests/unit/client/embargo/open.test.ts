// The preview page's opening, run in Node's Web Crypto: what the build
// sealed (lib/embargo/seal.ts) opens with the key from the link's fragment,
// and a link without its key, cut short or with another key, does not.
import { describe, expect, it } from "vitest";
import {
  fromBase64,
  importKey,
  keyFromFragment,
  openSealed,
  srcsetEntries,
} from "../../../../lib/client/embargo/open.ts";
import { EmbargoKeys } from "../../../../lib/embargo/seal.ts";

const keys = new EmbargoKeys(Buffer.alloc(32, 9));
const release = { locale: "zh", slug: "merger" };
const { subtle } = globalThis.crypto;

async function openWith(hash: string, sealed: Uint8Array): Promise<string> {
  const raw = keyFromFragment(hash);
  if (!raw) throw new Error("no key");
  return new TextDecoder().decode(await openSealed(subtle, await importKey(subtle, raw), sealed));
}

describe("opening an embargoed preview in the browser", () => {
  it("opens what the build sealed with the key in the link's fragment", async () => {
    const sealed = keys.seal(release, "<h1>并购</h1>");
    expect(await openWith(`#${keys.fragment(release)}`, sealed)).toBe("<h1>并购</h1>");
    // The page carries the sealed release as base64.
    expect(fromBase64(sealed.toString("base64"))).toEqual(new Uint8Array(sealed));
  });

  it("finds no key in a link that lost its fragment or was cut short", () => {
    const fragment = `#${keys.fragment(release)}`;
    expect(keyFromFragment("")).toBeUndefined();
    expect(keyFromFragment("#")).toBeUndefined();
    expect(keyFromFragment("#k=")).toBeUndefined();
    expect(keyFromFragment(fragment.slice(0, -5))).toBeUndefined();
    expect(keyFromFragment("#k=not base64!")).toBeUndefined();
    expect(keyFromFragment(fragment)).toHaveLength(32);
  });

  it("refuses to open with another key of the right length", async () => {
    const sealed = keys.seal(release, "<h1>并购</h1>");
    const other = `#${keys.fragment({ locale: "en", slug: "merger" })}`;
    await expect(openWith(other, sealed)).rejects.toThrow();
    const tampered = Uint8Array.from(sealed);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    await expect(openWith(`#${keys.fragment(release)}`, tampered)).rejects.toThrow();
  });

  it("reads the sealed files a srcset names", () => {
    expect(srcsetEntries("a.bin 320w, b.bin 640w")).toEqual([
      { file: "a.bin", descriptor: "320w" },
      { file: "b.bin", descriptor: "640w" },
    ]);
  });
});

// What the embargoed preview page does with the key in its link, as
// functions the unit tests run in Node's Web Crypto: read the key from the
// fragment, open the sealed release and its media-kit files (sealed by
// lib/embargo/seal.ts: nonce, then AES-256-GCM ciphertext and tag).

const NONCE_BYTES = 12;
const KEY_BYTES = 32;

/** Base64 or base64url, padded or not; undefined when it is neither. */
export function fromBase64(text: string): Uint8Array | undefined {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard) || standard.replace(/=+$/, "").length % 4 === 1) {
    return undefined;
  }
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The 32-byte key of a link's fragment (`#k=…`), or undefined when the link lost it or it is cut short. */
export function keyFromFragment(hash: string): Uint8Array | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("k");
  if (!value) return undefined;
  const bytes = fromBase64(value.trim());
  return bytes?.length === KEY_BYTES ? bytes : undefined;
}

export async function importKey(subtle: SubtleCrypto, raw: Uint8Array): Promise<CryptoKey> {
  return subtle.importKey("raw", raw as BufferSource, { name: "AES-GCM" }, false, ["decrypt"]);
}

/** The plaintext; rejects when the key is not the one it was sealed with or the bytes were changed. */
export async function openSealed(
  subtle: SubtleCrypto,
  key: CryptoKey,
  sealed: Uint8Array,
): Promise<ArrayBuffer> {
  if (sealed.length <= NONCE_BYTES) throw new Error("sealed data too short");
  return subtle.decrypt(
    { name: "AES-GCM", iv: sealed.subarray(0, NONCE_BYTES) as BufferSource },
    key,
    sealed.subarray(NONCE_BYTES) as BufferSource,
  );
}

/** "a.bin 320w, b.bin 640w" → its file names and descriptors. */
export function srcsetEntries(srcset: string): { file: string; descriptor: string }[] {
  return srcset
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([file, ...rest]) => ({ file: file as string, descriptor: rest.join(" ") }));
}

// What the embargo secret (secret.ts) derives, and the encryption the
// browser undoes (lib/client/embargo/open.ts). Everything is derived with
// HKDF-SHA256 from the secret and the release's identity (locale and slug),
// never from its content, so a link stays the same across builds and edits
// and a new secret changes every id and key:
//
//   id     the preview's folder, /embargo/<id>/: 128 bits, says nothing of the slug
//   key    the AES-256-GCM key of one release in one language, sent in the link's #k=
//   nonce  HMAC-SHA256 of the plaintext under a nonce key of its own, cut to 96 bits:
//          the same content gives the same bytes (reproducible builds), and
//          different content a different nonce, so a key never meets a nonce twice.
import { createCipheriv, createHmac, hkdfSync } from "node:crypto";

/** The release in one language: a preview's id, key and files are derived from this alone. */
export interface EmbargoIdentity {
  locale: string;
  slug: string;
}

export const NONCE_BYTES = 12;
const KEY_BYTES = 32;
const ID_BYTES = 16;
const TAG_BYTES = 16;
// Changing it changes every id and key, as a new secret does.
const SALT = "pressroom embargo v1";

function derive(secret: Buffer, purpose: string, identity: EmbargoIdentity, bytes: number): Buffer {
  // A slug has no "/" and a locale code none either, so the pair is unambiguous.
  const info = `${purpose}\u0000${identity.locale}/${identity.slug}`;
  return Buffer.from(hkdfSync("sha256", secret, SALT, info, bytes));
}

/** 96 bits of HMAC-SHA256 of the plaintext: deterministic, and different for different content. */
export function contentNonce(nonceKey: Buffer, plaintext: Uint8Array): Buffer {
  return createHmac("sha256", nonceKey).update(plaintext).digest().subarray(0, NONCE_BYTES);
}

/** AES-256-GCM as the Web Crypto API reads it: nonce, then ciphertext with its 16-byte tag. */
export function sealWith(key: Buffer, nonceKey: Buffer, plaintext: Uint8Array): Buffer {
  const nonce = contentNonce(nonceKey, plaintext);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Every id, key and sealed file of the embargoed previews of one secret. */
export class EmbargoKeys {
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    this.#secret = secret;
  }

  /** The preview's folder name: hex, so hosts that fold case still find it. */
  id(identity: EmbargoIdentity): string {
    return derive(this.#secret, "id", identity, ID_BYTES).toString("hex");
  }

  key(identity: EmbargoIdentity): Buffer {
    return derive(this.#secret, "key", identity, KEY_BYTES);
  }

  /** The link's fragment, without "#": browsers never send it to the host. */
  fragment(identity: EmbargoIdentity): string {
    return `k=${this.key(identity).toString("base64url")}`;
  }

  /** An opaque name for a media-kit file or rendition of the preview, stable across builds. */
  fileName(identity: EmbargoIdentity, name: string): string {
    const names = derive(this.#secret, "file-name", identity, KEY_BYTES);
    return `${createHmac("sha256", names).update(name).digest("hex").slice(0, 32)}.bin`;
  }

  seal(identity: EmbargoIdentity, plaintext: string | Uint8Array): Buffer {
    const bytes = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
    return sealWith(this.key(identity), derive(this.#secret, "nonce", identity, KEY_BYTES), bytes);
  }
}

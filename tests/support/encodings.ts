// Text saved the ways a newsroom's editors save it when not as UTF-8: GBK
// (Chinese Windows), UTF-16 ("Unicode" in old editors). Node encodes
// neither, so GBK is built from the decoder's table.

let gbkTable: Map<string, Uint8Array> | undefined;

/** Every character GBK writes in two bytes, with its bytes. */
function gbk(): Map<string, Uint8Array> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, Uint8Array>();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      const char = decoder.decode(bytes);
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, bytes);
    }
  }
  gbkTable = table;
  return table;
}

/** `text` in GBK; throws for a character GBK does not have. */
export function encodeGbk(text: string): Uint8Array {
  const table = gbk();
  const parts: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      parts.push(code);
      continue;
    }
    const bytes = table.get(char);
    if (!bytes) throw new Error(`GBK has no ${char}`);
    parts.push(...bytes);
  }
  return Uint8Array.from(parts);
}

/** `text` in UTF-16, little-endian, with or without its byte order mark. */
export function encodeUtf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** `text` in UTF-8 with a byte order mark, as Notepad saved it until 2019. */
export function withBom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

// The one door through which the build reads what writers and translators
// save: releases, company records and locale bundles. Two checks guard it.
//
// Where a file really is: a committed symbolic link could otherwise make the
// build read or publish any file on the machine (`passwd.pdf -> /etc/passwd`).
// A path is resolved to its real path, and must lie inside the content folder
// it was found in; links that stay inside are followed like plain files.
//
// What a file's bytes are: text is UTF-8, with or without a byte order mark.
// Anything else would be published as mojibake, so it is refused with the
// encoding it looks like (GBK from Chinese Windows, UTF-16 from "Unicode" in
// old editors) and how to save it as UTF-8.
import { isUtf8 } from "node:buffer";
import { lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { ProblemsError } from "./problems.ts";

/** A folder of the project whose files the build reads. */
export interface ContentFolder {
  /** Project-relative, as messages name it: "src/releases". */
  name: string;
  /** Absolute path, as files in it are listed. */
  dir: string;
  /** Where files in it must really be: the project's real path joined with `name`. */
  real: string;
  /** Real paths of the folders files were found in, for this read of the folder (resolveInside). */
  realFolders: Map<string, string>;
}

/** A project-relative path as messages write it, with / on every system. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * A content folder of the project. The folder itself must not be a link:
 * everything under it would then lie outside the project.
 */
export function contentFolder(rootDir: string, relative: string): ContentFolder {
  const name = toPosix(relative);
  const dir = path.join(rootDir, relative);
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    throw new ProblemsError(`${name}/ is a link.`, [
      {
        file: `${name}/`,
        field: "link",
        message: `is a link to "${readlinkSync(dir)}"; expected a folder, not a link (links inside ${name}/ are followed when their target lies inside it)`,
      },
    ]);
  }
  return { name, dir, real: path.join(realpathSync.native(rootDir), relative), realFolders: new Map() };
}

export function isInside(real: string, folder: string): boolean {
  return real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
}

/**
 * The link that takes `full` out of the folder (or to nothing), as a phrase
 * that follows the file's name: "is a link to …" when `full` itself is the
 * link, "lies in src/releases/en/kit, a link to …" when a folder on the way is.
 * Links that stay inside are passed, as they are followed.
 */
function escapingLink(full: string, folder: ContentFolder): string | undefined {
  const relative = path.relative(folder.dir, full);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  let current = folder.dir;
  let name = folder.name;
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    name = `${name}/${part}`;
    const stat = lstatSync(current, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (!stat.isSymbolicLink()) continue;
    let real: string | undefined;
    try {
      real = realpathSync.native(current);
    } catch {
      real = undefined;
    }
    if (real && isInside(real, folder.real)) continue;
    const link = `a link to "${readlinkSync(current)}"`;
    const where = real ? `, outside ${folder.name}/` : ", which does not exist";
    return index === parts.length - 1 ? `is ${link}${where}` : `lies in ${name}, ${link}${where}`;
  }
  return undefined;
}

export type Resolved =
  | { real: string }
  /**
   * `problem` follows the file's name ("is a link to …"); `link` tells a
   * link's problem (outside, dangling, a loop) from a plain missing file.
   */
  | { problem: string; link: boolean };

/**
 * The real path of a file that is not itself a link: its folder's real
 * path, asked once per folder, and its name. Resolving each file took
 * a lookup per part of its path (91 ms of reading 2,000 releases).
 */
function realPathOfFile(full: string, folder: ContentFolder): string | undefined {
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return undefined;
  const dir = path.dirname(full);
  let real = folder.realFolders.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync.native(dir);
    } catch {
      return undefined;
    }
    folder.realFolders.set(dir, real);
  }
  return path.join(real, path.basename(full));
}

/**
 * Where `full` (a path found in `folder`) really is, or why it may not be
 * read: it is missing, or a link on the way leads outside the folder.
 */
export function resolveInside(full: string, folder: ContentFolder): Resolved {
  let real: string;
  try {
    // The system's realpath: Node's own walks the path a part at a time.
    // Every path compared with it comes from the same call.
    real = realPathOfFile(full, folder) ?? realpathSync.native(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { problem: "is a loop of links", link: true };
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    const link = escapingLink(full, folder);
    return link ? { problem: link, link: true } : { problem: "not found", link: false };
  }
  if (!isInside(real, folder.real)) {
    const link = escapingLink(full, folder) ?? `resolves to a path outside ${folder.name}/`;
    return {
      problem: `${link}; expected a target inside ${folder.name}/ (a link is followed only when it stays inside)`,
      link: true,
    };
  }
  return { real };
}

const SAVE_AS_UTF8 =
  'save it as UTF-8 (VS Code: "Save with Encoding", UTF-8; Notepad: Save as, Encoding: UTF-8)';

export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "UTF-32LE" | "UTF-32BE" | "GBK";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
}

/** UTF-16 without a byte order mark: ASCII text has a NUL in every other byte. */
function utf16ByNuls(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = sample / 2;
  if (odd >= pairs * 0.25 && even <= pairs * 0.05) return "UTF-16LE";
  if (even >= pairs * 0.25 && odd <= pairs * 0.05) return "UTF-16BE";
  return undefined;
}

/**
 * GBK/GB18030 only when it is clear: the bytes decode as GB18030, and
 * nearly every two-byte character lies in the GB2312 range (both bytes from
 * 0xA1), where common Chinese lives. Latin-1 text such as "Müller" can
 * decode as GBK too, but its high bytes are followed by ASCII letters.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 4; // a four-byte GB18030 sequence
      continue;
    }
    pairs += 1;
    if (lead >= 0xa1 && trail >= 0xa1) gb2312 += 1;
    i += 2;
  }
  return pairs > 0 && gb2312 >= pairs * 0.9;
}

/**
 * The encoding a file's bytes clearly have, or undefined when that is not
 * clear. A byte order mark decides; then ASCII with a NUL in every other
 * byte is UTF-16; then valid UTF-8 is UTF-8 (so Chinese saved as UTF-8 is
 * never taken for GBK); then GBK when it is clear.
 */
export function guessEncoding(bytes: Uint8Array): Encoding | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return "UTF-32LE";
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return "UTF-32BE";
  if (startsWith(bytes, [0xff, 0xfe])) return "UTF-16LE";
  if (startsWith(bytes, [0xfe, 0xff])) return "UTF-16BE";
  const byNuls = utf16ByNuls(bytes);
  if (byNuls) return byNuls;
  // Checked without decoding: the text is decoded once, by decodeUtf8.
  if (isUtf8(withoutBom(bytes))) return "UTF-8";
  return looksLikeGbk(bytes) ? "GBK" : undefined;
}

export type Decoded = { text: string } | { expected: string };

/**
 * The text of a file's bytes: UTF-8, a leading byte order mark dropped.
 * Otherwise what was expected, with the encoding the bytes look like and
 * how to save them as UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const encoding = guessEncoding(bytes);
  if (encoding === "UTF-8") {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(withoutBom(bytes));
    if (text.includes("\u0000")) {
      return { expected: "expected UTF-8 text, but the file contains NUL bytes (is it a binary file?)" };
    }
    return { text };
  }
  if (encoding === "GBK") {
    return {
      expected: `expected UTF-8, but the file looks like GBK/GB18030 (Simplified Chinese, as Chinese Windows saves it); reopen it as GB 18030 and ${SAVE_AS_UTF8}`,
    };
  }
  if (encoding) {
    const order = encoding.endsWith("LE") ? "little-endian" : "big-endian";
    return {
      expected: `expected UTF-8, but the file is ${encoding.slice(0, 6)} (${order}); ${SAVE_AS_UTF8}`,
    };
  }
  const lossy = new TextDecoder("utf-8", { ignoreBOM: true }).decode(withoutBom(bytes));
  const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
  return { expected: `expected UTF-8, but line ${line} has bytes that are not UTF-8; ${SAVE_AS_UTF8}` };
}

/**
 * Reads a text file found in `folder`: its real path must lie inside the
 * folder, and its bytes must be UTF-8. `file` names it in messages.
 * Throws a ProblemsError naming the file otherwise.
 */
export function readTextFile(full: string, file: string, folder: ContentFolder): string {
  const resolved = resolveInside(full, folder);
  if ("problem" in resolved) {
    throw new ProblemsError(`${file} cannot be read.`, [
      resolved.link
        ? { file, field: "link", message: resolved.problem }
        : { file, message: resolved.problem },
    ]);
  }
  if (!statSync(resolved.real).isFile()) {
    throw new ProblemsError(`${file} is not a file.`, [{ file, message: "is a folder; expected a file" }]);
  }
  const decoded = decodeUtf8(readFileSync(resolved.real));
  if ("expected" in decoded) {
    throw new ProblemsError(`${file} is not UTF-8.`, [
      { file, field: "encoding", message: decoded.expected },
    ]);
  }
  return decoded.text;
}

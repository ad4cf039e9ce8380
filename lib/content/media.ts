// A release's media kit: files listed under `attachments`, stored beside the
// release. Every file is offered for download with its type and size;
// images also get responsive renditions with width and height
// (@11ty/eleventy-img), shown as thumbnails.
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { ProblemsError } from "./problems.ts";
import { type ContentFolder, isInside, resolveInside, toPosix } from "./read-text.ts";
import { RELEASE_FILE } from "./schema.ts";

/** The widths and formats of a media-kit image's renditions, published or sealed under embargo. */
export const RENDITIONS = { widths: [320, 640, 1280], formats: ["webp", "auto"] };

export type AttachmentKind = "pdf" | "image" | "document" | "archive" | "file";

export interface Attachment {
  /** Absolute path of the source file. */
  source: string;
  /** Project-relative path, for messages. */
  file: string;
  /** File name in the output, beside the release page. */
  name: string;
  title: string | undefined;
  bytes: number;
  kind: AttachmentKind;
}

export interface ImageRendition {
  sources: { type: string; srcset: string }[];
  src: string;
  width: number;
  height: number;
  /** The rendition closest to 1,200 px wide in the image's own format, for link previews (published media kits only). */
  share?: { url: string; width: number; height: number };
}

/** Link previews ask for about 1,200 px wide (Open Graph's recommendation). */
export const SHARE_WIDTH = 1200;

const KINDS: Record<string, AttachmentKind> = {
  pdf: "pdf",
  jpg: "image",
  jpeg: "image",
  png: "image",
  webp: "image",
  gif: "image",
  avif: "image",
  doc: "document",
  docx: "document",
  odt: "document",
  pptx: "document",
  xlsx: "document",
  zip: "archive",
};

export function attachmentKind(name: string): AttachmentKind {
  return KINDS[path.extname(name).slice(1).toLowerCase()] ?? "file";
}

/** "1.2 MB" / "1.2MB", as the locale writes sizes. */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

// Files a browser runs when it opens them: served from the site's own
// origin, a script in one acts as the newsroom (reads and changes its pages,
// its service worker's cache). They are refused, not copied.
const ACTIVE_TYPES: Record<string, string> = {
  html: "a web page",
  htm: "a web page",
  shtml: "a web page",
  xhtml: "a web page",
  xht: "a web page",
  mht: "a web page",
  mhtml: "a web page",
  svg: "an SVG image",
  svgz: "an SVG image",
  xml: "an XML document",
  xsl: "an XML style sheet",
  xslt: "an XML style sheet",
  js: "a script",
  mjs: "a script",
  cjs: "a script",
  swf: "a Flash file",
};

const WHAT_TO_DO =
  "a browser would run scripts in it as part of this site; attach a PNG, JPEG or PDF instead, or the file in a .zip";

// What a browser sniffs as HTML, XML or SVG at the start of a file whose
// type a host does not know (WHATWG MIME Sniffing, "rules for identifying
// an unknown MIME type"), whatever its name says.
const MARKUP_START =
  /^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|\?xml)(?=[\s>])|^<!--/i;

/** The first bytes as text, without a byte order mark or leading white space. */
function fileStart(source: string, bytes = 512): string {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(source, "r");
  let read: number;
  try {
    read = readSync(fd, buffer, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
  const head = buffer.subarray(0, read);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString("utf16le");
  else if (head[0] === 0xfe && head[1] === 0xff)
    text = Buffer.from(head.subarray(2)).swap16().toString("utf16le");
  else text = head.toString("utf8").replace(/^\uFEFF/, "");
  return text.replace(/^[\t\n\f\r ]+/, "");
}

/** Why an attachment may not be published, or undefined when it may. */
export function activeContent(source: string, relative: string, published = source): string | undefined {
  // The published name decides how a host serves the file; the real file's
  // name matters when a link gives it another one.
  const extension = (file: string) => path.extname(file).slice(1).toLowerCase();
  const type = ACTIVE_TYPES[extension(published)] ?? ACTIVE_TYPES[extension(source)];
  if (type) return `"${relative}" is ${type}: ${WHAT_TO_DO}`;
  const markup = MARKUP_START.exec(fileStart(source));
  if (markup) {
    return `"${relative}" holds markup (it starts with "${markup[0]}"), which a browser may open as a web page: ${WHAT_TO_DO}`;
  }
  return undefined;
}

/**
 * Reads an attachment entry; returns a message when the file cannot be used.
 * A path is relative to the folder of the file that lists it, or to
 * `place.fromDir` (a company's press-kit folder, lib/content/companies.ts),
 * and must stay inside `folder`.
 */
export function resolveAttachment(
  entry: string | { file: string; title?: string | undefined },
  listingFile: string,
  rootDir: string,
  folder: ContentFolder,
  place: { fromDir?: string; hint: string } = { hint: "store attachments beside the release" },
): Attachment | string {
  const relative = typeof entry === "string" ? entry : entry.file;
  const listed = path.resolve(place.fromDir ?? path.dirname(path.join(rootDir, listingFile)), relative);
  const file = toPosix(path.relative(rootDir, listed));
  if (!isInside(listed, folder.dir) || listed === folder.dir) {
    return `"${relative}" is outside ${folder.name}/; ${place.hint}`;
  }
  // The copy reads the real file, so the real file must be content too.
  const resolved = resolveInside(listed, folder);
  if ("problem" in resolved) {
    return resolved.link
      ? `"${relative}" ${resolved.problem}`
      : `"${relative}" not found (looked for ${file})`;
  }
  const source = resolved.real;
  if (RELEASE_FILE.test(listed) || RELEASE_FILE.test(source)) {
    // A release's text, perhaps a draft's or an embargoed one's, is never a download.
    return `"${relative}" is a release file; expected a media-kit file such as a PDF or an image`;
  }
  const stat = statSync(source);
  if (!stat.isFile()) {
    return `"${relative}" is a folder (${file}); expected a file`;
  }
  const active = activeContent(source, relative, listed);
  if (active) return active;
  return {
    source,
    file,
    name: path.basename(listed),
    title: typeof entry === "string" ? undefined : entry.title,
    bytes: stat.size,
    kind: attachmentKind(listed),
  };
}

/**
 * Copies each attachment beside its release page and renders images at
 * reading widths, as WebP and in their own format.
 */
export async function publishAttachments(
  /** `release`: the release (or company) file that lists the attachment, named when it fails. */
  items: readonly { attachment: Attachment; pageUrl: string; release: string; field?: string }[],
  outputDir: string,
): Promise<Map<string, ImageRendition>> {
  const renditions = new Map<string, ImageRendition>();
  for (const { attachment, pageUrl, release, field = "attachments" } of items) {
    const target = path.join(outputDir, pageUrl, attachment.name);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(attachment.source, target);
    if (attachment.kind !== "image" || renditions.has(attachment.source)) continue;
    // Loaded on first use: with sharp it is a third of a second of start-up
    // that sites without images, and every watch rebuild, need not pay.
    const { default: Image } = await import("@11ty/eleventy-img");
    let metadata: Awaited<ReturnType<typeof Image>>;
    try {
      metadata = await Image(attachment.source, {
        ...RENDITIONS,
        outputDir: path.join(outputDir, "media"),
        urlPath: "/media/",
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProblemsError("An attachment could not be read; nothing was published.", [
        {
          file: release,
          field,
          message: `"${attachment.file}" is not a readable image (${reason})`,
        },
      ]);
    }
    const formats = Object.values(metadata);
    const fallback = formats.at(-1) ?? [];
    const largest = fallback.at(-1);
    if (!largest) continue;
    const share = fallback.reduce((best, e) =>
      Math.abs(e.width - SHARE_WIDTH) < Math.abs(best.width - SHARE_WIDTH) ? e : best,
    );
    renditions.set(attachment.source, {
      sources: formats.map((entries) => ({
        type: entries[0]?.sourceType ?? "",
        srcset: entries.map((e) => e.srcset).join(", "),
      })),
      src: fallback[0]?.url ?? largest.url,
      width: largest.width,
      height: largest.height,
      share: { url: share.url, width: share.width, height: share.height },
    });
  }
  return renditions;
}

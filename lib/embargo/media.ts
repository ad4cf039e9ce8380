// The media kit of an embargoed release: each attachment and each image
// rendition sealed with the release's key (seal.ts) and written under its
// preview's folder with an opaque name. Renditions are made in memory
// (eleventy-img's dryRun), so no clear copy ever reaches the output or a
// temporary folder. The preview page names the files inside its sealed
// release, and its script turns them into blob: URLs (lib/client/embargo/).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Attachment, type ImageRendition, RENDITIONS } from "../content/media.ts";
import { ProblemsError } from "../content/problems.ts";
import { embargoUrl } from "../view/urls.ts";
import type { EmbargoIdentity, EmbargoKeys } from "./seal.ts";

/** A sealed attachment: its file, and its renditions when it is an image (their srcsets name sealed files). */
export interface SealedAttachment {
  file: string;
  /** The type the browser gives the opened file. */
  type: string;
  image: (ImageRendition & { type: string }) | undefined;
}

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

export function mediaType(name: string): string {
  return TYPES[path.extname(name).slice(1).toLowerCase()] ?? "application/octet-stream";
}

export interface EmbargoedKit {
  identity: EmbargoIdentity;
  /** The release file, named when an image cannot be read. */
  release: string;
  attachments: readonly Attachment[];
}

/** Writes every sealed file; returns, per "<locale>/<slug>", the sealed attachment of each source file. */
export async function sealMediaKits(
  kits: readonly EmbargoedKit[],
  keys: EmbargoKeys,
  outputDir: string,
): Promise<Map<string, Map<string, SealedAttachment>>> {
  const sealed = new Map<string, Map<string, SealedAttachment>>();
  for (const { identity, release, attachments } of kits) {
    const folder = path.join(outputDir, embargoUrl(keys.id(identity)));
    const write = (name: string, bytes: Uint8Array): string => {
      const file = keys.fileName(identity, name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, file), keys.seal(identity, bytes));
      return file;
    };
    const files = new Map<string, SealedAttachment>();
    for (const attachment of attachments) {
      const file = write(`attachment:${attachment.name}`, readFileSync(attachment.source));
      const image =
        attachment.kind === "image" ? await sealRenditions(attachment, release, write) : undefined;
      files.set(attachment.source, { file, type: mediaType(attachment.name), image });
    }
    sealed.set(`${identity.locale}/${identity.slug}`, files);
  }
  return sealed;
}

async function sealRenditions(
  attachment: Attachment,
  release: string,
  write: (name: string, bytes: Uint8Array) => string,
): Promise<SealedAttachment["image"]> {
  const { default: Image } = await import("@11ty/eleventy-img");
  let metadata: Awaited<ReturnType<typeof Image>>;
  try {
    metadata = await Image(attachment.source, { ...RENDITIONS, dryRun: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProblemsError("An attachment could not be read; nothing was published.", [
      {
        file: release,
        field: "attachments",
        message: `"${attachment.file}" is not a readable image (${reason})`,
      },
    ]);
  }
  const formats = Object.values(metadata).map((entries) =>
    entries.map((entry) => {
      if (!entry.buffer) throw new Error(`eleventy-img gave no bytes for ${attachment.file} in a dry run`);
      return { ...entry, file: write(`rendition:${entry.filename}`, entry.buffer) };
    }),
  );
  const fallback = formats.at(-1) ?? [];
  const largest = fallback.at(-1);
  if (!largest) return undefined;
  return {
    sources: formats.map((entries) => ({
      type: entries[0]?.sourceType ?? "",
      srcset: entries.map((e) => `${e.file} ${e.width}w`).join(", "),
    })),
    src: fallback[0]?.file ?? largest.file,
    type: fallback[0]?.sourceType ?? largest.sourceType ?? "",
    width: largest.width,
    height: largest.height,
  };
}

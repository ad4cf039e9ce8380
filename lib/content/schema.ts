// The front matter contract for a release. The TypeScript type comes from the
// same schema, so code and validation cannot drift apart.
import { z } from "zod";
import { RELEASE_TIME_EXPECTED } from "./dates.ts";

const text = (what: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected text (${what})`),
  });

const optionalText = (what: string) =>
  z
    .string({ error: `expected text (${what})` })
    .trim()
    .min(1, `must not be empty (${what})`)
    .optional();

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A release file: .md, .MD and .markdown alike, as editors and other tools save them. */
export const RELEASE_FILE = /\.(md|markdown)$/i;

export const frontMatterSchema = z.object({
  title: text("the release headline").trim().min(1, "must not be empty"),
  releaseTime: z.string({
    error: (issue) =>
      issue.input === undefined ? `required: ${RELEASE_TIME_EXPECTED}` : `expected ${RELEASE_TIME_EXPECTED}`,
  }),
  /** When the release was last corrected or updated; read like releaseTime, and not before it. */
  updated: z
    .string({ error: `expected ${RELEASE_TIME_EXPECTED}, the time of the last correction` })
    .optional(),
  /** What the last correction changed, in the release's language (inline Markdown). */
  correction: optionalText("a note saying what was corrected"),
  company: optionalText("the issuing company"),
  location: optionalText("the dateline city"),
  summary: optionalText("a one-sentence summary"),
  tags: z
    .array(z.string({ error: "each tag must be text" }).trim().min(1, "a tag must not be empty"), {
      error: "expected a list, e.g. [batteries, manufacturing]",
    })
    .optional(),
  draft: z.boolean({ error: "expected true or false" }).optional(),
  attachments: z
    .array(
      z.union(
        [
          z.string().trim().min(1),
          z.strictObject({ file: z.string().trim().min(1), title: z.string().trim().min(1).optional() }),
        ],
        { error: 'expected a file name, or { file: "…", title: "…" }' },
      ),
      { error: "expected a list of files stored beside the release, e.g. [factsheet.pdf, plant.jpg]" },
    )
    .optional(),
  /** Set by `npm run status:translations -- --mark`: the source release this translation was made from. */
  sourceHash: z
    .string({ error: "expected the 12-digit hash written by npm run status:translations -- --mark" })
    .regex(/^[0-9a-f]{12}$/, "expected the 12-digit hash written by npm run status:translations -- --mark")
    .optional(),
  translationKey: z
    .string({ error: "expected text" })
    .regex(SLUG_PATTERN, "expected lowercase letters, digits and hyphens")
    .optional(),
  /**
   * The writer's own data (an internal reference, a contact for the desk…):
   * any keys, kept and ignored by the build. Every other key is an error, so
   * that a misspelt `Draft: true` cannot publish a draft.
   */
  extra: z
    .record(z.string(), z.unknown(), {
      error: "expected keys of your own, e.g. extra: { reference: PR-2025-014 }",
    })
    .nullish(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const KNOWN_FIELDS: readonly string[] = Object.keys(frontMatterSchema.shape);

/** Keys writers bring from other tools, and the key that does that job here. */
export const FIELD_ALIASES: Readonly<Record<string, keyof FrontMatter>> = {
  embargo: "releaseTime",
  embargoed: "releaseTime",
  embargoUntil: "releaseTime",
  embargoDate: "releaseTime",
  date: "releaseTime",
  releaseDate: "releaseTime",
  publishDate: "releaseTime",
  publishedAt: "releaseTime",
  time: "releaseTime",
  hidden: "draft",
  unpublished: "draft",
  description: "summary",
  excerpt: "summary",
  abstract: "summary",
  category: "tags",
  categories: "tags",
  keywords: "tags",
  dateline: "location",
  city: "location",
  organization: "company",
  organisation: "company",
  modified: "updated",
  lastModified: "updated",
  updatedAt: "updated",
  dateModified: "updated",
  correctionNote: "correction",
  erratum: "correction",
  files: "attachments",
  media: "attachments",
  downloads: "attachments",
};

/** Why the suggested key matters, for the keys whose misspelling publishes too early. */
export const FIELD_HINTS: Readonly<Partial<Record<keyof FrontMatter, string>>> = {
  releaseTime: "a release stays unpublished until its releaseTime",
  draft: "draft: true keeps a release unpublished",
};

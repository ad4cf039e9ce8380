// The typed site record. Its values live in _data/site.ts, the one file a
// site owner edits; templates see it as `site`, scripts import it.
import { IANAZone } from "luxon";
import { z } from "zod";
import { ProblemsError, problemsFromZod } from "./problems.ts";
import { normalizePathPrefix, pathPrefixProblem, siteOrigin, siteUrlProblem } from "./site-address.ts";

/** A string setting checked by one of lib/content/site-address.ts's rules. */
const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

const siteSchema = z.strictObject({
  url: checked(siteUrlProblem).transform(siteOrigin),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), "expected an IANA time zone such as Asia/Shanghai")
    .default("Asia/Shanghai"),
  releasesPerPage: z.number().int().min(1).default(20),
  // Hosting in a subdirectory: "/newsroom/". PATH_PREFIX overrides it.
  pathPrefix: checked(pathPrefixProblem).default("/"),
  // Megabytes the search indexer may use (lib/search/pagefind.ts): parts of
  // the index are built at the same time while they fit. Less is slower;
  // the default fits a 7 GB CI runner with Eleventy's own memory beside it.
  searchIndexMemory: z.coerce
    .number({ error: "expected a number of megabytes, at least 256" })
    .int("expected a whole number of megabytes")
    .min(256, "expected at least 256 (megabytes)")
    .default(1024),
  // HTML typed into a release body. false (the default): it is reduced to
  // an allow-list (lib/content/sanitize.ts: what Markdown writes, figures,
  // superscript and subscript, video players from YouTube's privacy-enhanced
  // host, Vimeo and Bilibili; links to http, https, mailto and tel), and the
  // build warns, naming the release, about everything it removed. true: the
  // HTML is published as written, scripts, styles and forms included, in
  // pages, feeds and the search index. Only for a newsroom where everyone
  // who can edit a release may also change the site's code.
  allowRawHtml: z.boolean({ error: "expected true or false" }).default(false),
  // The git host the editor at /admin/ saves to when the site is deployed
  // (Decap CMS backends). Without it, /admin/ works only with the local
  // backend of `npm run cms`.
  cms: z
    .strictObject({
      backend: z.enum(["github", "gitlab", "gitea", "bitbucket", "azure", "git-gateway"], {
        error: "expected github, gitlab, gitea, bitbucket, azure or git-gateway",
      }),
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name, e.g. acme/newsroom"),
      branch: z.string().trim().min(1).default("main"),
    })
    .optional(),
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;

/**
 * Validates the site record. SITE_URL and PATH_PREFIX override `url` and
 * `pathPrefix`, so a preview deploy can use its own address without editing
 * the file; SEARCH_INDEX_MEMORY lets a build machine with little or much
 * memory set the indexer's budget.
 */
export function defineSite(input: SiteInput, env: NodeJS.ProcessEnv = process.env): Site {
  const merged = {
    ...input,
    ...(env.SITE_URL ? { url: env.SITE_URL } : {}),
    ...(env.PATH_PREFIX ? { pathPrefix: normalizePathPrefix(env.PATH_PREFIX) } : {}),
    ...(env.SEARCH_INDEX_MEMORY ? { searchIndexMemory: env.SEARCH_INDEX_MEMORY } : {}),
  };
  const parsed = siteSchema.safeParse(merged);
  if (!parsed.success) {
    // A bad value from the environment is named by its variable, not the file.
    const overrides: Record<string, string | undefined> = {
      url: env.SITE_URL ? "SITE_URL" : undefined,
      pathPrefix: env.PATH_PREFIX ? "PATH_PREFIX" : undefined,
      searchIndexMemory: env.SEARCH_INDEX_MEMORY ? "SEARCH_INDEX_MEMORY" : undefined,
    };
    const problems = problemsFromZod("_data/site.ts", parsed.error.issues).map((p) => {
      const variable = p.field ? overrides[p.field] : undefined;
      return variable ? { ...p, file: `environment variable ${variable}` } : p;
    });
    throw new ProblemsError(
      `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the site settings; nothing was built.`,
      problems,
    );
  }
  return parsed.data;
}

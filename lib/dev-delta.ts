// `npm start` rewrites only the pages whose view changed when a release or
// company file is edited. Eleventy re-renders every paginated page on any
// change; given only the changed views, it renders those and leaves the
// other pages it wrote before in place. Templates and bundles shape every
// page, so a change to them renders everything.
import type { SitePages } from "./views.ts";

export type Signatures = Map<string, string>;

const PAGED = [
  "chooser",
  "listings",
  "releases",
  "archives",
  "search",
  "offline",
  "notFound",
  "feeds",
] as const;

/** Files whose changes reach pages only through the views. */
export function onlyContentChanged(changedFiles: readonly string[]): boolean {
  return (
    changedFiles.length > 0 &&
    changedFiles.every((file) => /(^|\/)(src\/releases|_data\/companies)\//.test(file.replace(/\\/g, "/")))
  );
}

/**
 * The pages with a view that differs from the previous build's, and the
 * signatures to compare the next build with. Without previous signatures,
 * every page.
 */
export function changedPages(
  pages: SitePages,
  previous: Signatures | undefined,
): { pages: SitePages; signatures: Signatures } {
  const signatures: Signatures = new Map();
  const result: SitePages = { ...pages };
  for (const key of PAGED) {
    const views: readonly { url?: string; atomUrl?: string }[] = pages[key];
    const kept = views.filter((view) => {
      const id = `${key}\u0000${view.url ?? view.atomUrl}`;
      const signature = JSON.stringify(view);
      signatures.set(id, signature);
      return previous?.get(id) !== signature;
    });
    (result as unknown as Record<string, unknown>)[key] = kept;
  }
  return { pages: result, signatures };
}

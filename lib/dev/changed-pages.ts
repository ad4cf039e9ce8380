// `npm start` rewrites only the pages whose view changed when a release or
// company file is edited. Eleventy re-renders every paginated page on any
// change; given only the changed views, it renders those and leaves the
// other pages it wrote before in place. Templates and bundles shape every
// page, so a change to them renders everything.
//
// Views are compared with the previous build's by value. Unchanged release
// texts are parsed and rendered once (lib/dev/rebuild-cache.ts), so most of
// their strings are the very same objects and compare at once.
import equal from "fast-deep-equal";
import { PAGE_KINDS, type SitePages } from "../view/page-kinds.ts";

/** The previous build's views, by page. */
export type PreviousViews = Map<string, unknown>;

/** Files whose changes reach pages only through the views. */
export function onlyContentChanged(changedFiles: readonly string[]): boolean {
  return (
    changedFiles.length > 0 &&
    changedFiles.every((file) =>
      /(^|\/)(src\/releases|src\/pages|_data\/companies)\//.test(file.replace(/\\/g, "/")),
    )
  );
}

/**
 * The pages with a view that differs from the previous build's, and the
 * views to compare the next build with. Without previous views, every page.
 * A kind whose views are printed on one page (the sitemap) is given whole.
 */
export function changedPages(
  pages: SitePages,
  previous: PreviousViews | undefined,
): { pages: SitePages; views: PreviousViews } {
  const current: PreviousViews = new Map();
  const result: SitePages = { ...pages };
  for (const { key, onePage } of PAGE_KINDS) {
    if (onePage) continue;
    const views: readonly { url?: string; atomUrl?: string }[] = pages[key];
    const kept = views.filter((view) => {
      const id = `${key}\u0000${view.url ?? view.atomUrl}`;
      current.set(id, view);
      return !previous?.has(id) || !equal(previous.get(id), view);
    });
    (result as unknown as Record<string, unknown>)[key] = kept;
  }
  return { pages: result, views: current };
}

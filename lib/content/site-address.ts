// The two settings every absolute URL is made of (lib/view/urls.ts): the
// site's origin (`url`, SITE_URL) and the path prefix (`pathPrefix`,
// PATH_PREFIX). A path belongs in the prefix only, so canonical links,
// feeds, the sitemap and robots.txt all put it in the same place.

const EXAMPLE = "such as https://newsroom.example.com";

/** Why `value` is not a site address, or undefined when it is one. */
export function siteUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `expected an absolute URL ${EXAMPLE}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `expected an absolute URL starting with https:// or http://, ${EXAMPLE}; "${url.protocol}" is not a web address`;
  }
  if (url.username || url.password)
    return `expected an absolute URL without a user name or password, ${EXAMPLE}`;
  if (url.search || url.hash) return `expected an absolute URL without "?" or "#", ${EXAMPLE}`;
  if (url.pathname !== "/") {
    const prefix = `/${url.pathname.replace(/^\/+|\/+$/g, "")}/`;
    return `expected an absolute URL without a path, ${EXAMPLE}; put the path in the path prefix instead (pathPrefix: "${prefix}" in _data/site.ts, or PATH_PREFIX=${prefix})`;
  }
  return undefined;
}

/** The address as absolute URLs start: scheme, host and port, without a trailing slash. */
export function siteOrigin(value: string): string {
  return new URL(value).origin;
}

/** A URL path segment a host serves as a folder, with no meaning of its own. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;

/** Why `value` is not a path prefix ("/" or "/newsroom/"), or undefined when it is one. */
export function pathPrefixProblem(value: string): string | undefined {
  const expected =
    'expected a path such as "/" or "/newsroom/": folder names of letters, digits, "-", "_" and "."';
  if (value === "/") return undefined;
  if (!value.startsWith("/") || !value.endsWith("/")) return `${expected}, starting and ending with "/"`;
  for (const segment of value.slice(1, -1).split("/")) {
    if (segment === "") return `${expected}; "//" leaves a folder name empty`;
    if (segment === "." || segment === "..") return `${expected}; "${segment}" is not a folder name`;
    if (!PLAIN_NAME.test(segment)) return `${expected}; "${segment}" is not one`;
  }
  return undefined;
}

/** PATH_PREFIX as typed ("newsroom", "/newsroom") to the form pathPrefix takes ("/newsroom/"). */
export function normalizePathPrefix(value: string): string {
  const inner = value.replace(/^\/+|\/+$/g, "");
  return inner === "" ? "/" : `/${inner}/`;
}

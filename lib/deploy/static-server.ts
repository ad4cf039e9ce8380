// Serves a built site from a folder on 127.0.0.1 as a static host would:
// under its path prefix, index.html for folders (and a redirect from /en to
// /en/), 404.html for missing files, the headers of the site's `_headers`,
// correct MIME types, and text compressed with gzip when the browser accepts
// it. Nothing outside the folder is ever sent, through `..`, an encoded
// slash or a symbolic link. Behind `npm run serve` (scripts/serve.ts), the
// browser tests and the benchmark's first-query figure.
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { HeaderRule } from "./headers.ts";
import { HeadersFileError, headersForPath, parseHeadersFile } from "./headers-file.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".txt": "text/plain; charset=utf-8",
};

/** What hosts compress; Pagefind's index files and WebAssembly come gzipped already. */
const COMPRESSED = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"]);

export interface StaticServer {
  origin: string;
  /** The site's address: origin and path prefix. */
  url: string;
  /** Bytes sent per request path, as transferred (after compression), for transfer figures. */
  bytesSent: Map<string, number>;
  /** The same before compression. */
  bytesUncompressed: Map<string, number>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The path prefix the site was built for ("/newsroom/"); default "/". */
  mount?: string;
  /** Default: any free port. */
  port?: number;
}

/**
 * The rules of `<root>/_headers`, or none when the site has no such file
 * (built before the build wrote it). Rules that miss the site's root or lie
 * outside the prefix mean it was built for another address, where they
 * would silently not apply.
 */
export function readHeaderRules(root: string, mount: string): HeaderRule[] {
  const file = path.join(root, "_headers");
  if (!existsSync(file)) return [];
  const rules = parseHeadersFile(readFileSync(file, "utf8"), file);
  const foreign = rules.find((rule) => !rule.path.startsWith(mount));
  if (rules.length > 0 && (foreign || Object.keys(headersForPath(rules, mount)).length === 0)) {
    const rule = foreign ?? rules[0];
    throw new HeadersFileError(
      `${file}: rule ${rule?.path} is for a site built with another path prefix than ${mount}; ` +
        "serve it with the path prefix it was built with (PATH_PREFIX or --prefix), or build it again",
    );
  }
  return rules;
}

/** The file under `root` a request path names, or why there is none. */
type Resolved = { file: string } | { status: 400 | 403 | 404 } | { redirect: string };

function resolve(root: string, realRoot: string, mount: string, pathname: string): Resolved {
  if (!pathname.startsWith(mount)) return { status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(mount.length));
  } catch {
    return { status: 400 };
  }
  if (relative.includes("\0")) return { status: 400 };
  const file = path.resolve(root, relative);
  const inside = (dir: string, target: string) => {
    const rel = path.relative(dir, target);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  };
  if (!inside(root, file)) return { status: 403 };
  if (!existsSync(file)) return { status: 404 };
  // A link inside the folder may still lead out of it.
  if (!inside(realRoot, realpathSync(file))) return { status: 403 };
  if (statSync(file).isDirectory()) {
    if (!pathname.endsWith("/")) return { redirect: `${pathname}/` };
    const index = path.join(file, "index.html");
    return existsSync(index) ? { file: index } : { status: 404 };
  }
  return { file };
}

/** Serves `root` at its path prefix with the headers of its `_headers`. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const mount = options.mount ?? "/";
  const rules = readHeaderRules(root, mount);
  const realRoot = realpathSync(root);
  const bytesSent = new Map<string, number>();
  const bytesUncompressed = new Map<string, number>();
  const count = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    file: string,
    status: number,
  ) => {
    const size = statSync(file).size;
    count(bytesUncompressed, pathname, size);
    // A host matches its rules against the address asked for, also when it answers with 404.html.
    const headers: Record<string, string | number> = {
      ...headersForPath(rules, pathname),
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    };
    const head = req.method === "HEAD";
    if (COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
      const body = gzipSync(readFileSync(file));
      count(bytesSent, pathname, body.length);
      res.writeHead(status, {
        ...headers,
        "Content-Encoding": "gzip",
        "Content-Length": body.length,
        Vary: "Accept-Encoding",
      });
      res.end(head ? undefined : body);
      return;
    }
    count(bytesSent, pathname, size);
    res.writeHead(status, { ...headers, "Content-Length": size });
    if (head) res.end();
    else createReadStream(file).pipe(res);
  };

  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const found = resolve(root, realRoot, mount, pathname);
    if ("file" in found) {
      send(req, res, pathname, found.file, 200);
    } else if ("redirect" in found) {
      res.writeHead(301, { Location: found.redirect }).end();
    } else if (
      found.status === 404 &&
      pathname.startsWith(mount) &&
      existsSync(path.join(root, "404.html"))
    ) {
      send(req, res, pathname, path.join(root, "404.html"), 404);
    } else {
      const reason = {
        400: "bad request",
        403: "outside the site",
        404: `not found; the site is at ${mount}`,
      };
      res.writeHead(found.status, { "Content-Type": "text/plain; charset=utf-8" }).end(reason[found.status]);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${mount}`,
    bytesSent,
    bytesUncompressed,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

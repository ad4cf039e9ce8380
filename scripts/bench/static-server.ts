// Serves a built site from a folder on 127.0.0.1, as a static host would:
// index.html for folders, 404.html for missing files, correct MIME types,
// and text compressed with gzip when the browser accepts it. Used by the
// browser tests and the benchmark's first-query figure.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

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
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
};

/** What hosts compress; Pagefind's index files and WebAssembly come gzipped already. */
const COMPRESSED = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"]);

export interface StaticServer {
  origin: string;
  /** Bytes sent per request path, as transferred (after compression), for transfer figures. */
  bytesSent: Map<string, number>;
  /** The same before compression. */
  bytesUncompressed: Map<string, number>;
  close(): Promise<void>;
}

/** Serves `root` at `mount` (a path prefix such as "/newsroom/", default "/"), on `port` (0: any free one). */
export async function serveStatic(root: string, mount = "/", port = 0): Promise<StaticServer> {
  const bytesSent = new Map<string, number>();
  const bytesUncompressed = new Map<string, number>();
  const count = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(mount)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(mount.length - 1)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = path.join(root, "404.html");
      if (!existsSync(file)) {
        res.writeHead(404).end("not found");
        return;
      }
    }
    const size = statSync(file).size;
    count(bytesUncompressed, url.pathname, size);
    const headers = {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    if (COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
      const body = gzipSync(readFileSync(file));
      count(bytesSent, url.pathname, body.length);
      res.writeHead(status, {
        ...headers,
        "content-encoding": "gzip",
        "content-length": body.length,
        vary: "accept-encoding",
      });
      res.end(body);
      return;
    }
    count(bytesSent, url.pathname, size);
    res.writeHead(status, { ...headers, "content-length": size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    bytesSent,
    bytesUncompressed,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

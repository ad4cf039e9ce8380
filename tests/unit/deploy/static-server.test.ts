// The static server behind `npm run serve` and the browser tests, on a
// small folder written here: the headers of its `_headers`, gzip, folders,
// the 404 page, the path prefix, and nothing sent from outside the folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHeadersFile, headerRules } from "../../../lib/deploy/headers.ts";
import { HeadersFileError } from "../../../lib/deploy/headers-file.ts";
import { type StaticServer, serveStatic } from "../../../lib/deploy/static-server.ts";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: fetch() would normalise `..` in the path before sending it. */
function get(origin: string, rawPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

let work: string;
let site: string;
const FILES: Record<string, string> = {
  "index.html": "<!doctype html><title>chooser</title>",
  "404.html": "<!doctype html><title>not found</title>",
  "sw.js": "self.addEventListener('fetch', () => {});",
  "en/index.html": `<!doctype html><title>en</title>${"<p>newsroom</p>".repeat(200)}`,
  "pagefind/fragment/en_1a2b3c.pf_fragment": "binary",
  "pagefind/pagefind.js": "export {};",
};

function writeSite(dir: string, prefix: string) {
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const rules = headerRules(Object.keys(FILES), { pathPrefix: prefix, allowRawHtml: false });
  writeFileSync(path.join(dir, "_headers"), formatHeadersFile(rules));
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "pressroom-serve-"));
  site = path.join(work, "_site");
  writeSite(site, "/");
  writeFileSync(path.join(work, "secret.txt"), "SECRET-CONTENT");
  // A sibling whose name starts with the site's: a prefix test on strings would let it through.
  mkdirSync(path.join(work, "_site-private"));
  writeFileSync(path.join(work, "_site-private", "key.txt"), "PRIVATE-KEY");
  symlinkSync(path.join(work, "secret.txt"), path.join(site, "en", "linked.txt"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a site served at /", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site);
  });
  afterAll(() => server.close());

  it("sends the headers the build wrote for each path", async () => {
    const page = await get(server.origin, "/en/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const chunk = await get(server.origin, "/pagefind/fragment/en_1a2b3c.pf_fragment");
    expect(chunk.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get(server.origin, "/pagefind/pagefind.js")).headers["cache-control"]).toBe("no-cache");
    expect((await get(server.origin, "/sw.js")).headers["content-type"]).toMatch(/^text\/javascript/);
  });

  it("gzips text for a browser that accepts it, and only then", async () => {
    const zipped = await get(server.origin, "/en/", { "Accept-Encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(zipped.body).toString()).toBe(FILES["en/index.html"]);
    expect(zipped.body.length).toBeLessThan((FILES["en/index.html"] as string).length);
    const plain = await get(server.origin, "/en/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(FILES["en/index.html"]);
  });

  it("answers a folder without its slash with a redirect, as hosts do", async () => {
    const answer = await get(server.origin, "/en");
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe("/en/");
  });

  it("answers a missing page with 404.html and the 404 status", async () => {
    const answer = await get(server.origin, "/en/releases/nothing-here/");
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).toBe(FILES["404.html"]);
  });

  it.each([
    "/../secret.txt",
    "/en/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/en/..%2f..%2fsecret.txt",
    "/..%2f_site-private/key.txt",
    "/%2fetc%2fpasswd",
    "/en/linked.txt",
  ])("never sends a file outside the folder: %s", async (rawPath) => {
    const answer = await get(server.origin, rawPath);
    expect(answer.body.toString()).not.toMatch(/SECRET-CONTENT|PRIVATE-KEY|root:/);
    expect([403, 404]).toContain(answer.status);
  });

  it("refuses a malformed address and a NUL byte instead of failing", async () => {
    expect((await get(server.origin, "/%E0%A4%A")).status).toBe(400);
    expect((await get(server.origin, "/index.html%00.txt")).status).toBe(400);
  });

  it("answers only GET and HEAD", async () => {
    const { hostname, port } = new URL(server.origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, path: "/", method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});

describe("a site built for a path prefix", () => {
  let server: StaticServer;
  let prefixed: string;
  beforeAll(async () => {
    prefixed = path.join(work, "prefixed");
    writeSite(prefixed, "/newsroom/");
    server = await serveStatic(prefixed, { mount: "/newsroom/" });
  });
  afterAll(() => server.close());

  it("is served under the prefix, with its headers, and nowhere else", async () => {
    expect(server.url).toBe(`${server.origin}/newsroom/`);
    const page = await get(server.origin, "/newsroom/en/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect((await get(server.origin, "/newsroom/missing/")).status).toBe(404);
    expect((await get(server.origin, "/en/")).status).toBe(404);
  });

  it("is refused at another prefix, naming the headers file and the rule", async () => {
    await expect(serveStatic(prefixed, { mount: "/" })).rejects.toThrow(HeadersFileError);
    await expect(serveStatic(prefixed, { mount: "/press/" })).rejects.toThrow(
      /_headers: rule \/newsroom\/\S* is for a site built with another path prefix than \/press\//,
    );
  });
});

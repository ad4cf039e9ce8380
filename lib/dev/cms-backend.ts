// The CMS's local backend for `npm run cms`: Decap's own decap-server, run
// as a child process on 127.0.0.1, reading and writing the project folder
// (its "fs" mode: files are written, nothing is committed).
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

export interface CmsBackend {
  /** The API address the editor's configuration names. */
  url: string;
  close(): Promise<void>;
}

/** A port nobody is listening on now (0 asks for any free one). */
export async function freePort(wanted: number): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${wanted} on 127.0.0.1 is in use: stop what uses it or choose another port`)
          : error,
      ),
    );
    probe.listen(wanted, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : wanted;
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

export async function startCmsBackend(rootDir: string, wantedPort: number): Promise<CmsBackend> {
  const port = await freePort(wantedPort);
  const require = createRequire(import.meta.url);
  const child = spawn(process.execPath, [require.resolve("decap-server/dist/index.js")], {
    // Its settings are environment variables; everything else it inherits stays as it was.
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      GIT_REPO_DIRECTORY: rootDir,
      MODE: "fs",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  const close = async () => {
    child.kill();
    await exited(child);
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null)
      throw new Error(`the CMS backend (decap-server) stopped with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`the CMS backend (decap-server) did not answer at ${url} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, close };
}

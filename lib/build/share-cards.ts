// Generated share cards: which text gets one (the bundled font must draw all
// of it), the file each is published as (a hash of its text and of the
// renderer, so no title or slug is in a file name), and writing them into
// the output. Cards are kept in a cache folder between builds, keyed by that
// hash, so an unchanged release's card is copied, not drawn again; the
// others are drawn by a pool of worker threads while Eleventy renders.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  type ShareCardRef,
  type ShareCardText,
  shareCardUrl,
} from "../view/share-card.ts";
import { CardFonts } from "./card-fonts.ts";
import { rendererVersion } from "./share-card-render.ts";

/** A card a page refers to, to be written into the output. */
export interface ShareCardJob {
  key: string;
  text: ShareCardText;
}

export interface ShareCardStats {
  /** Cards drawn by this build. */
  generated: number;
  /** Cards copied from the cache. */
  reused: number;
  ms: number;
}

/** Where cards are kept between builds: gitignored, safe to delete. */
export const shareCardCacheDir = (rootDir: string): string => path.join(rootDir, ".cache", "share-cards");

/** Decides, for one build, which text gets a card and under which key; remembers the cards handed out. */
export class ShareCardPlanner {
  readonly jobs = new Map<string, ShareCardJob>();
  private readonly version: string;

  constructor(private readonly fonts = new CardFonts()) {
    this.version = rendererVersion(fonts);
  }

  /** Characters of the card's text the bundled font cannot draw. */
  missing(text: ShareCardText): string[] {
    return this.fonts.cover([text.siteName, text.title, text.company ?? "", text.date].join("\n")).missing;
  }

  key(text: ShareCardText): string {
    return createHash("sha256")
      .update(JSON.stringify([this.version, text]))
      .digest("hex")
      .slice(0, 20);
  }

  /** The card for this text, or undefined when the font lacks some of its characters. */
  card(text: ShareCardText): ShareCardRef | undefined {
    if (this.missing(text).length > 0) return undefined;
    const key = this.key(text);
    this.jobs.set(key, { key, text });
    return { key, url: shareCardUrl(key), width: CARD_WIDTH, height: CARD_HEIGHT };
  }
}

export interface WriteOptions {
  /** The site being built: cards go to media/share/ in it. */
  outputDir: string;
  cacheDir: string;
  /** Worker threads drawing cards; by default one per core but the one Eleventy runs on. */
  threads?: number;
}

/** Writes every card into the output, drawing those the cache does not have. */
export async function writeShareCards(
  jobs: Iterable<ShareCardJob>,
  options: WriteOptions,
): Promise<ShareCardStats> {
  const started = performance.now();
  const targetDir = path.join(options.outputDir, path.dirname(shareCardUrl("x")));
  const todo: ShareCardJob[] = [];
  let reused = 0;
  const all = [...jobs];
  if (all.length === 0) return { generated: 0, reused: 0, ms: 0 };
  mkdirSync(targetDir, { recursive: true });
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = (key: string) => path.join(options.cacheDir, `${key}.png`);
  const publish = (key: string) => copyFileSync(cached(key), path.join(targetDir, `${key}.png`));
  for (const job of all) {
    if (existsSync(cached(job.key))) {
      publish(job.key);
      reused++;
    } else {
      todo.push(job);
    }
  }
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  await drawAll(todo, threads, (job, png) => {
    // Written aside and renamed, so a build stopped mid-write leaves no half card in the cache.
    const partial = `${cached(job.key)}.${process.pid}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, cached(job.key));
    publish(job.key);
  });
  return { generated: todo.length, reused, ms: performance.now() - started };
}

/**
 * A worker running share-card-worker.ts. Workers do not inherit the
 * TypeScript loader the build runs under, so the worker registers tsx's
 * before importing its module.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./share-card-worker.ts", import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

async function drawAll(
  todo: readonly ShareCardJob[],
  threads: number,
  done: (job: ShareCardJob, png: Uint8Array) => void,
): Promise<void> {
  if (todo.length === 0) return;
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        const id = next++;
        const job = todo[id];
        if (!job) {
          resolve();
          return;
        }
        worker.postMessage({ id, text: job.text });
      };
      worker.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
        const job = todo[message.id] as ShareCardJob;
        if (message.error !== undefined || !message.png) {
          reject(new Error(`The share image of "${job.text.title}" could not be drawn: ${message.error}`));
          return;
        }
        try {
          done(job, message.png);
        } catch (error) {
          reject(error);
          return;
        }
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (code !== 0) reject(new Error(`A share-image worker stopped with code ${code}`));
      });
      send();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, todo.length)) }, startWorker);
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

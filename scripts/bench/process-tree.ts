// Measures a command and every process it starts (Pagefind runs as its own
// binary): wall time, CPU time, the peak resident memory of the largest
// process and of all of them at once, by sampling /proc. Linux only, like
// the machines we measure on.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

interface ProcessSample {
  name: string;
  /** User + system CPU, milliseconds. */
  cpuMs: number;
  /** Peak resident set size (VmHWM), bytes. */
  peakRss: number;
}

interface Reading extends ProcessSample {
  /** Resident set size now (VmRSS), bytes. */
  rss: number;
}

export interface Measurement {
  wallMs: number;
  cpuMs: number;
  /** Largest single process's peak RSS. */
  peakRss: number;
  /** Highest sum of the resident memory of the processes running at one moment (sampled every 20 ms). */
  peakTotalRss: number;
  processes: ProcessSample[];
  stdout: string;
  stderr: string;
  code: number;
}

const TICKS_PER_SECOND = 100;

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

function sample(pid: number): Reading | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name is in parentheses and may contain spaces; fields follow it.
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { name, cpuMs: (cpuTicks * 1000) / TICKS_PER_SECOND, peakRss: kb("VmHWM"), rss: kb("VmRSS") };
  } catch {
    return undefined;
  }
}

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child: ChildProcess = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const seen = new Map<number, ProcessSample>();
    let peakTotalRss = 0;
    const poll = () => {
      const queue = child.pid ? [child.pid] : [];
      let totalRss = 0;
      while (queue.length > 0) {
        const pid = queue.pop() as number;
        const s = sample(pid);
        // A process read while exiting reports no memory: keep the highest readings.
        const before = seen.get(pid);
        if (s) {
          totalRss += s.rss;
          seen.set(pid, {
            name: s.name,
            cpuMs: Math.max(s.cpuMs, before?.cpuMs ?? 0),
            peakRss: Math.max(s.peakRss, before?.peakRss ?? 0),
          });
        }
        queue.push(...children(pid));
      }
      peakTotalRss = Math.max(peakTotalRss, totalRss);
    };
    const timer = setInterval(poll, 20);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", () => poll());
    child.on("close", (code) => {
      clearInterval(timer);
      const processes = [...seen.values()];
      resolve({
        wallMs: performance.now() - start,
        cpuMs: processes.reduce((sum, p) => sum + p.cpuMs, 0),
        peakRss: Math.max(0, ...processes.map((p) => p.peakRss)),
        peakTotalRss,
        processes,
        stdout,
        stderr,
        code: code ?? 1,
      });
    });
  });
}

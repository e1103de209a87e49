import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";

export type ServerProcess = {
  pid: number;
  origin: string;
  /** From spawn to the first 200 of /api/health. */
  coldStartMs: number;
  /** The server's resident memory now, in bytes (Linux: /proc/<pid>/status). */
  rss: () => number | undefined;
  /** CPU time the server (with its forked servers) has used so far, in ms (Linux only). */
  cpuMs: () => number | undefined;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function readRss(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User plus system CPU time of one process, in ms (Linux: /proc/<pid>/stat, in clock ticks). */
function readCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

function childProcesses(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // No children file (another platform): the server's own figure.
    return [];
  }
}

/** A figure summed over the server and its child processes (SERVER_PROCESSES above 1 forks servers). */
function readTree(pid: number, read: (pid: number) => number | undefined): number | undefined {
  const own = read(pid);
  if (own === undefined) return undefined;
  return childProcesses(pid).reduce((total, child) => total + (read(child) ?? 0), own);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts the compiled production server (plain node, no npm or TypeScript loader between)
 * on a free loopback port with the configured database, and waits for /api/health.
 */
export async function startServer(
  root: string,
  environment: NodeJS.ProcessEnv,
): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "dist", "server.mjs")], {
    cwd: root,
    env: { ...environment, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = started + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${stderr}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /api/health within 180 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    origin,
    coldStartMs: performance.now() - started,
    rss: () => readTree(pid, readRss),
    cpuMs: () => readTree(pid, readCpuMs),
    stop,
  };
}

/** Samples the server's RSS every 100 ms until stopped; returns the highest seen. */
export function sampleRss(server: ServerProcess): { stop: () => number } {
  let peak = server.rss() ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss() ?? 0);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, server.rss() ?? 0);
    },
  };
}

import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import autocannon from "autocannon";
import type { BenchCase } from "./cases";
import { browserEncodings, request } from "./http";
import { type ServerProcess, sampleRss } from "./server-process";

export type LoadOptions = { durationSeconds: number; warmupSeconds: number };

export type CaseResult = {
  name: string;
  method: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  /** Answers with another status than the case expects (a 404 case expects 404s). */
  non2xx: number;
  errors: number;
  /** One response's body without compression, and as sent to a browser (with its encoding). */
  bodyBytes: { uncompressed: number; sent: number; encoding: string };
  /** What autocannon read per response, headers included, with the browser's Accept-Encoding. */
  bytesPerResponse: number;
  rssPeakBytes: number;
  /** The server's CPU time per answered request during the measured run: what a request costs
   * whatever the concurrency (the load generator and the database are not counted). */
  serverCpuMsPerRequest?: number;
  compare?: BenchCase["compare"];
};

function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return body;
}

/** Checks the case answers what it should, and measures one response both ways. */
async function probe(origin: string, benchCase: BenchCase) {
  const send = (acceptEncoding: string) =>
    request(`${origin}${benchCase.path}`, {
      method: benchCase.method,
      headers: { ...benchCase.headers, "accept-encoding": acceptEncoding },
      body: benchCase.body,
    });
  const plain = await send("identity");
  const sent = await send(browserEncodings);
  const encoding = String(sent.headers["content-encoding"] ?? "identity");
  const text = decode(sent.body, encoding).toString();
  const { status, text: expected } = benchCase.expect;
  if (sent.status !== status || (expected && !text.includes(expected))) {
    const where = sent.headers.location ? ` (location: ${sent.headers.location})` : "";
    throw new Error(
      `${benchCase.name}: expected ${status}${expected ? ` with "${expected}"` : ""}, got ${sent.status}${where}: ${text.slice(0, 200)}`,
    );
  }
  return { uncompressed: plain.body.length, sent: sent.body.length, encoding };
}

function unexpectedStatuses(result: autocannon.Result, benchCase: BenchCase): number {
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats;
  return result.requests.total - (stats?.[String(benchCase.expect.status)]?.count ?? 0);
}

/** Drives one case with autocannon (after a warm-up) and samples the server's memory. */
export async function runCase(
  server: ServerProcess,
  benchCase: BenchCase,
  options: LoadOptions,
): Promise<CaseResult> {
  const bodyBytes = await probe(server.origin, benchCase);
  const load = (durationSeconds: number) =>
    autocannon({
      url: `${server.origin}${benchCase.path}`,
      method: benchCase.method,
      headers: { ...benchCase.headers, "accept-encoding": browserEncodings },
      body: benchCase.body,
      connections: benchCase.connections,
      duration: durationSeconds,
    });
  const memory = sampleRss(server);
  // The warm-up's figures are dropped: they include first-use costs (module loading, JIT,
  // empty caches) that a long-running server has paid already.
  if (options.warmupSeconds > 0) await load(options.warmupSeconds);
  const cpuBefore = server.cpuMs();
  const result = await load(options.durationSeconds);
  const cpuAfter = server.cpuMs();
  const requests = result.requests.total;
  const serverCpuMsPerRequest =
    cpuBefore !== undefined && cpuAfter !== undefined && requests > 0
      ? (cpuAfter - cpuBefore) / requests
      : undefined;
  return {
    name: benchCase.name,
    method: benchCase.method,
    path: benchCase.path,
    connections: benchCase.connections,
    requestsPerSecond: requests / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    requests,
    non2xx: benchCase.expect.status < 300 ? result.non2xx : unexpectedStatuses(result, benchCase),
    errors: result.errors,
    bodyBytes,
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
    rssPeakBytes: memory.stop(),
    ...(serverCpuMsPerRequest !== undefined ? { serverCpuMsPerRequest } : {}),
    ...(benchCase.compare ? { compare: benchCase.compare } : {}),
  };
}

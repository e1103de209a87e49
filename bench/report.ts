import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchFacts } from "./facts";
import type { CaseResult } from "./load";
import { formatComparison, formatSeatSave, type PhoneSummary } from "./phone-report";
import type { SeatSaveResult } from "./seat-save";
import type { FloorCase } from "./sql-floor";

export type BenchReport = {
  startedAt: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverage: number[];
    /** The fixed JavaScript workload of `calibrationMs()`: machines and runs differ by this much. */
    calibrationMs?: number;
  };
  settings: { durationSeconds: number; warmupSeconds: number };
  database: BenchFacts["database"];
  data: Omit<
    BenchFacts,
    "database" | "deepByUserName" | "deepByLastName" | "admin" | "user" | "detailUser" | "phone"
  > & { phone?: PhoneSummary };
  /** Absent when only the seat Save was timed (no server started). */
  server?: {
    coldStartMs: number;
    rssAfterStartBytes: number;
    rssPeakBytes: number;
    firstUsersPageMs: number;
  };
  cases: CaseResult[];
  sqlFloor: FloorCase[];
  seatSave?: SeatSaveResult;
};

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** Columns of numbers align right; the first (names) and any after `textFrom` align left. */
function table(header: string[], rows: string[][], textFrom = header.length): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column >= textFrom
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

const plural = (count: number, noun: string) =>
  `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;

export function formatReport(report: BenchReport): string {
  const { data, server } = report;
  const database =
    report.database.kind === "postgres" ? report.database.version.split(" on ")[0] : "PGlite";
  const cases = table(
    [
      "case",
      "conns",
      "req/s",
      "p50 ms",
      "p99 ms",
      "body (plain → sent)",
      "sent/resp",
      "CPU ms/req",
      "RSS peak MB",
      "unexpected",
    ],
    report.cases.map((result) => [
      result.name,
      String(result.connections),
      result.requestsPerSecond.toFixed(1),
      ms(result.latencyMs.p50),
      ms(result.latencyMs.p99),
      `${kb(result.bodyBytes.uncompressed)} → ${kb(result.bodyBytes.sent)} ${result.bodyBytes.encoding}`,
      kb(Math.round(result.bytesPerResponse)),
      result.serverCpuMsPerRequest === undefined ? "" : ms(result.serverCpuMsPerRequest),
      mb(result.rssPeakBytes),
      String(result.non2xx + result.errors),
    ]),
  );
  const comparison = formatComparison(report.cases, table);
  const floor = table(
    ["SQL floor (EXPLAIN ANALYZE, median of 3)", "queries", "exec ms", "plan ms", "seq scans"],
    report.sqlFloor.map((floorCase) => [
      floorCase.name,
      String(floorCase.queries.length),
      ms(floorCase.executionMs),
      ms(floorCase.queries.reduce((sum, query) => sum + query.planningMs, 0)),
      floorCase.queries.flatMap((query) => query.seqScans).join(", ") || "none",
    ]),
    4,
  );
  const phone = data.phone
    ? ` Phone system: ${data.phone.big.name} has ${data.phone.big.features.toLocaleString("en")} features and ${data.phone.big.seats.toLocaleString("en")} seats, ${data.phone.small.name} ${data.phone.small.features} and ${data.phone.small.seats}.`
    : "";
  const loaded = server
    ? [
        `Server: cold start ${server.coldStartMs.toFixed(0)} ms (spawn to first 200 of /api/health), first /users ${server.firstUsersPageMs.toFixed(0)} ms; RSS ${mb(server.rssAfterStartBytes)} MB after start, ${mb(server.rssPeakBytes)} MB at peak.`,
        `Load: autocannon from this machine, ${report.settings.warmupSeconds} s warm-up + ${report.settings.durationSeconds} s per case. Load average at the end: ${report.machine.loadAverage.map((value) => value.toFixed(1)).join(" ")} on ${report.machine.cpus} cores; on a shared machine figures are noisy.${report.machine.calibrationMs === undefined ? "" : ` Machine speed: the fixed workload took ${report.machine.calibrationMs.toFixed(0)} ms (smaller is faster).`}`,
        "CPU ms/req: the server's CPU time per answer during the case (the load generator and PostgreSQL not counted); 2 cores give at most 2,000 ms of CPU a second to share among the server, PostgreSQL and the load generator.",
        "",
        cases,
        ...(comparison ? ["", comparison] : []),
        "",
        floor,
      ]
    : [];
  return [
    `${database}: ${data.users.toLocaleString("en")} users in ${plural(data.accounts, "account")}; the big one has ${data.bigActiveUsers.toLocaleString("en")} active users.${phone}`,
    ...loaded,
    ...(report.seatSave ? ["", formatSeatSave(report.seatSave, table)] : []),
  ].join("\n");
}

/** Writes the report beside earlier ones: bench/results/<date>-<time>-<database>-<size>.json. */
export function writeReport(root: string, report: BenchReport, suffix = ""): string {
  const stamp = report.startedAt.slice(0, 16).replace("T", "-").replace(":", "");
  const database = report.database.kind === "postgres" ? "postgresql" : "pglite";
  const size =
    report.data.users >= 1_000_000
      ? `${Math.round(report.data.users / 1_000_000)}m`
      : `${Math.round(report.data.users / 1000)}k`;
  const file = path.join(root, "bench", "results", `${stamp}-${database}-${size}${suffix}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  // In Biome's layout, so committed results keep `npm run lint` clean.
  spawnSync(path.join(root, "node_modules", ".bin", "biome"), ["format", "--write", file], {
    stdio: "ignore",
  });
  return path.relative(root, file);
}

/**
 * A fixed single-threaded workload like a page's (building, serialising and parsing 50 rows of
 * strings), best of five: the same code measured on two machines of the same "kind" has differed
 * by more than 2×, so a result says how fast its machine was.
 */
export function calibrationMs(): number {
  const rows = Array.from({ length: 50 }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    userName: `user.${index}`,
    firstName: "Ada",
    lastName: `Lovelace ${index}`,
    email: `user.${index}@example.com`,
  }));
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    let length = 0;
    for (let repeat = 0; repeat < 2000; repeat++) {
      const html = rows
        .map((row) => `<tr><td>${row.userName}</td><td>${row.firstName} ${row.lastName}</td></tr>`)
        .join("");
      length += (JSON.parse(JSON.stringify({ rows, html })) as { html: string }).html.length;
    }
    if (length === 0) throw new Error("unreachable: keeps the work from being optimised away");
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function machine(): BenchReport["machine"] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg(),
    calibrationMs: calibrationMs(),
  };
}

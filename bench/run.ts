import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { benchAdminLogin, benchPassword, benchUserLogin } from "./bench-data";
import { benchCases } from "./cases";
import { type BenchFacts, readBenchFacts } from "./facts";
import { request, signIn } from "./http";
import { type CaseResult, runCase } from "./load";
import type { InstanceFacts } from "./phone-facts";
import { type BenchReport, formatReport, machine, writeReport } from "./report";
import { measureSeatSave } from "./seat-save";
import { startServer } from "./server-process";
import { measureSqlFloor } from "./sql-floor";

// `npm run bench`: the User Manager and the Instance Manager over HTTP against the production
// build and the seeded database (`npm run bench:seed` first), the SQL floor of the same pages,
// then the timing of the user form's Save with a seat (`-- --only seat` for that alone).
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    // Runs only the cases whose name contains this text; "seat" runs only the seat Save.
    only: { type: "string" },
    saves: { type: "string", default: "200" },
  },
});

const root = path.resolve(import.meta.dirname, "..");

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
  } catch {
    return "";
  }
}

type Loaded = Pick<BenchReport, "server" | "cases" | "sqlFloor">;

/** The HTTP cases against the production server, then the SQL floor of the same pages. */
async function loadServer(facts: BenchFacts, options: BenchReport["settings"]): Promise<Loaded> {
  // Production on PostgreSQL needs a shared secret; sessions of a bench run need none beyond it.
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    // The API case sends thousands of requests a second with one token.
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    ...(env.DATABASE_URL && !env.AUTH_SECRET
      ? { AUTH_SECRET: crypto.randomBytes(32).toString("base64url") }
      : {}),
  };
  console.log("Starting the production server (node dist/server.mjs)…");
  const server = await startServer(root, environment);
  const rssAfterStartBytes = server.rss() ?? 0;
  const results: CaseResult[] = [];
  let firstUsersPageMs = 0;
  try {
    const sessions = {
      admin: await signIn(server.origin, benchAdminLogin, benchPassword),
      user: await signIn(server.origin, benchUserLogin, benchPassword),
    };
    const firstStarted = performance.now();
    await request(`${server.origin}/users`, { headers: { cookie: sessions.admin } });
    firstUsersPageMs = performance.now() - firstStarted;
    const cases = benchCases(facts, sessions, server.origin).filter(
      (benchCase) => !args.only || benchCase.name.includes(args.only),
    );
    for (const benchCase of cases) {
      console.log(`  ${benchCase.name}`);
      results.push(await runCase(server, benchCase, options));
    }
  } finally {
    await server.stop();
  }
  console.log("Explaining the same pages' SQL…");
  return {
    server: {
      coldStartMs: server.coldStartMs,
      rssAfterStartBytes,
      rssPeakBytes: Math.max(rssAfterStartBytes, ...results.map((result) => result.rssPeakBytes)),
      firstUsersPageMs,
    },
    cases: results,
    sqlFloor: await measureSqlFloor(facts),
  };
}

async function main() {
  const startedAt = new Date().toISOString();
  const options = { durationSeconds: Number(args.duration), warmupSeconds: Number(args.warmup) };
  const seatOnly = args.only === "seat";
  const saves = Number(args.saves);
  if (!Number.isInteger(saves) || saves < 1) throw new Error("--saves must be a whole number.");
  const facts = await readBenchFacts();
  const loaded: Loaded = seatOnly ? { cases: [], sqlFloor: [] } : await loadServer(facts, options);
  let seatSave: BenchReport["seatSave"];
  if (!args.only || seatOnly) {
    if (!facts.phone) {
      console.log("No phone system in this database (npm run bench:seed:phone): no seat Save.");
    } else {
      console.log(`Timing ${saves} Saves of a user with a seat…`);
      seatSave = await measureSeatSave({ saves, warmup: Math.min(10, saves) });
    }
  }
  const { database, deepByUserName, deepByLastName, admin, user, detailUser, phone, ...data } =
    facts;
  const size = (facts: InstanceFacts) => ({
    name: facts.name,
    features: facts.features,
    seats: facts.seats,
  });
  const report: BenchReport = {
    startedAt,
    commit: commit(),
    machine: machine(),
    settings: options,
    database,
    data: {
      ...data,
      ...(phone ? { phone: { big: size(phone.big), small: size(phone.small) } } : {}),
    },
    ...loaded,
    ...(seatSave ? { seatSave } : {}),
  };
  console.log(`\n${formatReport(report)}\n`);
  // A partial run is named for what it ran, so it is never read as a whole one.
  const only = args.only
    ?.replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  const suffix = seatOnly ? "-seat-save" : only ? `-only-${only}` : "";
  console.log(`Saved ${writeReport(root, report, suffix)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

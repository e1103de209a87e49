import cluster from "node:cluster";
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { closeDb } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { authSecret } from "./lib/auth/auth-secret";
import { ensureBillingRunScheduled } from "./lib/billing/billing-run";
import { env } from "./lib/env";
import { startDispatcher } from "./lib/jobs/dispatcher";

// A thin custom server around Next.js for one reason: Next.js keeps a client-sent
// X-Forwarded-For, so without this a client could pick its own address and dodge
// sign-in throttling. Here the address is the socket's, or (TRUST_PROXY) the one
// our own proxy appended last.
const dev = process.argv.includes("--dev");

function clientAddress(request: IncomingMessage): string {
  const socketAddress = request.socket.remoteAddress ?? "";
  if (!env.TRUST_PROXY) return socketAddress;
  const forwarded = String(request.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? socketAddress;
}

async function main() {
  // A missing or unreadable secret stops the start, not the first sign-in.
  authSecret();
  // Open the database now, so a second server on the same PGlite folder fails at once, and
  // bring its schema up to date before the first request: starting needs no separate step.
  await applyMigrations();
  // Each billing run queues the next; a new installation needs its first (a no-op after).
  if (!env.JOBS_DISABLED) await ensureBillingRunScheduled();
  // Background jobs run in every server process: claims (SKIP LOCKED) never hand one to two.
  const dispatcher = env.JOBS_DISABLED ? undefined : startDispatcher();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    request.headers["x-forwarded-for"] = clientAddress(request);
    if (!env.TRUST_PROXY) {
      delete request.headers["x-forwarded-proto"];
      delete request.headers["x-forwarded-host"];
      delete request.headers["x-forwarded-port"];
    }
    void handle(request, response);
  });
  server.listen(env.PORT, env.HOST, () => {
    const shown = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
    console.log(
      `Switchboard is running at http://${shown}:${env.PORT} (${dev ? "development" : "production"})`,
    );
  });
  // Close idle keep-alive sockets so a stop is prompt, let the jobs in hand finish, then close
  // the database (PGlite flushes and releases its folder); a few seconds at most.
  const stop = () => {
    setTimeout(() => process.exit(0), 5000).unref();
    server.close(
      () =>
        void Promise.resolve(dispatcher?.stop())
          .then(closeDb)
          .finally(() => process.exit(0)),
    );
    server.closeIdleConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * With SERVER_PROCESSES above 1, this process applies the migrations and keeps that many
 * servers running on the same port (the operating system spreads the connections): each
 * renders on a core of its own. Their state is all in PostgreSQL, as with several machines.
 */
async function supervise(processes: number) {
  if (!env.DATABASE_URL) {
    throw new Error("SERVER_PROCESSES above 1 needs DATABASE_URL: PGlite allows one process.");
  }
  authSecret();
  await applyMigrations();
  await closeDb();
  let stopping = false;
  for (let started = 0; started < processes; started++) cluster.fork();
  cluster.on("exit", (_worker, code) => {
    if (!stopping) {
      console.error(`A server process stopped (code ${code}); starting another.`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    setTimeout(() => process.exit(0), 6000).unref();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const started =
  cluster.isPrimary && !dev && env.SERVER_PROCESSES > 1 ? supervise(env.SERVER_PROCESSES) : main();

started.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

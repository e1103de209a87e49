// `npm run worker`: runs background jobs only (no web server), for deployments on PostgreSQL
// that want job work apart from the app processes (which run jobs too unless JOBS_DISABLED).
// On the embedded database it works only while no server runs: PGlite allows one process, and
// the folder's lock stops whichever comes second with a clear error.
import { closeDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { ensureBillingRunScheduled } from "../lib/billing/billing-run";
import { env } from "../lib/env";
import { startDispatcher } from "../lib/jobs/dispatcher";

async function main() {
  if (env.JOBS_DISABLED) throw new Error("JOBS_DISABLED is set: this worker would do nothing.");
  // As the server does: a worker started first finds the tables it needs.
  await applyMigrations();
  await ensureBillingRunScheduled();
  const dispatcher = startDispatcher();
  console.log(
    `Switchboard worker is running background jobs (${env.DATABASE_URL ? "PostgreSQL" : "embedded database: start no server meanwhile"}).`,
  );
  const stop = () => {
    setTimeout(() => process.exit(0), 10_000).unref();
    void dispatcher
      .stop()
      .then(closeDb)
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

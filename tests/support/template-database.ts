import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Where global-setup keeps the migrated PGlite image for this run (read in global-setup only; workers get it from SWITCHBOARD_TEMPLATE). */
export const pgliteTemplateFile = path.join(
  os.tmpdir(),
  `switchboard-template-${process.pid}.tar.gz`,
);

// Database names carry the run's id, so two runs on one server (two people, two CI jobs)
// never drop each other's databases. global-setup picks the id; workers inherit it.
process.env.SWITCHBOARD_TEST_RUN ??= String(process.pid);
const run = process.env.SWITCHBOARD_TEST_RUN;

/** The migrated database each test file's database is copied from. */
export const postgresTemplateName = `switchboard_template_${run}`;
/** Every database a test file of this run creates starts with this. */
export const testDatabasePrefix = `switchboard_test_${run}_`;

export function postgresUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a short-lived connection to the DATABASE_URL database (for create and drop). */
export async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    // end() resolves once the socket is closed, so the session is gone too.
    await admin.end();
  }
}

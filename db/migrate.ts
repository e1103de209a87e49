import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { env } from "../lib/env";
import { advisoryLocks } from "./advisory-locks";
import { closeDb, connection } from "./client";

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "migrations",
);

/** Applies every committed migration that the configured database lacks. */
export async function applyMigrations(): Promise<void> {
  const { db, kind } = connection();
  if (kind === "pglite") {
    // One process per PGlite folder (its lock file): nobody else can be migrating.
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several instances may start at once on one server: one migrates, the others wait
  // for it and then find nothing left to do. The lock is held on a connection of its own.
  const lock = new pg.Client({ connectionString: env.DATABASE_URL });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [advisoryLocks.migrations]);
    await migrateNodePg(db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await lock.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  applyMigrations()
    .then(() => console.log("Database is up to date."))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}

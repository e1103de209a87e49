import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { closeDb, connection } from "./client";

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "migrations",
);

/** Applies every committed migration that the configured database lacks. */
export async function applyMigrations(): Promise<void> {
  const { db, kind } = connection();
  if (kind === "pglite") await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  else await migrateNodePg(db as unknown as NodePgDatabase, { migrationsFolder });
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

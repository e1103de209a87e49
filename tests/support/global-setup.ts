import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrationsFolder } from "../../db/migrate";
import { RecoveringPool } from "../../db/postgres-pool";
import {
  pgliteTemplateFile,
  postgresTemplateName,
  postgresUrl,
  testDatabasePrefix,
  withAdmin,
} from "./template-database";

// Migrating takes seconds, so it happens once per run: test files copy the result.
export async function setup() {
  process.env.SWITCHBOARD_TEMPLATE = pgliteTemplateFile;
  if (process.env.DATABASE_URL) {
    await withAdmin(async (admin) => {
      // Left by an interrupted earlier run that had the same process id.
      await admin.query(`drop database if exists ${postgresTemplateName} with (force)`);
      await admin.query(`create database ${postgresTemplateName}`);
    });
    const pool = new RecoveringPool({ connectionString: postgresUrl(postgresTemplateName) });
    await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
    // Copying a template fails while anyone is connected to it: wait until the sessions are gone.
    await pool.close();
    return;
  }
  const client = new PGlite({ extensions: { pg_trgm } });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const image = await client.dumpDataDir("gzip");
  fs.writeFileSync(pgliteTemplateFile, Buffer.from(await image.arrayBuffer()));
  await client.close();
}

export async function teardown() {
  fs.rmSync(pgliteTemplateFile, { force: true });
  if (!process.env.DATABASE_URL) return;
  // The template, and any test database a failed or interrupted file left behind. Every test
  // has finished, so ending a straggling session here cannot surprise a test.
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ name: string }>(
      "select datname as name from pg_database where datname = $1 or starts_with(datname, $2)",
      [postgresTemplateName, testDatabasePrefix],
    );
    for (const { name } of rows)
      await admin.query(`drop database if exists "${name}" with (force)`);
  });
}

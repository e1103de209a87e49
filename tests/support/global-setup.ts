import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrationsFolder } from "../../db/migrate";
import { pgliteTemplateFile, postgresTemplateName, postgresUrl } from "./template-database";

// Migrating takes seconds, so it happens once per run: test files copy the result.
export async function setup() {
  process.env.SWITCHBOARD_TEMPLATE = pgliteTemplateFile;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresTemplateName} with (force)`);
    await admin.query(`create database ${postgresTemplateName}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: postgresUrl(postgresTemplateName) });
    await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
    await pool.end();
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
}

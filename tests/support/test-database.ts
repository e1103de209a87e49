import crypto from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type Database, openPostgres, setConnection } from "../../db/client";
import * as schema from "../../db/schema";
import { postgresTemplateName, postgresUrl } from "./template-database";

async function openFreshDatabase() {
  if (process.env.DATABASE_URL) {
    const name = `switchboard_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${postgresTemplateName}`);
    await admin.end();
    const connection = openPostgres(postgresUrl(name));
    return {
      ...connection,
      close: async () => {
        await connection.close();
        const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const image = fs.readFileSync(process.env.SWITCHBOARD_TEMPLATE ?? "");
  const client = new PGlite({ loadDataDir: new Blob([image]), extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite" as const, close: () => client.close() };
}

/**
 * Gives the calling test file its own migrated database (PGlite in memory, or a
 * fresh PostgreSQL database when DATABASE_URL is set) and makes it the app's.
 */
export function withTestDatabase(): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const connection = await openFreshDatabase();
    close = connection.close;
    setConnection(connection);
  });
  afterAll(async () => {
    setConnection(undefined);
    await close?.();
  });
}

import crypto from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll } from "vitest";
import { type Database, openPostgres, setConnection } from "../../db/client";
import * as schema from "../../db/schema";
import {
  postgresTemplateName,
  postgresUrl,
  testDatabasePrefix,
  withAdmin,
} from "./template-database";

async function openFreshDatabase() {
  if (process.env.DATABASE_URL) {
    const name = `${testDatabasePrefix}${crypto.randomBytes(6).toString("hex")}`;
    await withAdmin((admin) =>
      admin.query(`create database ${name} template ${postgresTemplateName}`),
    );
    const connection = openPostgres(postgresUrl(name));
    return {
      ...connection,
      close: async () => {
        // The pool's close waits until its sessions are gone, so the drop needs no force.
        // Without force, a connection the test left open fails the drop with PostgreSQL's
        // "being accessed by other users" instead of being killed mid-flight (57P01).
        await connection.close();
        await withAdmin((admin) => admin.query(`drop database if exists ${name}`));
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

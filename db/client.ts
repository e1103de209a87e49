import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { dataDir, env } from "../lib/env";
import { acquireDataDirLock } from "./pglite-lock";
import { RecoveringPool } from "./postgres-pool";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: services accept both. */
export type Executor = Database | Transaction;

type Connection = { db: Database; close: () => Promise<void>; kind: "pglite" | "postgres" };

// One connection per process, kept on globalThis because Next.js may evaluate this
// module more than once (server layers, dev reloads) and PGlite must be opened once.
const globalKey = Symbol.for("switchboard.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Connection };

export function pgliteDir(): string {
  return path.join(dataDir, "pglite");
}

export function openPglite(dir: string | undefined): Connection {
  const release = dir ? acquireDataDirLock(path.dirname(dir)) : () => {};
  const client = new PGlite({ dataDir: dir, extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function openPostgres(url: string): Connection {
  const pool = new RecoveringPool({ connectionString: url, max: 10 });
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => pool.close() };
}

function connect(): Connection {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(pgliteDir());
}

export function connection(): Connection {
  const store = globalThis as GlobalWithDb;
  store[globalKey] ??= connect();
  return store[globalKey];
}

/** The process's database, opened on first use (never at import or build time). */
export function getDb(): Database {
  return connection().db;
}

/** Tests install their own database here. */
export function setConnection(next: Connection | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = next;
}

export async function closeDb(): Promise<void> {
  const store = globalThis as GlobalWithDb;
  const current = store[globalKey];
  store[globalKey] = undefined;
  await current?.close();
}

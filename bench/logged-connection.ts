import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type Database, pgliteDir, setConnection } from "../db/client";
import { acquireDataDirLock } from "../db/pglite-lock";
import * as schema from "../db/schema";
import { env } from "../lib/env";

export type CapturedQuery = { sql: string; params: unknown[] };

export type LoggedConnection = {
  /** Runs `work` through the services and returns the statements they sent. */
  capture: (work: () => Promise<unknown>) => Promise<CapturedQuery[]>;
  /** A statement with parameters, straight to the driver. */
  query: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
};

/**
 * The configured database, installed as the services' connection with a query log, so the
 * SQL floor explains exactly the statements the services send (whatever they become).
 */
export function openLoggedConnection(): LoggedConnection {
  let log: CapturedQuery[] | undefined;
  const logger: Logger = {
    logQuery: (query, params) => log?.push({ sql: query, params }),
  };
  let query: LoggedConnection["query"];
  let close: () => Promise<void>;
  let db: Database;
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    db = drizzleNodePg(pool, { schema, logger }) as unknown as Database;
    query = async (text, params) => (await pool.query(text, params)).rows;
    close = () => pool.end();
  } else {
    const dir = pgliteDir();
    const release = acquireDataDirLock(path.dirname(dir));
    const client = new PGlite({ dataDir: dir, extensions: { pg_trgm } });
    db = drizzlePglite(client, { schema, logger }) as unknown as Database;
    query = async (text, params) =>
      (await client.query<Record<string, unknown>>(text, params)).rows;
    close = async () => {
      await client.close();
      release();
    };
  }
  setConnection({ db, kind: env.DATABASE_URL ? "postgres" : "pglite", close });
  return {
    capture: async (work) => {
      log = [];
      try {
        await work();
        return log;
      } finally {
        log = undefined;
      }
    },
    query,
    close: async () => {
      setConnection(undefined);
      await close();
    },
  };
}

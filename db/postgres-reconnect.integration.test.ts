import { type SQL, sql } from "drizzle-orm";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from "vitest";
import { countBackends, terminateBackends } from "../tests/support/postgres-admin";
import { startTcpProxy } from "../tests/support/tcp-proxy";
import { postgresUrl } from "../tests/support/template-database";
import { withTestDatabase } from "../tests/support/test-database";
import { connection, type Database, openPostgres } from "./client";

const adminUrl = process.env.DATABASE_URL ?? "";

async function rows<Row>(db: Database, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Runs `count` queries side by side, so the pool holds that many idle connections after. */
async function openConnections(db: Database, count: number) {
  await Promise.all(Array.from({ length: count }, () => db.execute(sql`select pg_sleep(0.02)`)));
}

// Only a real server can drop connections; on PGlite there is nothing to test.
describe.skipIf(!adminUrl)(
  "a PostgreSQL pool whose connections the server drops (needs DATABASE_URL)",
  () => {
    withTestDatabase();
    let database = "";
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    let warn: MockInstance<typeof console.warn>;

    beforeAll(async () => {
      process.on("uncaughtException", record);
      process.on("unhandledRejection", record);
      const db = connection().db;
      [{ name: database }] = (await rows<{ name: string }>(
        db,
        sql`select current_database() as name`,
      )) as [{ name: string }];
      await db.execute(sql`create table probe (id int primary key, note text not null)`);
    });
    afterAll(() => {
      process.off("uncaughtException", record);
      process.off("unhandledRejection", record);
    });
    beforeEach(() => {
      warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    });
    afterEach(() => {
      warn.mockRestore();
      expect(uncaught).toEqual([]);
    });

    /** A pool of its own through openPostgres, named so its sessions can be counted. */
    function openPool(name: string, url = postgresUrl(database)) {
      const withName = new URL(url);
      withName.searchParams.set("application_name", name);
      return openPostgres(withName.toString());
    }

    it("replaces idle connections the server ended: the next queries succeed and earlier writes remain", async () => {
      const pool = openPool("idle-drop");
      try {
        await pool.db.execute(sql`insert into probe values (1, 'written before')`);
        await openConnections(pool.db, 5);
        const ended = await terminateBackends(adminUrl, database);
        expect(ended).toBeGreaterThanOrEqual(5);

        const after = await Promise.all(
          Array.from({ length: 10 }, () =>
            rows<{ note: string }>(pool.db, sql`select note from probe`),
          ),
        );
        expect(after).toEqual(Array.from({ length: 10 }, () => [{ note: "written before" }]));

        // One line per dropped connection of this pool, naming the reason.
        const lines = warn.mock.calls.map(([line]) => String(line));
        expect(lines.length).toBeGreaterThanOrEqual(5);
        for (const line of lines) {
          expect(line).toMatch(
            /^PostgreSQL closed a pooled connection \(57P01 terminating connection/,
          );
          expect(line).not.toContain("\n");
        }
      } finally {
        await pool.close();
      }
    });

    it("fails a transaction whose connection is ended, without an uncaught error, and runs the next", async () => {
      const pool = openPool("in-transaction");
      try {
        const transaction = pool.db.transaction(async (tx) => {
          await tx.execute(sql`insert into probe values (2, 'never committed')`);
          // The connection is checked out, idle between two statements, when the server ends it.
          await terminateBackends(adminUrl, database);
          await tx.execute(sql`select 1`);
        });
        await expect(transaction).rejects.toThrow();
        expect(warn).toHaveBeenCalledTimes(1);

        await pool.db.transaction(async (tx) => {
          await tx.execute(sql`insert into probe values (3, 'committed after')`);
        });
        expect(
          await rows(pool.db, sql`select id from probe where id in (2, 3) order by id`),
        ).toEqual([{ id: 3 }]);
      } finally {
        await pool.close();
      }
    });

    it("waits for a restarting server instead of failing the queries issued while it is down", async () => {
      const server = new URL(adminUrl);
      const proxy = await startTcpProxy({
        host: server.hostname,
        port: Number(server.port || 5432),
      });
      const proxied = new URL(postgresUrl(database));
      proxied.host = `127.0.0.1:${proxy.port}`;
      const pool = openPool("restart", proxied.toString());
      try {
        await openConnections(pool.db, 3);
        await proxy.stop();
        const whileDown = rows<{ id: number }>(pool.db, sql`select id from probe where id = 1`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await proxy.start();

        expect(await whileDown).toEqual([{ id: 1 }]);
        expect(await rows(pool.db, sql`select id from probe where id = 1`)).toEqual([{ id: 1 }]);
        expect(warn.mock.calls.map(([line]) => String(line))).toEqual(
          Array.from({ length: 3 }, () => expect.stringContaining("Connection terminated")),
        );
      } finally {
        await pool.close();
        await proxy.stop();
      }
    });

    it("gives up on a database that does not exist at once, without retrying", async () => {
      const pool = openPool("missing", postgresUrl(`${database}_missing`));
      const started = Date.now();
      try {
        await expect(pool.db.execute(sql`select 1`)).rejects.toMatchObject({
          cause: { code: "3D000" },
        });
        expect(Date.now() - started).toBeLessThan(1000);
      } finally {
        await pool.close();
      }
    });

    it("closes every server session before close() returns, so the database can be dropped at once", async () => {
      const pool = openPool("closing");
      await openConnections(pool.db, 4);
      expect(await countBackends(adminUrl, database, "closing")).toBe(4);
      await pool.close();
      expect(await countBackends(adminUrl, database, "closing")).toBe(0);
    });
  },
);

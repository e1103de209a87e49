import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, openPglite, openPostgres, setConnection } from "../../db/client";
import { webhookDeliveries } from "../../db/schema";
import { createTestAccount } from "../../tests/support/fixtures";
import {
  postgresTemplateName,
  postgresUrl,
  testDatabasePrefix,
  withAdmin,
} from "../../tests/support/template-database";
import { recordActivity } from "../activity/record-activity";
import { jobClaimMs } from "../jobs/claim-due-jobs";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { startTestReceiver } from "./test-receiver";

// A worker process is killed (SIGKILL) in the middle of delivering a burst of events, and a
// second one started on the same database. Every event must reach the receiver; an event sent
// twice (in flight at the kill) must come again with its webhook-id and body unchanged.

const events = 1000;
const worker = path.join(import.meta.dirname, "crash-burst-worker.ts");

type Shared = {
  target: string;
  open: () => ReturnType<typeof openPglite>;
  drop: () => Promise<void>;
};

/** A database both this process and the workers reach: PostgreSQL, or a PGlite folder. */
async function sharedDatabase(): Promise<Shared> {
  if (process.env.DATABASE_URL) {
    const name = `${testDatabasePrefix}burst_${crypto.randomBytes(4).toString("hex")}`;
    await withAdmin((admin) =>
      admin.query(`create database ${name} template ${postgresTemplateName}`),
    );
    const url = postgresUrl(name);
    return {
      target: url,
      open: () => openPostgres(url),
      drop: async () => {
        await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "webhook-burst-"));
  const dir = path.join(folder, "pglite");
  const image = fs.readFileSync(process.env.SWITCHBOARD_TEMPLATE ?? "");
  const seed = new PGlite({
    dataDir: dir,
    loadDataDir: new Blob([image]),
    extensions: { pg_trgm },
  });
  await seed.close();
  return {
    target: dir,
    open: () => openPglite(dir),
    drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

function start(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe("webhook delivery under a crash", () => {
  it("delivers every event of a burst of 1,000 although the worker is killed mid-way, repeats only under the same webhook-id", async () => {
    const receiver = await startTestReceiver();
    cleanup.push(() => receiver.close());
    const shared = await sharedDatabase();
    cleanup.push(() => shared.drop());
    let connection = shared.open();
    setConnection(connection);
    cleanup.push(async () => {
      setConnection(undefined);
      await connection.close();
    });

    const { admin } = await createTestAccount();
    const { endpoint, secret } = await createWebhookEndpoint({
      actor: admin,
      input: { url: `${receiver.origin}/burst`, description: "", eventTypes: ["user.*"] },
      urlCheck: { allowPrivate: true },
    });
    receiver.expect("/burst", secret);
    for (let batch = 0; batch < 10; batch += 1) {
      await getDb().transaction(async (tx) => {
        for (let n = 0; n < events / 10; n += 1) {
          await recordActivity(tx, {
            accountId: admin.accountId,
            kind: "user.updated",
            actor: admin,
            target: admin,
            details: { changes: [{ field: "title", before: "", after: `Title ${batch}-${n}` }] },
          });
        }
      });
    }
    const queued = await getDb()
      .select({ id: webhookDeliveries.id, payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(queued).toHaveLength(events);
    // PGlite lets one process at a time open its folder.
    if (!process.env.DATABASE_URL) await connection.close();

    const args = (offsetMs: number) => [shared.target, String(offsetMs), String(events)];
    const first = start(args(0));
    let firstExit: number | null | undefined;
    void first.exited.then((code) => {
      firstExit = code;
    });
    while (receiver.received.length < events / 3 && firstExit === undefined) await sleep(10);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = receiver.received.length;
    expect(atKill).toBeLessThan(events);
    // The restarted worker's clock runs past the claims the killed one held.
    const second = start(args(jobClaimMs + 1_000));
    expect(await second.exited).toBe(0);

    if (!process.env.DATABASE_URL) {
      connection = shared.open();
      setConnection(connection);
    }
    const rows = await getDb()
      .select({ id: webhookDeliveries.id, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(rows.filter((row) => row.status !== "succeeded")).toEqual([]);

    const received = receiver.received;
    expect(received.filter((request) => !request.verified)).toEqual([]);
    const bodiesById = new Map<string, Set<string>>();
    for (const request of received) {
      bodiesById.set(request.id, (bodiesById.get(request.id) ?? new Set()).add(request.body));
    }
    // None lost: every delivery arrived; nothing arrived that was not queued.
    expect(new Set(bodiesById.keys())).toEqual(new Set(queued.map((row) => row.id)));
    // A repeat is the same message: same webhook-id, same body.
    expect([...bodiesById.values()].filter((bodies) => bodies.size !== 1)).toEqual([]);
    const repeats = received.length - bodiesById.size;
    expect(repeats).toBeLessThan(events / 10);
    console.info(
      `Burst of ${events}: ${atKill} requests before the kill, ${received.length} in all, ${repeats} repeated under the same webhook-id.`,
    );
  }, 120_000);
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { type Job, jobs } from "../../db/schema";
import { withTestDatabase } from "../../tests/support/test-database";
import { jobClaimMs } from "./claim-due-jobs";
import { startDispatcher } from "./dispatcher";
import { enqueueJob } from "./enqueue-job";
import { type JobHandler, type JobHandlers, PermanentJobError } from "./job-handler";
import { runDueJobs } from "./run-due-jobs";

withTestDatabase();

// Each test starts from an empty queue: runDueJobs claims whatever is due.
beforeEach(async () => {
  await getDb().delete(jobs);
});

const kind = "test.work";
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const load = async (id: string) =>
  (await getDb().select().from(jobs).where(eq(jobs.id, id)))[0] as Job;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recording(run: JobHandler["run"] = async () => {}) {
  const ran: string[] = [];
  const handler: JobHandler = {
    run: async (job, context) => {
      ran.push(job.id);
      await run(job, context);
    },
  };
  return { ran, handlers: { [kind]: handler } };
}

const failing = recording(async () => {
  throw new Error("The far end said no.");
});

describe("enqueueJob", () => {
  it("queues nothing when the caller's transaction rolls back", async () => {
    let id = "";
    await expect(
      getDb().transaction(async (tx) => {
        id = (await enqueueJob(tx, { kind, payload: { n: 1 } })).id;
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await load(id)).toBeUndefined();
    expect(await runDueJobs({ handlers: recording().handlers })).toEqual([]);
  });

  it("adds no second job for a unique key and returns the first", async () => {
    const first = await enqueueJob(getDb(), {
      kind,
      uniqueKey: "billing:2030-01",
      payload: { a: 1 },
    });
    const second = await enqueueJob(getDb(), {
      kind,
      uniqueKey: "billing:2030-01",
      payload: { a: 2 },
    });
    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual({ a: 1 });
    expect(await getDb().select().from(jobs)).toHaveLength(1);
  });
});

describe("runDueJobs", () => {
  it("runs a due job once and marks it done; a job due later waits", async () => {
    const now = new Date();
    const due = await enqueueJob(getDb(), { kind, runAt: now });
    const notYet = await enqueueJob(getDb(), { kind, runAt: later(now, 60_000) });
    const { ran, handlers } = recording();
    const outcomes = await runDueJobs({ now, handlers });
    expect(outcomes.map((result) => [result.job.id, result.outcome])).toEqual([[due.id, "done"]]);
    expect(ran).toEqual([due.id]);
    expect(await load(due.id)).toMatchObject({ status: "done", attempts: 1, lockedUntil: null });
    expect((await load(due.id)).finishedAt).toEqual(now);
    expect(await load(notYet.id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await runDueJobs({ now, handlers })).toEqual([]);
  });

  it("retries after 30 s, 2 min, 10 min, 1 h and 6 h, then gives up keeping the last error", async () => {
    let now = new Date();
    const job = await enqueueJob(getDb(), { kind, runAt: now });
    for (const [attempt, delay] of [30_000, 120_000, 600_000, 3_600_000, 21_600_000].entries()) {
      const [result] = await runDueJobs({ now, handlers: failing.handlers });
      expect(result).toMatchObject({ outcome: "retry", error: "The far end said no." });
      const row = await load(job.id);
      expect(row).toMatchObject({ status: "queued", attempts: attempt + 1 });
      expect(row.runAt).toEqual(later(now, delay));
      // Not a moment before its time.
      expect(await runDueJobs({ now: later(now, delay - 1), handlers: failing.handlers })).toEqual(
        [],
      );
      now = later(now, delay);
    }
    const [last] = await runDueJobs({ now, handlers: failing.handlers });
    expect(last).toMatchObject({ outcome: "dead", error: "The far end said no." });
    expect(await load(job.id)).toMatchObject({
      status: "dead",
      attempts: 6,
      lastError: "The far end said no.",
      finishedAt: now,
    });
    expect(
      await runDueJobs({ now: later(now, 365 * 86_400_000), handlers: failing.handlers }),
    ).toEqual([]);
  });

  it("follows a handler's own retry schedule when it has one", async () => {
    let now = new Date();
    const job = await enqueueJob(getDb(), { kind, runAt: now });
    const handlers: JobHandlers = {
      [kind]: { ...failing.handlers[kind]!, retryDelaysMs: [5_000, 300_000] },
    };
    for (const delay of [5_000, 300_000]) {
      const [result] = await runDueJobs({ now, handlers });
      expect(result?.outcome === "retry" && result.runAt).toEqual(later(now, delay));
      now = later(now, delay);
    }
    const [last] = await runDueJobs({ now, handlers });
    expect(last?.outcome).toBe("dead");
    expect(await load(job.id)).toMatchObject({ status: "dead", attempts: 3 });
  });

  it("marks a job done when a retry succeeds", async () => {
    const now = new Date();
    const job = await enqueueJob(getDb(), { kind, runAt: now });
    let calls = 0;
    const { handlers } = recording(async () => {
      calls += 1;
      if (calls === 1) throw new Error("timeout");
    });
    await runDueJobs({ now, handlers });
    const [result] = await runDueJobs({ now: later(now, 30_000), handlers });
    expect(result?.outcome).toBe("done");
    expect(await load(job.id)).toMatchObject({ status: "done", attempts: 2, lastError: "timeout" });
  });

  it("gives up a job of an unknown kind at once and says why", async () => {
    const job = await enqueueJob(getDb(), { kind: "test.nobody_handles_this" });
    const [result] = await runDueJobs({ handlers: recording().handlers });
    expect(result?.outcome).toBe("dead");
    expect(await load(job.id)).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError:
        'No handler for job kind "test.nobody_handles_this": nothing in lib/jobs/handlers.ts runs it.',
    });
  });

  it("gives up at once on a permanent error and lets the handler record it in the same transaction", async () => {
    const job = await enqueueJob(getDb(), { kind });
    const givenUp: string[] = [];
    const handlers: JobHandlers = {
      [kind]: {
        run: async () => {
          throw new PermanentJobError("The payload is not a rebuild.");
        },
        giveUp: async (dead, error, { tx }) => {
          const [row] = await tx.select().from(jobs).where(eq(jobs.id, dead.id));
          givenUp.push(`${row?.status}: ${error}`);
        },
      },
    };
    await runDueJobs({ handlers });
    expect(givenUp).toEqual(["dead: The payload is not a rebuild."]);
    expect(await load(job.id)).toMatchObject({ status: "dead", attempts: 1 });
  });

  it("still gives a job up when recording the give-up fails, keeping both errors", async () => {
    const job = await enqueueJob(getDb(), { kind });
    const handlers = {
      [kind]: {
        run: async () => {
          throw new PermanentJobError("Bad payload.");
        },
        giveUp: async () => {
          throw new Error("The instance row is locked.");
        },
      },
    };
    await runDueJobs({ handlers });
    expect(await load(job.id)).toMatchObject({
      status: "dead",
      lastError: "Bad payload. (Recording the give-up failed too: The instance row is locked.)",
    });
  });

  it("claims a running job again once its claim lapsed, and ignores the first run's late result", async () => {
    const now = new Date();
    const job = await enqueueJob(getDb(), { kind, runAt: now });
    let release: () => void = () => {};
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const { handlers } = recording(async () => {
      calls += 1;
      if (calls === 1) await stuck;
      else throw new Error("second run failed");
    });
    const first = runDueJobs({ now, handlers });
    while (calls === 0) await sleep(5);
    // Within the claim nobody else takes it.
    expect(await runDueJobs({ now: later(now, jobClaimMs - 1), handlers })).toEqual([]);
    const [retaken] = await runDueJobs({ now: later(now, jobClaimMs + 1), handlers });
    expect(retaken).toMatchObject({ outcome: "retry", error: "second run failed" });
    expect(retaken?.job.attempts).toBe(2);
    release();
    // The first dispatcher finishes late: its claim is no longer its own, so nothing changes.
    expect((await first)[0]?.outcome).toBe("done");
    expect(await load(job.id)).toMatchObject({
      status: "queued",
      attempts: 2,
      lastError: "second run failed",
    });
  });

  it("never runs one job in two dispatchers at once", async () => {
    const count = 40;
    const now = new Date();
    const queued = await getDb()
      .insert(jobs)
      .values(Array.from({ length: count }, (_, n) => ({ kind, payload: { n }, runAt: now })))
      .returning({ id: jobs.id });
    const { ran, handlers } = recording(() => sleep(3));
    const drain = async () => {
      while ((await runDueJobs({ limit: 4, now, handlers })).length > 0) {}
    };
    await Promise.all([drain(), drain(), drain()]);
    expect(ran).toHaveLength(count);
    expect(new Set(ran)).toEqual(new Set(queued.map((row) => row.id)));
    const rows = await getDb().select().from(jobs);
    expect(rows.every((row) => row.status === "done" && row.attempts === 1)).toBe(true);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "skips a job another connection holds locked (PostgreSQL)",
    async () => {
      const now = new Date();
      const locked = await enqueueJob(getDb(), { kind, runAt: now });
      const free = await enqueueJob(getDb(), { kind, runAt: now });
      const { ran, handlers } = recording();
      await getDb().transaction(async (tx) => {
        await tx.select().from(jobs).where(eq(jobs.id, locked.id)).for("update");
        await runDueJobs({ now, handlers });
      });
      expect(ran).toEqual([free.id]);
      expect(await load(locked.id)).toMatchObject({ status: "queued", attempts: 0 });
    },
  );
});

describe("startDispatcher", () => {
  it("runs jobs as they fall due and stops cleanly", async () => {
    const { ran, handlers } = recording();
    const quiet = { error: () => {}, warn: () => {}, info: () => {} };
    const dispatcher = startDispatcher({ pollMs: 20, handlers, log: quiet });
    try {
      const job = await enqueueJob(getDb(), { kind });
      for (let waited = 0; ran.length === 0 && waited < 5000; waited += 20) await sleep(20);
      expect(ran).toEqual([job.id]);
      for (let waited = 0; (await load(job.id)).status !== "done" && waited < 5000; waited += 20) {
        await sleep(20);
      }
      expect((await load(job.id)).status).toBe("done");
    } finally {
      await dispatcher.stop();
    }
    const after = await enqueueJob(getDb(), { kind });
    await sleep(100);
    expect(ran).not.toContain(after.id);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, instances, jobs } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { runDueJobs } from "../jobs/run-due-jobs";
import { embeddedRebuildMs, provisioningJobHandlers } from "../provisioning/job-handlers";
import { completeRebuild } from "./complete-rebuild";
import { createInstance } from "./create-instance";
import { getInstance } from "./get-instance";
import { requestRebuild } from "./request-rebuild";

withTestDatabase();

let admin: Actor;
let user: Actor;
const embedded = provisioningJobHandlers({ kind: "embedded" });

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("operator") }]);
  user = actorFor(row!);
});

beforeEach(async () => {
  await getDb().delete(jobs);
});

const newInstance = () =>
  createInstance({
    actor: admin,
    input: { name: uniqueName("Site"), region: "us-east", notes: "" },
  });
const load = async (id: string) =>
  (await getDb().select().from(instances).where(eq(instances.id, id)))[0]!;
const kinds = async (instanceName: string) =>
  (
    await getDb()
      .select({ kind: accountActivity.kind, actor: accountActivity.actorUserId })
      .from(accountActivity)
      .where(eq(accountActivity.targetLabel, instanceName))
      .orderBy(accountActivity.id)
  ).map((row) => `${row.kind}${row.actor ? ` by ${row.actor}` : ""}`);

describe("Force Rebuild", () => {
  it("marks the instance Rebuilding, records who asked and queues the request, all at once", async () => {
    const instance = await newInstance();
    const result = await requestRebuild({ actor: user, instanceId: instance.id });
    expect(result.started).toBe(true);
    const rebuildId = result.started ? result.rebuildId : "";
    const row = await load(instance.id);
    expect(row).toMatchObject({ status: "rebuilding", rebuildId, rebuildRequestedBy: user.id });
    expect(row.rebuildRequestedAt).toBeInstanceOf(Date);
    expect(await kinds(instance.name)).toEqual([
      `instance.created by ${admin.id}`,
      `instance.rebuild_requested by ${user.id}`,
    ]);
    const queued = await getDb().select().from(jobs);
    expect(queued).toMatchObject([
      {
        kind: "provisioning.request_rebuild",
        accountId: admin.accountId,
        payload: { instanceId: instance.id, rebuildId },
        status: "queued",
      },
    ]);
    expect(
      (await getInstance({ actor: user, instanceId: instance.id })).rebuildRequestedByName,
    ).toBe(user.userName);
  });

  it("changes nothing when a rebuild is already running, and says since when", async () => {
    const instance = await newInstance();
    const first = await requestRebuild({ actor: admin, instanceId: instance.id });
    const before = await load(instance.id);
    const second = await requestRebuild({ actor: user, instanceId: instance.id });
    expect(second).toEqual({ started: false, since: before.rebuildRequestedAt });
    expect(await load(instance.id)).toEqual(before);
    expect(first.started && before.rebuildId === first.rebuildId).toBe(true);
    expect(await getDb().select().from(jobs)).toHaveLength(1);
    expect(await kinds(instance.name)).toHaveLength(2);
  });

  it("is refused without Instances: Rebuild, and for another account's instance", async () => {
    const instance = await newInstance();
    const denied = { ...user, overrides: new Map([["instances:rebuild", "deny"] as const]) };
    const error = await rejectionOf(requestRebuild({ actor: denied, instanceId: instance.id }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("You need Instances: Rebuild.");
    const { admin: stranger } = await createTestAccount();
    expect(
      await rejectionOf(requestRebuild({ actor: stranger, instanceId: instance.id })),
    ).toBeInstanceOf(NotFoundError);
    expect((await load(instance.id)).status).toBe("active");
    expect(await getDb().select().from(jobs)).toEqual([]);
  });

  it("completes through the embedded stand-in a few seconds later", async () => {
    const instance = await newInstance();
    await requestRebuild({ actor: user, instanceId: instance.id });
    const now = new Date();
    expect((await runDueJobs({ now, handlers: embedded })).map((r) => r.outcome)).toEqual(["done"]);
    // The stand-in's completion waits its few seconds.
    expect(
      await runDueJobs({
        now: new Date(now.getTime() + embeddedRebuildMs - 1),
        handlers: embedded,
      }),
    ).toEqual([]);
    expect((await load(instance.id)).status).toBe("rebuilding");
    const done = new Date(now.getTime() + embeddedRebuildMs);
    expect((await runDueJobs({ now: done, handlers: embedded })).map((r) => r.outcome)).toEqual([
      "done",
    ]);
    expect(await load(instance.id)).toMatchObject({ status: "active", lastRebuiltAt: done });
    expect((await kinds(instance.name)).at(-1)).toBe("instance.rebuilt");
  });

  it("ignores a completion naming an older rebuild", async () => {
    const instance = await newInstance();
    const first = await requestRebuild({ actor: admin, instanceId: instance.id });
    const firstId = first.started ? first.rebuildId : "";
    await completeRebuild({ instanceId: instance.id, rebuildId: firstId, outcome: "rebuilt" });
    await requestRebuild({ actor: admin, instanceId: instance.id });
    const before = await load(instance.id);
    const error = await rejectionOf(
      completeRebuild({ instanceId: instance.id, rebuildId: firstId, outcome: "failed" }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await load(instance.id)).toEqual(before);
    // The embedded job of the older rebuild finishes quietly without touching the instance.
    // Due a second ago: the database's now() has microseconds, the dispatcher's clock only
    // milliseconds, so a job stamped now() may not yet be due by a clock read just after.
    await getDb()
      .insert(jobs)
      .values({
        kind: "provisioning.complete_rebuild",
        payload: { instanceId: instance.id, rebuildId: firstId },
        runAt: new Date(Date.now() - 1000),
      });
    const outcomes = await runDueJobs({ handlers: embedded });
    expect(outcomes.find((r) => r.job.kind === "provisioning.complete_rebuild")?.outcome).toBe(
      "done",
    );
    expect(await load(instance.id)).toMatchObject({
      status: "rebuilding",
      rebuildId: before.rebuildId,
    });
  });

  it("records a failure with its error, which a new rebuild clears", async () => {
    const instance = await newInstance();
    const started = await requestRebuild({ actor: admin, instanceId: instance.id });
    const rebuildId = started.started ? started.rebuildId : "";
    const report = { instanceId: instance.id, rebuildId, outcome: "failed" as const };
    await expect(completeRebuild({ ...report, error: "Disk full on pbx-7" })).resolves.toEqual({
      completed: true,
    });
    const details = await getInstance({ actor: user, instanceId: instance.id });
    expect(details).toMatchObject({
      status: "failed",
      rebuildError: "Disk full on pbx-7",
      lastRebuiltAt: null,
    });
    // The same report again changes nothing.
    await expect(completeRebuild(report)).resolves.toEqual({ completed: false });
    const [failedRow] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.targetLabel, instance.name),
          eq(accountActivity.kind, "instance.rebuild_failed"),
        ),
      );
    expect(failedRow?.details).toMatchObject({ error: "Disk full on pbx-7", rebuildId });
    expect((await requestRebuild({ actor: user, instanceId: instance.id })).started).toBe(true);
    expect(await load(instance.id)).toMatchObject({ status: "rebuilding", rebuildError: "" });
  });

  it("refuses a completion for an instance that does not exist", async () => {
    const error = await rejectionOf(
      completeRebuild({
        instanceId: crypto.randomUUID(),
        rebuildId: crypto.randomUUID(),
        outcome: "rebuilt",
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

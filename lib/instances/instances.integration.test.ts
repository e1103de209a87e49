import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, features, instances, seats } from "../../db/schema";
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
import { createInstance } from "./create-instance";
import { deleteInstance } from "./delete-instance";
import { getInstance } from "./get-instance";
import { instancePageSize, listInstances } from "./list-instances";
import { updateInstance } from "./update-instance";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let user: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("viewer") }]);
  user = actorFor(row!);
});

const input = (name = uniqueName("Office")) => ({ name, region: "eu-west" as const, notes: "" });

const activityFor = (label: string) =>
  getDb()
    .select()
    .from(accountActivity)
    .where(eq(accountActivity.targetLabel, label))
    .orderBy(accountActivity.id);

describe("instances", () => {
  it("creates an instance, Active, and records who did", async () => {
    const created = await createInstance({
      actor: admin,
      input: { ...input(), notes: "Head office" },
    });
    expect(created).toMatchObject({ status: "active", region: "eu-west", notes: "Head office" });
    const rows = await activityFor(created.name);
    expect(rows.map((row) => [row.kind, row.actorUserId])).toEqual([
      ["instance.created", admin.id],
    ]);
  });

  it("keeps names unique per account, ignoring case", async () => {
    const { name } = await createInstance({ actor: admin, input: input() });
    const error = await rejectionOf(
      createInstance({ actor: admin, input: input(name.toUpperCase()) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("An instance with this name already exists.");
    expect((error as ConflictError).field).toBe("name");
    await expect(createInstance({ actor: otherAdmin, input: input(name) })).resolves.toMatchObject({
      name,
    });
  });

  it("edits name, region and notes, recording each change; a rename into another's name is refused", async () => {
    const taken = await createInstance({ actor: admin, input: input() });
    const instance = await createInstance({ actor: admin, input: input() });
    const renamed = uniqueName("Branch");
    await updateInstance({
      actor: admin,
      instanceId: instance.id,
      input: { name: renamed, region: "us-west", notes: "Moved" },
    });
    const [row] = await activityFor(renamed);
    expect(row?.kind).toBe("instance.updated");
    expect(row?.details.changes).toEqual([
      { field: "name", before: instance.name, after: renamed },
      { field: "region", before: "eu-west", after: "us-west" },
      { field: "notes", before: "", after: "Moved" },
    ]);
    const error = await rejectionOf(
      updateInstance({
        actor: admin,
        instanceId: instance.id,
        input: input(taken.name.toLowerCase()),
      }),
    );
    expect((error as ConflictError).field).toBe("name");
    // Saving unchanged records nothing more.
    await updateInstance({
      actor: admin,
      instanceId: instance.id,
      input: { name: renamed, region: "us-west", notes: "Moved" },
    });
    expect(await activityFor(renamed)).toHaveLength(1);
  });

  it("deletes an instance with its features and seats, recording how many", async () => {
    const instance = await createInstance({ actor: admin, input: input() });
    const [person] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("seated") }]);
    const [seat] = await getDb()
      .insert(seats)
      .values({ accountId: admin.accountId, instanceId: instance.id, userId: person!.id })
      .returning();
    await getDb()
      .insert(features)
      .values([
        { accountId: admin.accountId, instanceId: instance.id, kind: "device", name: "Desk" },
        {
          accountId: admin.accountId,
          instanceId: instance.id,
          kind: "phone_number",
          name: "+15550100",
          seatId: seat!.id,
        },
      ]);
    const deleted = await deleteInstance({ actor: admin, instanceId: instance.id });
    expect(deleted).toMatchObject({ featureTotal: 2, seatCount: 1 });
    expect(
      await getDb().select().from(features).where(eq(features.instanceId, instance.id)),
    ).toEqual([]);
    expect(await getDb().select().from(seats).where(eq(seats.instanceId, instance.id))).toEqual([]);
    const [row] = await activityFor(instance.name).then((rows) => rows.slice(-1));
    expect(row).toMatchObject({
      kind: "instance.deleted",
      details: { features: 2, seats: 1, summary: "Deleted with 2 features and 1 seat" },
    });
    expect(
      await rejectionOf(getInstance({ actor: admin, instanceId: instance.id })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("counts features by kind and seats on the details", async () => {
    const instance = await createInstance({ actor: admin, input: input() });
    const feature = (kind: "device" | "ring_group", name: string) => ({
      accountId: admin.accountId,
      instanceId: instance.id,
      kind,
      name,
    });
    await getDb()
      .insert(features)
      .values([feature("device", "A"), feature("device", "B"), feature("ring_group", "Sales")]);
    const details = await getInstance({ actor: user, instanceId: instance.id });
    expect(details.featureCounts).toEqual({
      phone_number: 0,
      device: 2,
      conference_room: 0,
      fax_machine: 0,
      ring_group: 1,
      voicemail_box: 0,
    });
    expect(details).toMatchObject({ featureTotal: 3, seatCount: 0, rebuildRequestedByName: null });
  });

  it("lets Users view instances but not create, edit or delete them", async () => {
    const instance = await createInstance({ actor: admin, input: input() });
    await expect(listInstances({ actor: user })).resolves.toBeTruthy();
    await expect(getInstance({ actor: user, instanceId: instance.id })).resolves.toBeTruthy();
    const refusals = await Promise.all([
      rejectionOf(createInstance({ actor: user, input: input() })),
      rejectionOf(updateInstance({ actor: user, instanceId: instance.id, input: input() })),
      rejectionOf(deleteInstance({ actor: user, instanceId: instance.id })),
    ]);
    expect(refusals.map((error) => error.message)).toEqual([
      "You need Instances: Create.",
      "You need Instances: Edit.",
      "You need Instances: Delete.",
    ]);
    const denied = { ...user, overrides: new Map([["instances:view", "deny"] as const]) };
    expect(await rejectionOf(listInstances({ actor: denied }))).toBeInstanceOf(ForbiddenError);
  });

  it("never shows or changes another account's instance", async () => {
    const theirs = await createInstance({ actor: otherAdmin, input: input() });
    // One at a time, each awaited as it starts: a refusal is never left unheard.
    for (const attempt of [
      () => getInstance({ actor: admin, instanceId: theirs.id }),
      () => updateInstance({ actor: admin, instanceId: theirs.id, input: input() }),
      () => deleteInstance({ actor: admin, instanceId: theirs.id }),
      () => getInstance({ actor: admin, instanceId: "not-a-uuid" }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    const page = await listInstances({ actor: admin });
    expect(page.rows.map((row) => row.id)).not.toContain(theirs.id);
  });

  it("pages by name ignoring case, 50 at a time, with an opaque cursor", async () => {
    const { admin: owner } = await createTestAccount();
    const names = Array.from({ length: instancePageSize + 3 }, (_, n) =>
      n % 2 ? `site ${String(n).padStart(3, "0")}` : `Site ${String(n).padStart(3, "0")}`,
    );
    await getDb()
      .insert(instances)
      .values(names.map((name) => ({ accountId: owner.accountId, name, region: "us-east" })));
    const first = await listInstances({ actor: owner });
    expect(first.rows.map((row) => row.name)).toEqual(names.slice(0, instancePageSize));
    expect(first.nextAfter).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await listInstances({ actor: owner, after: first.nextAfter });
    expect(second.rows.map((row) => row.name)).toEqual(names.slice(instancePageSize));
    expect(second.nextAfter).toBeUndefined();
    // A cursor that is not one of ours starts the list over.
    const garbled = await listInstances({ actor: owner, after: "not a cursor" });
    expect(garbled.rows[0]?.name).toBe(names[0]);
  });
});

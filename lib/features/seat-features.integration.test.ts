import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features, seats } from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError } from "../errors";
import { assignFeaturesToSeat } from "./assign-features-to-seat";
import { createFeature } from "./create-feature";
import { deleteFeature } from "./delete-feature";
import { insertTestInstance, insertTestSeat } from "./feature-test-fixtures";
import { getFeature } from "./get-feature";
import { updateFeature } from "./update-feature";

withTestDatabase();

let admin: Actor;
let instanceId: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  instanceId = (await insertTestInstance(admin.accountId)).id;
});

const softphone = (name: string) =>
  createFeature({
    actor: admin,
    instanceId,
    kind: "device",
    input: { name, deviceKind: "softphone" },
  });

const assign = (seatId: string, featureIds: string[], instance = instanceId) =>
  getDb().transaction((tx) =>
    assignFeaturesToSeat(tx, {
      accountId: admin.accountId,
      instanceId: instance,
      seatId,
      featureIds,
    }),
  );

describe("assignFeaturesToSeat", () => {
  it("gives spares to a seat and refuses one another seat took, naming it", async () => {
    const phone = await softphone("Anna's softphone");
    const first = await insertTestSeat(admin.accountId, instanceId);
    const second = await insertTestSeat(admin.accountId, instanceId);
    const given = await assign(first.seat.id, [phone.id]);
    expect(given.map((feature) => feature.seatId)).toEqual([first.seat.id]);
    // Adding it again to the same seat changes nothing.
    await expect(assign(first.seat.id, [phone.id])).resolves.toHaveLength(1);
    const error = await rejectionOf(assign(second.seat.id, [phone.id]));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "Device Anna's softphone is no longer spare: another seat has it now.",
    );
    expect((error as ConflictError).field).toBe("featureIds");
  });

  it("refuses a feature of another instance and assigns nothing of the batch", async () => {
    const other = await insertTestInstance(admin.accountId);
    const theirs = await createFeature({
      actor: admin,
      instanceId: other.id,
      kind: "device",
      input: { name: "Elsewhere", deviceKind: "mobile" },
    });
    const mine = await softphone("Here");
    const { seat } = await insertTestSeat(admin.accountId, instanceId);
    const error = await rejectionOf(assign(seat.id, [mine.id, theirs.id]));
    expect(error.message).toBe("Device Elsewhere belongs to another instance.");
    const [row] = await getDb().select().from(features).where(eq(features.id, mine.id));
    expect(row?.seatId).toBeNull();
  });
});

describe("ring groups", () => {
  it("ring seats and devices of their own instance only", async () => {
    const device = await softphone("Reception");
    const { seat } = await insertTestSeat(admin.accountId, instanceId);
    const group = await createFeature({
      actor: admin,
      instanceId,
      kind: "ring_group",
      input: {
        name: "Front",
        extension: "100",
        strategy: "in_order",
        members: [seat.id, device.id],
        ringSeconds: "30",
      },
    });
    expect(group.settings.members).toEqual([seat.id, device.id]);
    const other = await insertTestInstance(admin.accountId);
    const stranger = await insertTestSeat(admin.accountId, other.id);
    const error = await rejectionOf(
      updateFeature({
        actor: admin,
        instanceId,
        featureId: group.id,
        kind: "ring_group",
        input: {
          name: "Front",
          extension: "100",
          strategy: "in_order",
          members: [stranger.seat.id],
          ringSeconds: "30",
        },
      }),
    );
    expect(error).toMatchObject({
      message:
        "One chosen member is not a seat or device of this instance (any more): choose again.",
      field: "members",
    });
  });
});

describe("deleting a feature in use", () => {
  it("asks first, then takes it out of seats, ring groups and call flows", async () => {
    const device = await softphone("Hall phone");
    const { seat, user } = await insertTestSeat(admin.accountId, instanceId);
    const group = await createFeature({
      actor: admin,
      instanceId,
      kind: "ring_group",
      input: {
        name: "Hall",
        extension: "110",
        strategy: "simultaneous",
        members: [device.id],
        ringSeconds: "20",
      },
    });
    await getDb()
      .update(seats)
      .set({
        callFlow: [
          { type: "ring_group", ringGroupId: group.id, label: "Hall" },
          { type: "voicemail", mailboxNumber: "201" },
        ],
      })
      .where(eq(seats.id, seat.id));
    await assign(seat.id, [device.id]);

    const { usage } = await getFeature({ actor: admin, instanceId, featureId: device.id });
    expect(usage).toEqual([
      `It is assigned to the seat of ${user.userName}.`,
      "Ring group Hall rings it: it leaves the group.",
    ]);
    const unconfirmed = await rejectionOf(
      deleteFeature({ actor: admin, instanceId, featureId: device.id }),
    );
    expect(unconfirmed.message).toBe(
      `Hall phone was not deleted. It is assigned to the seat of ${user.userName}. Ring group Hall rings it: it leaves the group. Confirm again to delete it anyway.`,
    );
    await deleteFeature({ actor: admin, instanceId, featureId: device.id, confirmedUsage: usage });
    const [after] = await getDb().select().from(features).where(eq(features.id, group.id));
    expect(after?.settings.members).toEqual([]);

    const groupUsage = (await getFeature({ actor: admin, instanceId, featureId: group.id })).usage;
    expect(groupUsage).toEqual([
      `The call flow of the seat of ${user.userName} goes to it: that step is taken out.`,
    ]);
    await deleteFeature({
      actor: admin,
      instanceId,
      featureId: group.id,
      confirmedUsage: groupUsage,
    });
    const [flow] = await getDb()
      .select({ callFlow: seats.callFlow })
      .from(seats)
      .where(eq(seats.id, seat.id));
    expect(flow?.callFlow).toEqual([{ type: "voicemail", mailboxNumber: "201" }]);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { instanceExtensions } from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError } from "../errors";
import { createFeature } from "./create-feature";
import { deleteFeature } from "./delete-feature";
import { featureFieldConflicts } from "./feature-field-conflicts";
import { insertTestInstance } from "./feature-test-fixtures";
import { updateFeature } from "./update-feature";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let instanceId: string;
let instanceName: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const instance = await insertTestInstance(admin.accountId);
  instanceId = instance.id;
  instanceName = instance.name;
});

const room = (extension: string, name = `Room ${extension}`) => ({
  name,
  extension,
  pin: "",
  maxParticipants: "10",
});

describe("extensions", () => {
  it("are unique in an instance across kinds, naming who has one", async () => {
    await createFeature({
      actor: admin,
      instanceId,
      kind: "ring_group",
      input: { name: "Sales", extension: "501", strategy: "in_order", ringSeconds: "20" },
    });
    const error = await rejectionOf(
      createFeature({ actor: admin, instanceId, kind: "conference_room", input: room("501") }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("Extension 501 is already used by ring group Sales.");
    expect((error as ConflictError).field).toBe("extension");
    const mailbox = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId,
        kind: "voicemail_box",
        input: { mailboxNumber: "501", pin: "1234" },
      }),
    );
    expect((mailbox as ConflictError).field).toBe("mailboxNumber");
    // Another instance has extensions of its own.
    const other = await insertTestInstance(admin.accountId);
    await expect(
      createFeature({
        actor: admin,
        instanceId: other.id,
        kind: "conference_room",
        input: room("501"),
      }),
    ).resolves.toMatchObject({ extension: "501" });
  });

  it("move with an edit and are given back on delete, in the same transaction", async () => {
    const board = await createFeature({
      actor: admin,
      instanceId,
      kind: "conference_room",
      input: room("601", "Board"),
    });
    await updateFeature({
      actor: admin,
      instanceId,
      featureId: board.id,
      kind: "conference_room",
      input: room("602", "Boardroom"),
    });
    const claims = () =>
      getDb()
        .select({ extension: instanceExtensions.extension, label: instanceExtensions.ownerLabel })
        .from(instanceExtensions)
        .where(eq(instanceExtensions.ownerId, board.id));
    expect(await claims()).toEqual([{ extension: "602", label: "conference room Boardroom" }]);
    // 601 is free again.
    await createFeature({ actor: admin, instanceId, kind: "conference_room", input: room("601") });
    await deleteFeature({ actor: admin, instanceId, featureId: board.id });
    expect(await claims()).toEqual([]);
  });

  it("keeps the old extension when the new one is taken", async () => {
    const a = await createFeature({
      actor: admin,
      instanceId,
      kind: "conference_room",
      input: room("701"),
    });
    await createFeature({ actor: admin, instanceId, kind: "conference_room", input: room("702") });
    const error = await rejectionOf(
      updateFeature({
        actor: admin,
        instanceId,
        featureId: a.id,
        kind: "conference_room",
        input: room("702"),
      }),
    );
    expect(error.message).toBe("Extension 702 is already used by conference room Room 702.");
    const [claim] = await getDb()
      .select()
      .from(instanceExtensions)
      .where(
        and(eq(instanceExtensions.instanceId, instanceId), eq(instanceExtensions.ownerId, a.id)),
      );
    expect(claim?.extension).toBe("701");
  });
});

describe("phone numbers and MAC addresses", () => {
  it("are unique in the account, naming the instance that has one", async () => {
    await createFeature({
      actor: admin,
      instanceId,
      kind: "phone_number",
      input: { number: "+12125550100" },
    });
    const other = await insertTestInstance(admin.accountId);
    const error = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId: other.id,
        kind: "phone_number",
        input: { number: "(212) 555-0100" },
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      `+1 212 555 0100 is already in this account (instance ${instanceName}).`,
    );
    expect((error as ConflictError).field).toBe("number");
    // Another account may hold the same number.
    const theirs = await insertTestInstance(otherAdmin.accountId);
    await expect(
      createFeature({
        actor: otherAdmin,
        instanceId: theirs.id,
        kind: "phone_number",
        input: { number: "+12125550100" },
      }),
    ).resolves.toMatchObject({ phoneNumber: "+12125550100" });
  });

  it("treat a MAC typed another way as the same device", async () => {
    const desk = { name: "Desk", deviceKind: "desk_phone", model: "" };
    await createFeature({
      actor: admin,
      instanceId,
      kind: "device",
      input: { ...desk, macAddress: "00-1a-2b-3c-4d-5e" },
    });
    const error = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId,
        kind: "device",
        input: { ...desk, macAddress: "001a.2b3c.4d5e" },
      }),
    );
    expect(error.message).toBe(
      `00:1A:2B:3C:4D:5E is already in this account (instance ${instanceName}).`,
    );
    expect((error as ConflictError).field).toBe("macAddress");
  });
});

describe("featureFieldConflicts", () => {
  it("names a taken extension, number or MAC of a refused form, but not the feature's own", async () => {
    const group = await createFeature({
      actor: admin,
      instanceId,
      kind: "ring_group",
      input: { name: "Support", extension: "950", strategy: "in_order", ringSeconds: "20" },
    });
    expect(
      await featureFieldConflicts({
        actor: admin,
        instanceId,
        kind: "voicemail_box",
        values: { mailboxNumber: "950", pin: "1" },
      }),
    ).toEqual({ mailboxNumber: "Extension 950 is already used by ring group Support." });
    expect(
      await featureFieldConflicts({
        actor: admin,
        instanceId,
        kind: "ring_group",
        featureId: group.id,
        values: { extension: "950", ringSeconds: "1" },
      }),
    ).toEqual({});
    expect(
      await featureFieldConflicts({
        actor: admin,
        instanceId,
        kind: "phone_number",
        values: { number: "212 555 0100", callerIdName: "x".repeat(20) },
      }),
    ).toEqual({ number: `+1 212 555 0100 is already in this account (instance ${instanceName}).` });
  });
});

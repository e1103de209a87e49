import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity } from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { createFeature } from "./create-feature";
import { deleteFeature } from "./delete-feature";
import { describeFeature } from "./describe-feature";
import { delegateOf, insertTestInstance } from "./feature-test-fixtures";
import { getFeature } from "./get-feature";
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

describe("creating features", () => {
  it("creates each kind with its columns and settings, and records it", async () => {
    const number = await createFeature({
      actor: admin,
      instanceId,
      kind: "phone_number",
      input: { number: "+1 212 555 0101", label: "", callerIdName: "ACME" },
    });
    expect(number).toMatchObject({ name: "+1 212 555 0101", phoneNumber: "+12125550101" });
    const device = await createFeature({
      actor: admin,
      instanceId,
      kind: "device",
      input: { name: "Anna's softphone", deviceKind: "softphone", macAddress: "", model: "" },
    });
    expect(device.macAddress).toBeNull();
    expect(describeFeature(device)).toBe("Device · Softphone · Anna's softphone");
    const fax = await createFeature({
      actor: admin,
      instanceId,
      kind: "fax_machine",
      input: { name: "Front desk", faxNumber: "+442079460958", emailToFax: "" },
    });
    expect(fax.settings).toEqual({ faxNumber: "+442079460958", emailToFax: "" });
    const box = await createFeature({
      actor: admin,
      instanceId,
      kind: "voicemail_box",
      input: { mailboxNumber: "201", pin: "2468", notificationEmail: "" },
    });
    expect(box).toMatchObject({ name: "Mailbox 201", extension: "201" });
    const rows = await getDb()
      .select({ kind: accountActivity.kind, details: accountActivity.details })
      .from(accountActivity)
      .where(eq(accountActivity.targetLabel, "Front desk"));
    expect(rows).toEqual([
      {
        kind: "feature.created",
        details: { instance: instanceName, kind: "fax_machine", feature: "Front desk" },
      },
    ]);
  });

  it("refuses invalid fields with the field's message", async () => {
    const error = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId,
        kind: "device",
        input: { name: "Desk", deviceKind: "desk_phone", macAddress: "ff-ff-ff-ff-ff-ff" },
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors).toEqual({
      macAddress: "FF:FF:FF:FF:FF:FF is the broadcast address, not a device's.",
    });
  });
});

describe("editing features", () => {
  it("keeps a voicemail PIN left empty and never writes a PIN to the activity log", async () => {
    const box = await createFeature({
      actor: admin,
      instanceId,
      kind: "voicemail_box",
      input: { mailboxNumber: "250", pin: "1357" },
    });
    const edit = (input: Record<string, unknown>) =>
      updateFeature({ actor: admin, instanceId, featureId: box.id, kind: "voicemail_box", input });
    const kept = await edit({ mailboxNumber: "250", pin: "", notificationEmail: "a@example.com" });
    expect(kept.settings).toEqual({ pin: "1357", notificationEmail: "a@example.com" });
    const changed = await edit({ mailboxNumber: "250", pin: "97531" });
    expect(changed.settings.pin).toBe("97531");
    const rows = await getDb()
      .select({ details: accountActivity.details })
      .from(accountActivity)
      .where(eq(accountActivity.kind, "feature.updated"));
    expect(rows.map((row) => row.details.changes)).toEqual([
      [{ field: "notificationEmail", before: "", after: "a@example.com" }],
      [
        { field: "pin", before: "(hidden)", after: "(hidden)" },
        { field: "notificationEmail", before: "a@example.com", after: "" },
      ],
    ]);
  });

  it("refuses a form of another kind", async () => {
    const box = await createFeature({
      actor: admin,
      instanceId,
      kind: "voicemail_box",
      input: { mailboxNumber: "260", pin: "1357" },
    });
    const error = await rejectionOf(
      updateFeature({
        actor: admin,
        instanceId,
        featureId: box.id,
        kind: "conference_room",
        input: room("260"),
      }),
    );
    expect(error.message).toBe("This feature is a voicemail box, not a conference room.");
  });
});

describe("access", () => {
  it("never reaches another account's instance or feature", async () => {
    const feature = await createFeature({
      actor: admin,
      instanceId,
      kind: "conference_room",
      input: room("801"),
    });
    for (const attempt of [
      () =>
        createFeature({
          actor: otherAdmin,
          instanceId,
          kind: "conference_room",
          input: room("802"),
        }),
      () => getFeature({ actor: otherAdmin, instanceId, featureId: feature.id }),
      () =>
        updateFeature({
          actor: otherAdmin,
          instanceId,
          featureId: feature.id,
          kind: "conference_room",
          input: room("803"),
        }),
      () => deleteFeature({ actor: otherAdmin, instanceId, featureId: feature.id }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    const theirs = await insertTestInstance(otherAdmin.accountId);
    // Their instance id with our feature id: still not found.
    expect(
      await rejectionOf(
        getFeature({ actor: otherAdmin, instanceId: theirs.id, featureId: feature.id }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(
      (await getFeature({ actor: admin, instanceId, featureId: feature.id })).feature.name,
    ).toBe("Room 801");
  });

  it("refuses a delegate without Features: Create, naming the permission", async () => {
    const viewer = delegateOf(admin, ["features:view"]);
    const error = await rejectionOf(
      createFeature({ actor: viewer, instanceId, kind: "conference_room", input: room("901") }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("You need Features: Create.");
    const creator = delegateOf(admin, ["features:create"]);
    await expect(
      createFeature({ actor: creator, instanceId, kind: "conference_room", input: room("901") }),
    ).resolves.toMatchObject({ extension: "901" });
  });
});

// Attacks on features: ids of one instance posted with another's, members and seats from
// elsewhere, and the extension a seat shares with its voicemail box.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features, instanceExtensions } from "../../db/schema";
import {
  createTestAccount,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, NotFoundError } from "../errors";
import { previewSeat } from "../seats/load-seat-wizard";
import { stashUserForm } from "../seats/stash-user-form";
import {
  chooseSeatTemplate,
  finishSeatTemplate,
  setSeatAttributes,
} from "../seats/update-seat-wizard";
import { createStandardUserTemplate } from "../templates/standard-user-template";
import { createUser } from "../users/create-user";
import { assignFeaturesToSeat } from "./assign-features-to-seat";
import { createFeature } from "./create-feature";
import { deleteFeature } from "./delete-feature";
import { featureFieldConflicts } from "./feature-field-conflicts";
import { insertTestInstance, insertTestSeat } from "./feature-test-fixtures";
import { getFeature } from "./get-feature";
import { insertFeature } from "./insert-feature";
import { listRingGroupMemberChoices } from "./list-ring-group-member-choices";
import { listSpareFeatures } from "./list-spare-features";
import { updateFeature } from "./update-feature";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
});

const room = (extension: string) => ({
  name: `Room ${extension}`,
  extension,
  pin: "",
  maxParticipants: "10",
});

const ringGroup = (extension: string, members: string[]) => ({
  name: `Group ${extension}`,
  extension,
  strategy: "simultaneous",
  members,
  ringSeconds: "20",
});

const device = (actor: Actor, instanceId: string, name: string) =>
  createFeature({ actor, instanceId, kind: "device", input: { name, deviceKind: "softphone" } });

describe("a feature id posted with another instance's id", () => {
  it("is not found, whether the instance is the account's own or another account's", async () => {
    const home = await insertTestInstance(admin.accountId);
    const sibling = await insertTestInstance(admin.accountId);
    const foreign = await insertTestInstance(otherAdmin.accountId);
    const feature = await createFeature({
      actor: admin,
      instanceId: home.id,
      kind: "conference_room",
      input: room("301"),
    });
    for (const instanceId of [sibling.id, foreign.id]) {
      for (const attempt of [
        () => getFeature({ actor: admin, instanceId, featureId: feature.id }),
        () =>
          updateFeature({
            actor: admin,
            instanceId,
            featureId: feature.id,
            kind: "conference_room",
            input: room("302"),
          }),
        () =>
          deleteFeature({
            actor: admin,
            instanceId,
            featureId: feature.id,
            confirmedUsage: [],
          }),
      ]) {
        expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
      }
    }
    for (const attempt of [
      () =>
        featureFieldConflicts({
          actor: admin,
          instanceId: foreign.id,
          kind: "conference_room",
          values: room("301"),
        }),
      () => listSpareFeatures({ actor: admin, instanceId: foreign.id }),
      () => listRingGroupMemberChoices({ actor: admin, instanceId: foreign.id }),
      () =>
        createFeature({
          actor: admin,
          instanceId: foreign.id,
          kind: "conference_room",
          input: room("303"),
        }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    const [row] = await getDb().select().from(features).where(eq(features.id, feature.id));
    expect(row).toMatchObject({ instanceId: home.id, extension: "301" });
  });
});

describe("ring group members", () => {
  it("from another instance or another account are refused, on create and on edit", async () => {
    const home = await insertTestInstance(admin.accountId);
    const sibling = await insertTestInstance(admin.accountId);
    const foreign = await insertTestInstance(otherAdmin.accountId);
    const ownSeat = await insertTestSeat(admin.accountId, home.id);
    const siblingSeat = await insertTestSeat(admin.accountId, sibling.id);
    const siblingDevice = await device(admin, sibling.id, "Sibling phone");
    const foreignSeat = await insertTestSeat(otherAdmin.accountId, foreign.id);
    const foreignDevice = await device(otherAdmin, foreign.id, "Foreign phone");
    const ownRoom = await createFeature({
      actor: admin,
      instanceId: home.id,
      kind: "conference_room",
      input: room("410"),
    });
    const strangers = [
      siblingSeat.seat.id,
      siblingDevice.id,
      foreignSeat.seat.id,
      foreignDevice.id,
      // A feature of the instance that is not a device cannot ring.
      ownRoom.id,
    ];
    for (const stranger of strangers) {
      const error = await rejectionOf(
        createFeature({
          actor: admin,
          instanceId: home.id,
          kind: "ring_group",
          input: ringGroup("420", [ownSeat.seat.id, stranger]),
        }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).field).toBe("members");
    }
    const group = await createFeature({
      actor: admin,
      instanceId: home.id,
      kind: "ring_group",
      input: ringGroup("421", [ownSeat.seat.id]),
    });
    for (const stranger of strangers) {
      const error = await rejectionOf(
        updateFeature({
          actor: admin,
          instanceId: home.id,
          featureId: group.id,
          kind: "ring_group",
          input: ringGroup("421", [stranger]),
        }),
      );
      expect((error as ConflictError).field).toBe("members");
    }
    const [row] = await getDb().select().from(features).where(eq(features.id, group.id));
    expect(row!.settings.members).toEqual([ownSeat.seat.id]);
  });
});

describe("assigning features to a seat", () => {
  it("refuses another account's feature and a seat of another instance or account", async () => {
    const home = await insertTestInstance(admin.accountId);
    const sibling = await insertTestInstance(admin.accountId);
    const foreign = await insertTestInstance(otherAdmin.accountId);
    const ownSeat = await insertTestSeat(admin.accountId, home.id);
    const siblingSeat = await insertTestSeat(admin.accountId, sibling.id);
    const foreignSeat = await insertTestSeat(otherAdmin.accountId, foreign.id);
    const ownSpare = await device(admin, home.id, "Spare here");
    const foreignSpare = await device(otherAdmin, foreign.id, "Spare there");
    const assign = (seatId: string, featureIds: string[]) =>
      getDb().transaction((tx) =>
        assignFeaturesToSeat(tx, {
          accountId: admin.accountId,
          instanceId: home.id,
          seatId,
          featureIds,
        }),
      );
    expect((await rejectionOf(assign(ownSeat.seat.id, [foreignSpare.id]))).message).toBe(
      "A chosen feature no longer exists.",
    );
    for (const seatId of [siblingSeat.seat.id, foreignSeat.seat.id]) {
      expect(await rejectionOf(assign(seatId, [ownSpare.id]))).toBeInstanceOf(NotFoundError);
    }
    // A feature created for a seat must be created in the seat's instance.
    const wrongSeat = await rejectionOf(
      insertFeature(getDb(), {
        accountId: admin.accountId,
        instanceId: home.id,
        kind: "device",
        input: { name: "Misplaced", deviceKind: "mobile" },
        seatId: siblingSeat.seat.id,
      }),
    );
    expect(wrongSeat).toBeInstanceOf(NotFoundError);
    const spares = await getDb()
      .select({ seatId: features.seatId })
      .from(features)
      .where(eq(features.name, "Spare there"));
    expect(spares).toEqual([{ seatId: null }]);
  });
});

describe("a seat's extension shared with its voicemail box", () => {
  async function seatWithMailbox(extension: string) {
    const instance = await insertTestInstance(admin.accountId);
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "phone_number",
      input: { number: `+1212555${extension.padStart(4, "0")}`, label: "", callerIdName: "" },
    });
    const template = await createStandardUserTemplate(getDb(), { accountId: admin.accountId });
    const userName = uniqueName("shared");
    const draftId = await stashUserForm({
      actor: admin,
      values: { userName },
      wizard: { instanceId: instance.id, step: "template" },
    });
    await chooseSeatTemplate({ actor: admin, draftId, templateId: template.id });
    await setSeatAttributes({
      actor: admin,
      draftId,
      attributes: { extension, voicemailPin: "4321", ringSeconds: "20", forwardNumber: "" },
    });
    const { plan } = await previewSeat({ actor: admin, draftId });
    await finishSeatTemplate({ actor: admin, draftId, templateVersion: plan.template.version });
    await createUser({ actor: admin, input: userInput({ userName }), draftId });
    const [mailbox] = await getDb()
      .select()
      .from(features)
      .where(eq(features.instanceId, instance.id))
      .then((rows) => rows.filter((row) => row.kind === "voicemail_box"));
    return { instance, mailbox: mailbox!, userName };
  }

  const claimsOf = (instanceId: string) =>
    getDb()
      .select({
        extension: instanceExtensions.extension,
        ownerKind: instanceExtensions.ownerKind,
      })
      .from(instanceExtensions)
      .where(eq(instanceExtensions.instanceId, instanceId));

  it("stays the seat's when the voicemail box is deleted", async () => {
    const { instance, mailbox, userName } = await seatWithMailbox("510");
    const { usage } = await getFeature({
      actor: admin,
      instanceId: instance.id,
      featureId: mailbox.id,
    });
    await deleteFeature({
      actor: admin,
      instanceId: instance.id,
      featureId: mailbox.id,
      confirmedUsage: usage,
    });
    expect(await claimsOf(instance.id)).toEqual([{ extension: "510", ownerKind: "seat" }]);
    const error = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId: instance.id,
        kind: "conference_room",
        input: room("510"),
      }),
    );
    expect(error.message).toBe(`Extension 510 is already used by the seat of ${userName}.`);
  });

  it("stays the seat's when the voicemail box is given another number", async () => {
    const { instance, mailbox, userName } = await seatWithMailbox("520");
    await updateFeature({
      actor: admin,
      instanceId: instance.id,
      featureId: mailbox.id,
      kind: "voicemail_box",
      input: { mailboxNumber: "521", pin: "", notificationEmail: "" },
    });
    const claims = await claimsOf(instance.id);
    expect(claims).toHaveLength(2);
    expect(claims).toEqual(
      expect.arrayContaining([
        { extension: "520", ownerKind: "seat" },
        { extension: "521", ownerKind: "voicemail_box" },
      ]),
    );
    const error = await rejectionOf(
      createFeature({
        actor: admin,
        instanceId: instance.id,
        kind: "ring_group",
        input: ringGroup("520", []),
      }),
    );
    expect(error.message).toBe(`Extension 520 is already used by the seat of ${userName}.`);
  });
});

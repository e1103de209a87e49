import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  accountActivity,
  features,
  instanceExtensions,
  seats,
  templates,
  userFormDrafts,
  users,
} from "../../db/schema";
import {
  createTestAccount,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { delegateOf, insertTestInstance } from "../features/feature-test-fixtures";
import { insertFeature } from "../features/insert-feature";
import { createStandardUserTemplate } from "../templates/standard-user-template";
import { createUser } from "../users/create-user";
import { deleteUser } from "../users/delete-user";
import { listUserSeats } from "./list-user-seats";
import { previewSeat } from "./load-seat-wizard";
import { stashUserForm } from "./stash-user-form";
import {
  addPendingSpares,
  chooseSeatTemplate,
  finishSeatTemplate,
  setSeatAttributes,
} from "./update-seat-wizard";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let templateId: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  templateId = (await createStandardUserTemplate(getDb(), { accountId: admin.accountId })).id;
});

async function instanceWithSpareNumbers(count: number) {
  const instance = await insertTestInstance(admin.accountId);
  for (let index = 0; index < count; index++) {
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "phone_number",
      input: {
        number: `+1212555${String(Math.floor(Math.random() * 9000) + 1000)}`,
        label: "",
        callerIdName: "",
      },
    });
  }
  return instance;
}

/** The wizard as the pages drive it: stash the form, template, attributes, Finish. */
async function draftWithTemplateSeat(
  instanceId: string,
  values: Record<string, string>,
  extension: string,
) {
  const draftId = await stashUserForm({
    actor: admin,
    values,
    wizard: { instanceId, step: "template" },
  });
  await chooseSeatTemplate({ actor: admin, draftId, templateId });
  await setSeatAttributes({
    actor: admin,
    draftId,
    attributes: { extension, voicemailPin: "4321", ringSeconds: "25", forwardNumber: "" },
  });
  const { plan } = await previewSeat({ actor: admin, draftId });
  expect(plan.problems).toEqual([]);
  await finishSeatTemplate({ actor: admin, draftId, templateVersion: plan.template.version });
  return draftId;
}

function formValues(userName: string) {
  return {
    userName,
    firstName: "Ada",
    lastName: "Lovelace",
    email: `${userName}@example.test`,
    newPassword: "never stored",
  };
}

const featuresOf = (instanceId: string) =>
  getDb().select().from(features).where(eq(features.instanceId, instanceId));

describe("a seat from a template", () => {
  it("is created with the user in one Save: features, spare number, extension, call flow", async () => {
    const instance = await instanceWithSpareNumbers(2);
    const userName = uniqueName("ada");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "201");
    const [draft] = await getDb()
      .select()
      .from(userFormDrafts)
      .where(eq(userFormDrafts.id, draftId));
    expect(draft!.values.newPassword).toBeUndefined();

    const user = await createUser({
      actor: admin,
      input: userInput({ userName, firstName: "Ada", lastName: "Lovelace" }),
      draftId,
    });
    const [seat] = await listUserSeats({ actor: admin, userId: user.id });
    expect(seat).toMatchObject({
      instanceId: instance.id,
      extension: "201",
      templateName: "Standard User",
      templateVersion: 1,
    });
    expect(seat!.features.map((feature) => feature.kind).sort()).toEqual([
      "device",
      "phone_number",
      "voicemail_box",
    ]);
    expect(seat!.features.find((feature) => feature.kind === "device")!.name).toBe(
      "Ada Lovelace softphone",
    );
    expect(seat!.callFlow).toEqual([
      { type: "ring_devices", seconds: 25 },
      { type: "voicemail", mailboxNumber: "201" },
    ]);
    const claims = await getDb()
      .select()
      .from(instanceExtensions)
      .where(eq(instanceExtensions.instanceId, instance.id));
    expect(claims.map((claim) => claim.extension)).toEqual(["201"]);
    expect(
      await getDb().select().from(userFormDrafts).where(eq(userFormDrafts.id, draftId)),
    ).toEqual([]);
    const activity = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(eq(accountActivity.targetUserId, user.id), eq(accountActivity.kind, "seat.created")),
      );
    expect(activity).toHaveLength(1);
  });

  it("leaves nothing behind when the last step fails (no spare number left)", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const userName = uniqueName("grace");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "301");
    // Someone takes the last spare number after the preview: the seat's last insert fails.
    await getDb()
      .update(features)
      .set({ seatId: null, name: "taken" })
      .where(eq(features.instanceId, instance.id));
    await getDb().delete(features).where(eq(features.instanceId, instance.id));
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).field).toBe("seats");
    expect(error.message).toMatch(/no spare phone number left/);
    expect(await getDb().select().from(users).where(eq(users.userName, userName))).toEqual([]);
    expect(await featuresOf(instance.id)).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(instanceExtensions)
        .where(eq(instanceExtensions.instanceId, instance.id)),
    ).toEqual([]);
    // The draft survives, so the form still has its seat for another try.
    expect(
      await getDb().select().from(userFormDrafts).where(eq(userFormDrafts.id, draftId)),
    ).toHaveLength(1);
  });

  it("refuses the Save when the extension was taken meanwhile, naming what uses it", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const userName = uniqueName("alan");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "401");
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "conference_room",
      input: { name: "Board room", extension: "401", pin: "1234", maxParticipants: "10" },
    });
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/401.*Board room/);
    // A preview made now says so before anyone presses Save.
    const again = await stashUserForm({
      actor: admin,
      values: formValues(userName),
      wizard: { instanceId: instance.id, step: "template" },
    });
    await chooseSeatTemplate({ actor: admin, draftId: again, templateId });
    await setSeatAttributes({
      actor: admin,
      draftId: again,
      attributes: { extension: "401", voicemailPin: "4321" },
    });
    const { plan } = await previewSeat({ actor: admin, draftId: again });
    expect(plan.problems).toContain("Extension 401 is already used by conference room Board room.");
    expect(await getDb().select().from(users).where(eq(users.userName, userName))).toEqual([]);
    const left = await featuresOf(instance.id);
    expect(left.map((feature) => [feature.kind, feature.seatId])).toEqual(
      expect.arrayContaining([
        ["phone_number", null],
        ["conference_room", null],
      ]),
    );
    expect(left).toHaveLength(2);
  });

  it("refuses a template changed since the preview", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const userName = uniqueName("edsger");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "501");
    await getDb()
      .update(templates)
      .set({ version: sql`${templates.version} + 1` })
      .where(eq(templates.id, templateId));
    try {
      const error = await rejectionOf(
        createUser({ actor: admin, input: userInput({ userName }), draftId }),
      );
      expect(error.message).toMatch(/changed since it was applied/);
    } finally {
      await getDb()
        .update(templates)
        .set({ version: sql`${templates.version} - 1` })
        .where(eq(templates.id, templateId));
    }
  });

  it("lets only one of two concurrent Saves take an extension", async () => {
    const instance = await instanceWithSpareNumbers(2);
    const first = uniqueName("one");
    const second = uniqueName("two");
    const drafts = [
      await draftWithTemplateSeat(instance.id, formValues(first), "601"),
      await draftWithTemplateSeat(instance.id, formValues(second), "601"),
    ];
    const results = await Promise.allSettled([
      createUser({ actor: admin, input: userInput({ userName: first }), draftId: drafts[0] }),
      createUser({ actor: admin, input: userInput({ userName: second }), draftId: drafts[1] }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const seatRows = await getDb().select().from(seats).where(eq(seats.instanceId, instance.id));
    expect(seatRows).toHaveLength(1);
  });
});

describe("adding spare features", () => {
  it("puts the chosen spares in the user's seat", async () => {
    const instance = await instanceWithSpareNumbers(2);
    const [spare] = await featuresOf(instance.id);
    const userName = uniqueName("barbara");
    const draftId = await stashUserForm({
      actor: admin,
      values: formValues(userName),
      wizard: { instanceId: instance.id, step: "add" },
    });
    await addPendingSpares({ actor: admin, draftId, featureIds: [spare!.id] });
    const user = await createUser({ actor: admin, input: userInput({ userName }), draftId });
    const [seat] = await listUserSeats({ actor: admin, userId: user.id });
    expect(seat!.features.map((feature) => feature.id)).toEqual([spare!.id]);
  });
});

describe("leaving users", () => {
  it("releases features on delete but keeps phone numbers as spares, and frees the extension", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const userName = uniqueName("ken");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "701");
    const user = await createUser({ actor: admin, input: userInput({ userName }), draftId });
    await deleteUser({ actor: admin, userId: user.id, seatFeatures: "release" });
    const left = await featuresOf(instance.id);
    expect(left.map((feature) => [feature.kind, feature.seatId])).toEqual([["phone_number", null]]);
    expect(
      await getDb()
        .select()
        .from(instanceExtensions)
        .where(eq(instanceExtensions.instanceId, instance.id)),
    ).toEqual([]);
  });

  it("keeps every feature as a spare by default", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const userName = uniqueName("dennis");
    const draftId = await draftWithTemplateSeat(instance.id, formValues(userName), "702");
    const user = await createUser({ actor: admin, input: userInput({ userName }), draftId });
    await deleteUser({ actor: admin, userId: user.id });
    const left = await featuresOf(instance.id);
    expect(left).toHaveLength(3);
    expect(left.every((feature) => feature.seatId === null)).toBe(true);
  });
});

describe("who may use the wizard", () => {
  it("refuses a delegate without Templates: Apply", async () => {
    const instance = await insertTestInstance(admin.accountId);
    const delegate = delegateOf(admin, ["users:create", "instances:view"]);
    const error = await rejectionOf(
      stashUserForm({
        actor: delegate,
        values: {},
        wizard: { instanceId: instance.id, step: "template" },
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
  });

  it("does not show one Administrator's draft to another, nor another account's instance", async () => {
    const instance = await insertTestInstance(admin.accountId);
    const draftId = await stashUserForm({
      actor: admin,
      values: {},
      wizard: { instanceId: instance.id, step: "template" },
    });
    const otherDraft = await rejectionOf(
      chooseSeatTemplate({ actor: otherAdmin, draftId, templateId }),
    );
    expect(otherDraft).toBeInstanceOf(NotFoundError);
    const otherInstance = await rejectionOf(
      stashUserForm({
        actor: otherAdmin,
        values: {},
        wizard: { instanceId: instance.id, step: "template" },
      }),
    );
    expect(otherInstance).toBeInstanceOf(NotFoundError);
  });
});

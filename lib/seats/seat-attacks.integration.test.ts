// Attacks on the seat wizard and the Save that makes seats: other accounts' and other
// Administrators' ids, delegates reaching users they may not manage, drafts whose pending
// seats were tampered with, and Saves that fail part-way.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  features,
  instanceExtensions,
  type PendingSeat,
  seats,
  userFormDrafts,
  users,
} from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { loadPermissions } from "../auth/load-permissions";
import type { PermissionKey } from "../auth/modules";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { insertTestInstance } from "../features/feature-test-fixtures";
import { insertFeature } from "../features/insert-feature";
import { createGroup } from "../groups/create-group";
import { addGroupMember } from "../groups/group-members";
import { createTemplate } from "../templates/create-template";
import { createStandardUserTemplate } from "../templates/standard-user-template";
import { createUser } from "../users/create-user";
import { deleteUser } from "../users/delete-user";
import { getUser } from "../users/find-user";
import { setUserActive } from "../users/set-user-active";
import { updateUser } from "../users/update-user";
import { getUserFormDraft } from "./get-user-form-draft";
import { previewSeat } from "./load-seat-wizard";
import { removePendingSeat } from "./remove-pending-seat";
import { stashUserForm } from "./stash-user-form";
import {
  addPendingSpares,
  chooseSeatTemplate,
  finishSeatTemplate,
  setSeatAttributes,
} from "./update-seat-wizard";

withTestDatabase();

let admin: Actor;
let secondAdmin: Actor;
let otherAdmin: Actor;
let templateId: string;
let otherTemplateId: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const [second] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("admin2"), role: "administrator" },
  ]);
  secondAdmin = actorFor(second!);
  templateId = (await createStandardUserTemplate(getDb(), { accountId: admin.accountId })).id;
  otherTemplateId = (await createStandardUserTemplate(getDb(), { accountId: otherAdmin.accountId }))
    .id;
});

async function signedIn(userId: string): Promise<Actor> {
  const record = await getUser({ actor: admin, userId });
  return { ...actorFor(record), ...(await loadPermissions(userId)) };
}

/** A User of the account whose groups give exactly `permissions`. */
async function userWith(permissions: PermissionKey[]) {
  const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("member") }]);
  if (permissions.length > 0) {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Group"), description: "", permissions },
    });
    await addGroupMember({ actor: admin, groupId: group.id, userName: user!.userName });
  }
  return getUser({ actor: admin, userId: user!.id });
}

async function delegateWith(permissions: PermissionKey[]): Promise<Actor> {
  return signedIn((await userWith(permissions)).id);
}

// Numbers counted up, not drawn at random: two alike would collide in the account.
let nextNumber = 1000;

async function spareNumbers(accountId: string, instanceId: string, count: number) {
  const made = [];
  for (let index = 0; index < count; index++) {
    made.push(
      await insertFeature(getDb(), {
        accountId,
        instanceId,
        kind: "phone_number",
        input: {
          number: `+1212555${nextNumber++}`,
          label: "",
          callerIdName: "",
        },
      }),
    );
  }
  return made;
}

async function instanceWithSpares(count = 1, accountId = admin.accountId) {
  const instance = await insertTestInstance(accountId);
  await spareNumbers(accountId, instance.id, count);
  return instance;
}

const standardAttributes = (extension: string) => ({
  extension,
  voicemailPin: "4321",
  ringSeconds: "25",
  forwardNumber: "",
});

/** The wizard as its pages drive it, ending with the seat on the form's draft. */
async function templateSeatDraft(
  actor: Actor,
  instanceId: string,
  extension: string,
  options: { userId?: string; draftId?: string; values?: Record<string, string> } = {},
) {
  const draftId = await stashUserForm({
    actor,
    values: options.values ?? { userName: uniqueName("form"), firstName: "Ada" },
    userId: options.userId,
    draftId: options.draftId,
    wizard: { instanceId, step: "template" },
  });
  await chooseSeatTemplate({ actor, draftId, templateId });
  await setSeatAttributes({ actor, draftId, attributes: standardAttributes(extension) });
  const { plan } = await previewSeat({ actor, draftId });
  expect(plan.problems).toEqual([]);
  await finishSeatTemplate({ actor, draftId, templateVersion: plan.template.version });
  return draftId;
}

/** A draft of the admin's whose pending seats are exactly `pending` (as if tampered with). */
async function draftHolding(pending: PendingSeat[], owner = admin, userId?: string) {
  const [draft] = await getDb()
    .insert(userFormDrafts)
    .values({
      accountId: owner.accountId,
      ownerId: owner.id,
      userId: userId ?? null,
      values: {},
      seats: pending,
    })
    .returning();
  return draft!.id;
}

const userNamed = (userName: string) =>
  getDb().select().from(users).where(eq(users.userName, userName));
const featuresOf = (instanceId: string) =>
  getDb().select().from(features).where(eq(features.instanceId, instanceId));
const seatsOf = (instanceId: string) =>
  getDb().select().from(seats).where(eq(seats.instanceId, instanceId));
const claimsOf = (instanceId: string) =>
  getDb().select().from(instanceExtensions).where(eq(instanceExtensions.instanceId, instanceId));

describe("a draft's pending seats are checked again at Save", () => {
  it("refuses another account's instance, template or features, creating nothing", async () => {
    const own = await instanceWithSpares(1);
    const foreign = await instanceWithSpares(1, otherAdmin.accountId);
    const [foreignSpare] = await featuresOf(foreign.id);
    const [ownSpare] = await featuresOf(own.id);
    const tampered: PendingSeat[][] = [
      [{ instanceId: foreign.id, attributes: {}, addFeatureIds: [foreignSpare!.id] }],
      [
        {
          instanceId: foreign.id,
          templateId: otherTemplateId,
          templateVersion: 1,
          attributes: standardAttributes("201"),
          addFeatureIds: [],
        },
      ],
      [
        {
          instanceId: own.id,
          templateId: otherTemplateId,
          templateVersion: 1,
          attributes: standardAttributes("201"),
          addFeatureIds: [],
        },
      ],
      [{ instanceId: own.id, attributes: {}, addFeatureIds: [foreignSpare!.id] }],
      [{ instanceId: own.id, attributes: {}, addFeatureIds: [ownSpare!.id, "not-a-uuid"] }],
    ];
    for (const pending of tampered) {
      const userName = uniqueName("tampered");
      const error = await rejectionOf(
        createUser({
          actor: admin,
          input: userInput({ userName }),
          draftId: await draftHolding(pending),
        }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/^Nothing was saved\./);
      expect(await userNamed(userName)).toEqual([]);
    }
    expect((await featuresOf(foreign.id)).map((feature) => feature.seatId)).toEqual([null]);
    expect((await featuresOf(own.id)).map((feature) => feature.seatId)).toEqual([null]);
    expect(await seatsOf(own.id)).toEqual([]);
    expect(await seatsOf(foreign.id)).toEqual([]);
  });

  it("refuses features of another instance of the account and attributes the template refuses", async () => {
    const instance = await instanceWithSpares(1);
    const elsewhere = await instanceWithSpares(1);
    const [elsewhereSpare] = await featuresOf(elsewhere.id);
    const tampered: PendingSeat[] = [
      { instanceId: instance.id, attributes: {}, addFeatureIds: [elsewhereSpare!.id] },
    ];
    const userName = uniqueName("cross");
    const wrongInstance = await rejectionOf(
      createUser({
        actor: admin,
        input: userInput({ userName }),
        draftId: await draftHolding(tampered),
      }),
    );
    expect(wrongInstance.message).toMatch(/belongs to another instance/);
    const badAttributes = await rejectionOf(
      createUser({
        actor: admin,
        input: userInput({ userName }),
        draftId: await draftHolding([
          {
            instanceId: instance.id,
            templateId,
            templateVersion: 1,
            attributes: { extension: "12ab", voicemailPin: "1" },
            addFeatureIds: [],
          },
        ]),
      }),
    );
    expect(badAttributes.message).toMatch(/Nothing was saved.*Extension/);
    const noVersion = await rejectionOf(
      createUser({
        actor: admin,
        input: userInput({ userName }),
        draftId: await draftHolding([
          {
            instanceId: instance.id,
            templateId,
            templateVersion: Number.NaN,
            attributes: standardAttributes("251"),
            addFeatureIds: [],
          },
        ]),
      }),
    );
    expect(noVersion.message).toMatch(/changed since it was applied/);
    expect(await userNamed(userName)).toEqual([]);
    expect(await seatsOf(instance.id)).toEqual([]);
  });
});

describe("another Administrator's draft", () => {
  it("can be neither read, changed, nor saved by a colleague", async () => {
    const instance = await instanceWithSpares(2);
    const draftId = await templateSeatDraft(admin, instance.id, "211");
    const [before] = await getDb()
      .select()
      .from(userFormDrafts)
      .where(eq(userFormDrafts.id, draftId));
    const [spare] = await featuresOf(instance.id);
    const attempts = [
      () => getUserFormDraft({ actor: secondAdmin, draftId }),
      () => previewSeat({ actor: secondAdmin, draftId }),
      () => stashUserForm({ actor: secondAdmin, values: { userName: "x" }, draftId }),
      () =>
        stashUserForm({
          actor: secondAdmin,
          values: {},
          draftId,
          wizard: { instanceId: instance.id, step: "add" },
        }),
      () => removePendingSeat({ actor: secondAdmin, draftId, index: 0 }),
      () => chooseSeatTemplate({ actor: secondAdmin, draftId, templateId }),
      () => setSeatAttributes({ actor: secondAdmin, draftId, attributes: {} }),
      () => finishSeatTemplate({ actor: secondAdmin, draftId, templateVersion: 1 }),
      () => addPendingSpares({ actor: secondAdmin, draftId, featureIds: [spare!.id] }),
      () => createUser({ actor: secondAdmin, input: userInput(), draftId }),
      () => getUserFormDraft({ actor: otherAdmin, draftId }),
      () => createUser({ actor: otherAdmin, input: userInput(), draftId }),
    ];
    // One at a time: a refusal nobody awaits yet would be reported as unhandled.
    for (const attempt of attempts) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    const [after] = await getDb()
      .select()
      .from(userFormDrafts)
      .where(eq(userFormDrafts.id, draftId));
    expect(after).toEqual(before);
    expect(await seatsOf(instance.id)).toEqual([]);
  });
});

describe("delegates", () => {
  it("with Users: Create and Templates: Apply but not Users: Edit add seats to new users only", async () => {
    const delegate = await delegateWith([
      "users:view",
      "users:create",
      "templates:apply",
      "instances:view",
    ]);
    const target = await userWith([]);
    const instance = await instanceWithSpares(2);
    const refused = await rejectionOf(
      stashUserForm({
        actor: delegate,
        values: {},
        userId: target.id,
        wizard: { instanceId: instance.id, step: "template" },
      }),
    );
    expect(refused).toBeInstanceOf(ForbiddenError);
    const draftId = await templateSeatDraft(delegate, instance.id, "221");
    const saveOnExisting = await rejectionOf(
      updateUser({ actor: delegate, userId: target.id, input: editInput(target), draftId }),
    );
    expect(saveOnExisting).toBeInstanceOf(ForbiddenError);
    expect(await seatsOf(instance.id)).toEqual([]);
    const made = await createUser({
      actor: delegate,
      input: userInput({ userName: uniqueName("new") }),
      draftId,
    });
    expect((await seatsOf(instance.id)).map((seat) => seat.userId)).toEqual([made.id]);
  });

  it("may not start a seat for, nor save one onto, a user who can do more than they can", async () => {
    const delegate = await delegateWith([
      "users:view",
      "users:edit",
      "features:edit",
      "templates:apply",
      "instances:view",
    ]);
    const stronger = await userWith(["billing:manage"]);
    const administrator = await getUser({ actor: admin, userId: secondAdmin.id });
    const instance = await instanceWithSpares(2);
    const [spare] = await featuresOf(instance.id);
    for (const target of [stronger, administrator]) {
      for (const step of ["add", "template"] as const) {
        const refused = await rejectionOf(
          stashUserForm({
            actor: delegate,
            values: {},
            userId: target.id,
            wizard: { instanceId: instance.id, step },
          }),
        );
        expect(refused).toBeInstanceOf(ForbiddenError);
      }
      // A draft made for someone they may manage does not carry over to someone they may not.
      const draftId = await draftHolding(
        [{ instanceId: instance.id, attributes: {}, addFeatureIds: [spare!.id] }],
        delegate,
      );
      const save = await rejectionOf(
        updateUser({ actor: delegate, userId: target.id, input: editInput(target), draftId }),
      );
      expect(save).toBeInstanceOf(ForbiddenError);
    }
    expect(await seatsOf(instance.id)).toEqual([]);
    expect((await featuresOf(instance.id)).every((feature) => feature.seatId === null)).toBe(true);
  });

  it("need Features: Edit to add spares and Templates: Apply to apply a template, at Save too", async () => {
    const instance = await instanceWithSpares(2);
    const [spare] = await featuresOf(instance.id);
    const noFeatures = await delegateWith(["users:create", "templates:apply", "instances:view"]);
    const noApply = await delegateWith(["users:create", "features:edit", "instances:view"]);
    const addDraft = await draftHolding(
      [{ instanceId: instance.id, attributes: {}, addFeatureIds: [spare!.id] }],
      noFeatures,
    );
    expect(
      await rejectionOf(createUser({ actor: noFeatures, input: userInput(), draftId: addDraft })),
    ).toBeInstanceOf(ForbiddenError);
    const templateDraft = await draftHolding(
      [
        {
          instanceId: instance.id,
          templateId,
          templateVersion: 1,
          attributes: standardAttributes("231"),
          addFeatureIds: [],
        },
      ],
      noApply,
    );
    expect(
      await rejectionOf(createUser({ actor: noApply, input: userInput(), draftId: templateDraft })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await seatsOf(instance.id)).toEqual([]);
  });

  it("need Features: Delete to release a leaving user's features; nothing changes without it", async () => {
    const delegate = await delegateWith([
      "users:view",
      "users:delete",
      "users:inactivate",
      "features:edit",
    ]);
    const instance = await instanceWithSpares(1);
    const userName = uniqueName("leaving");
    const draftId = await templateSeatDraft(admin, instance.id, "241", { values: { userName } });
    const leaving = await createUser({ actor: admin, input: userInput({ userName }), draftId });
    const before = await featuresOf(instance.id);
    for (const attempt of [
      () => deleteUser({ actor: delegate, userId: leaving.id, seatFeatures: "release" }),
      () =>
        setUserActive({
          actor: delegate,
          userId: leaving.id,
          active: false,
          seatFeatures: "release",
        }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(ForbiddenError);
    }
    expect(await userNamed(userName)).toMatchObject([{ active: true }]);
    expect(await featuresOf(instance.id)).toEqual(before);
    expect(await seatsOf(instance.id)).toHaveLength(1);
    await deleteUser({ actor: delegate, userId: leaving.id, seatFeatures: "keep" });
    expect((await featuresOf(instance.id)).every((feature) => feature.seatId === null)).toBe(true);
  });
});

describe("a draft belongs to one user form", () => {
  it("is not saved onto another user than the one it was made for", async () => {
    const instance = await instanceWithSpares(1);
    const [first, second] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("first") },
      { userName: uniqueName("second") },
    ]);
    const draftId = await templateSeatDraft(admin, instance.id, "261", { userId: first!.id });
    const secondRecord = await getUser({ actor: admin, userId: second!.id });
    const error = await rejectionOf(
      updateUser({ actor: admin, userId: second!.id, input: editInput(secondRecord), draftId }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await seatsOf(instance.id)).toEqual([]);
    // Nor is the form of one user's draft switched to another's by stashing it again.
    const switched = await rejectionOf(
      stashUserForm({ actor: admin, values: {}, userId: second!.id, draftId }),
    );
    expect(switched).toBeInstanceOf(NotFoundError);
    const [draft] = await getDb()
      .select()
      .from(userFormDrafts)
      .where(eq(userFormDrafts.id, draftId));
    expect(draft!.userId).toBe(first!.id);
  });
});

describe("a Save that fails part-way", () => {
  it("undoes the seats already made when a later seat of the same Save fails", async () => {
    const first = await instanceWithSpares(1);
    const second = await instanceWithSpares(1);
    const userName = uniqueName("two-seats");
    const draftId = await templateSeatDraft(admin, first.id, "271", { values: { userName } });
    await templateSeatDraft(admin, second.id, "272", { values: { userName }, draftId });
    // The second instance's only spare number goes after the preview.
    await getDb().delete(features).where(eq(features.instanceId, second.id));
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await userNamed(userName)).toEqual([]);
    expect(await seatsOf(first.id)).toEqual([]);
    expect((await featuresOf(first.id)).map((feature) => [feature.kind, feature.seatId])).toEqual([
      ["phone_number", null],
    ]);
    expect(await claimsOf(first.id)).toEqual([]);
  });

  it("undoes the user's own changes when their seat cannot be made", async () => {
    const instance = await instanceWithSpares(1);
    const [person] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("edited") }]);
    const record = await getUser({ actor: admin, userId: person!.id });
    const draftId = await templateSeatDraft(admin, instance.id, "281", { userId: person!.id });
    await getDb().delete(features).where(eq(features.instanceId, instance.id));
    const error = await rejectionOf(
      updateUser({
        actor: admin,
        userId: person!.id,
        input: editInput(record, { firstName: "Changed", active: false }),
        draftId,
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await getUser({ actor: admin, userId: person!.id })).toMatchObject({
      firstName: record.firstName,
      active: true,
    });
    expect(await seatsOf(instance.id)).toEqual([]);
  });

  it("undoes everything when a template's own features collide with each other", async () => {
    // Two desk phones with one MAC address: each passes its schema, the second insert fails.
    const template = await createTemplate({
      actor: admin,
      input: {
        name: uniqueName("Twin phones"),
        description: "",
        attributes: [],
        features: [0, 1].map((index) => ({
          kind: "device",
          source: "create" as const,
          fields: {
            name: `Phone ${index}`,
            deviceKind: "desk_phone",
            macAddress: "00:11:22:33:44:55",
          },
        })),
        callFlow: [],
      },
    });
    const instance = await insertTestInstance(admin.accountId);
    const userName = uniqueName("twins");
    const draftId = await draftHolding([
      {
        instanceId: instance.id,
        templateId: template.id,
        templateVersion: template.version,
        attributes: {},
        addFeatureIds: [],
      },
    ]);
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/00:11:22:33:44:55 is already in this account/);
    expect(await userNamed(userName)).toEqual([]);
    expect(await featuresOf(instance.id)).toEqual([]);
    expect(await seatsOf(instance.id)).toEqual([]);
  });

  it("undoes everything when a spare added on the form was taken by another seat meanwhile", async () => {
    const instance = await instanceWithSpares(2);
    const spares = await featuresOf(instance.id);
    const userName = uniqueName("late");
    const draftId = await stashUserForm({
      actor: admin,
      values: { userName },
      wizard: { instanceId: instance.id, step: "add" },
    });
    await addPendingSpares({ actor: admin, draftId, featureIds: spares.map((spare) => spare.id) });
    const taker = await createUser({
      actor: admin,
      input: userInput(),
      draftId: await draftHolding([
        { instanceId: instance.id, attributes: {}, addFeatureIds: [spares[1]!.id] },
      ]),
    });
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error.message).toMatch(/no longer spare/);
    expect(await userNamed(userName)).toEqual([]);
    const after = await getDb()
      .select({ id: features.id, seatId: features.seatId })
      .from(features)
      .where(inArray(features.id, [spares[0]!.id, spares[1]!.id]));
    const [takerSeat] = await getDb()
      .select()
      .from(seats)
      .where(and(eq(seats.instanceId, instance.id), eq(seats.userId, taker.id)));
    expect(Object.fromEntries(after.map((row) => [row.id, row.seatId]))).toEqual({
      [spares[0]!.id]: null,
      [spares[1]!.id]: takerSeat!.id,
    });
  });
});

describe("call flow values from attributes", () => {
  it("send calls only to a mailbox the instance has", async () => {
    const template = await createTemplate({
      actor: admin,
      input: {
        name: uniqueName("Shared mailbox"),
        description: "",
        attributes: [
          {
            key: "mailbox",
            label: "Mailbox",
            type: "text",
            required: true,
            defaultValue: "",
            pattern: "",
            helpText: "",
            options: [],
          },
        ],
        features: [],
        callFlow: [{ type: "voicemail", value: "{{mailbox}}" }],
      },
    });
    const instance = await insertTestInstance(admin.accountId);
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "voicemail_box",
      input: { mailboxNumber: "800", pin: "1234", notificationEmail: "" },
    });
    const planFor = async (mailbox: string) => {
      const draftId = await stashUserForm({
        actor: admin,
        values: {},
        wizard: { instanceId: instance.id, step: "template" },
      });
      await chooseSeatTemplate({ actor: admin, draftId, templateId: template.id });
      await setSeatAttributes({ actor: admin, draftId, attributes: { mailbox } });
      return (await previewSeat({ actor: admin, draftId })).plan;
    };
    const shared = await planFor("800");
    expect(shared.problems).toEqual([]);
    expect(shared.callFlow).toEqual([{ type: "voicemail", mailboxNumber: "800" }]);
    for (const mailbox of ["801", "<b>anything</b>", "8".repeat(400)]) {
      const plan = await planFor(mailbox);
      expect(plan.problems.join(" ")).toMatch(/Call flow step 1: .* no voicemail box/);
      expect(plan.callFlow).toEqual([]);
    }
  });
});

describe("drafts", () => {
  it("are kept to the newest twenty of each owner, however many forms are started", async () => {
    const [row] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("looper"), role: "administrator" },
    ]);
    const looper = actorFor(row!);
    const instance = await insertTestInstance(admin.accountId);
    const made: string[] = [];
    for (let index = 0; index < 25; index++) {
      made.push(
        await stashUserForm({
          actor: looper,
          values: { userName: `form${index}`, address: "x".repeat(10_000) },
          wizard: { instanceId: instance.id, step: "template" },
        }),
      );
    }
    const left = await getDb()
      .select({ id: userFormDrafts.id })
      .from(userFormDrafts)
      .where(eq(userFormDrafts.ownerId, looper.id));
    expect(left.map((draft) => draft.id).sort()).toEqual(made.slice(-20).sort());
    // The oldest left is still in use: stashed again, it becomes the newest and stays.
    await stashUserForm({ actor: looper, values: {}, draftId: made[5]! });
    await stashUserForm({ actor: looper, values: {} });
    expect(await getUserFormDraft({ actor: looper, draftId: made[5]! })).toBeDefined();
    expect(
      await rejectionOf(getUserFormDraft({ actor: looper, draftId: made[6]! })),
    ).toBeInstanceOf(NotFoundError);
  });
});

import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as seatRoute from "../../../app/api/v1/users/[id]/seats/[seatId]/route";
import * as seatsRoute from "../../../app/api/v1/users/[id]/seats/route";
import { getDb } from "../../../db/client";
import { accountActivity, features, seats, templates } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, createTestUser, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { insertTestInstance, insertTestSeat } from "../../features/feature-test-fixtures";
import { insertFeature } from "../../features/insert-feature";
import { createStandardUserTemplate } from "../../templates/standard-user-template";

withTestDatabase();

let admin: Actor;
let token: string;
let templateId: string;
let nextNumber = 2000;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Onboarding" }));
  templateId = (await createStandardUserTemplate(getDb(), { accountId: admin.accountId })).id;
});

async function instanceWithSpareNumbers(count: number) {
  const instance = await insertTestInstance(admin.accountId);
  for (let index = 0; index < count; index++) {
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "phone_number",
      input: { number: `+1646555${String(nextNumber++).padStart(4, "0")}` },
    });
  }
  return instance;
}

const newUser = async () =>
  (await createTestUser(admin, { firstName: "Grace", lastName: "Hopper" })).user;

const seatsPath = (userId: string) => `/api/v1/users/${userId}/seats`;

function apply(userId: string, body: Record<string, unknown>, by = token) {
  return callApi(seatsRoute.POST, "POST", seatsPath(userId), {
    token: by,
    params: { id: userId },
    body,
  });
}

const attributes = { extension: "301", voicemailPin: "8642" };

/** What the failed request must not leave behind: no seat, no feature given to one. */
async function nothingMadeIn(instanceId: string) {
  expect(await getDb().select().from(seats).where(eq(seats.instanceId, instanceId))).toEqual([]);
  const owned = await getDb()
    .select()
    .from(features)
    .where(and(eq(features.instanceId, instanceId), isNotNull(features.seatId)));
  expect(owned).toEqual([]);
}

describe("POST /api/v1/users/{id}/seats", () => {
  it("applies the template in one go: features, the spare number, extension, call flow", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const created = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      attributes: { ...attributes, ringSeconds: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      userId: user.id,
      instanceId: instance.id,
      instanceName: instance.name,
      extension: "301",
      templateId,
      templateName: "Standard User",
      templateVersion: 1,
      olderVersion: false,
      callFlow: [
        { type: "ring_devices", seconds: 30 },
        { type: "voicemail", mailboxNumber: "301" },
      ],
    });
    expect(
      created.json.features.map((feature: { kind: string; name: string }) => feature.kind).sort(),
    ).toEqual(["device", "phone_number", "voicemail_box"]);
    expect(created.json.features).toContainEqual(
      expect.objectContaining({ kind: "device", name: "Grace Hopper softphone" }),
    );
    expect(created.headers.get("location")).toBe(`${seatsPath(user.id)}/${created.json.id}`);

    const one = await callApi(seatRoute.GET, "GET", `${seatsPath(user.id)}/${created.json.id}`, {
      token,
      params: { id: user.id, seatId: created.json.id },
    });
    expect(one.json).toEqual(created.json);
    expect(one.headers.get("etag")).toBe(created.headers.get("etag"));
    const list = await callApi(seatsRoute.GET, "GET", seatsPath(user.id), {
      token,
      params: { id: user.id },
    });
    expect(list.json).toEqual({ data: [created.json], nextCursor: null });

    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(eq(accountActivity.kind, "seat.created"), eq(accountActivity.targetUserId, user.id)),
      );
    expect(activity).toMatchObject({ actorUserId: admin.id, actorTokenLabel: "Onboarding" });
    expect(activity!.details).toMatchObject({ template: "Standard User", templateVersion: 1 });
  });

  it("names each setup attribute problem by its key, refuses unknown keys, and makes nothing", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const refused = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      attributes: { extension: "12x", voicemailPin: "12", nickname: "Amazing" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual(
      expect.arrayContaining([
        { field: "attributes.extension", message: expect.stringContaining("Extension") },
        { field: "attributes.voicemailPin", message: "Voicemail PIN: 4 to 8 digits." },
        {
          field: "attributes.nickname",
          message: "The template has no setup attribute nickname.",
        },
      ]),
    );
    const missing = await apply(user.id, { instanceId: instance.id, templateId });
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toContainEqual({
      field: "attributes.voicemailPin",
      message: "Enter Voicemail PIN.",
    });
    await nothingMadeIn(instance.id);
  });

  it("refuses unknown body fields and ids that name nothing of the account", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const extra = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      attributes,
      seatId: "x",
    });
    expect(extra.status).toBe(422);
    expect(extra.json.errors).toContainEqual({
      field: "seatId",
      message: 'Unknown field "seatId".',
    });
    const other = await createTestAccount();
    const foreignInstance = await insertTestInstance(other.account.id);
    const foreign = await apply(user.id, {
      instanceId: foreignInstance.id,
      templateId,
      attributes,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors[0].field).toBe("instanceId");
    const noTemplate = await apply(user.id, {
      instanceId: instance.id,
      templateId: crypto.randomUUID(),
      attributes,
    });
    expect(noTemplate.status).toBe(422);
    expect(noTemplate.json.errors[0].field).toBe("templateId");
    await nothingMadeIn(instance.id);
  });

  it("answers 409 and makes nothing when the instance has no spare number left", async () => {
    const instance = await instanceWithSpareNumbers(0);
    const user = await newUser();
    const refused = await apply(user.id, { instanceId: instance.id, templateId, attributes });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain("no spare phone number left");
    expect(refused.json.errors).toBeUndefined();
    expect(
      await getDb().select().from(features).where(eq(features.instanceId, instance.id)),
    ).toEqual([]);
    await nothingMadeIn(instance.id);
  });

  it("answers 409 when the extension is taken, and when the user already has a seat there", async () => {
    const instance = await instanceWithSpareNumbers(2);
    await insertTestSeat(admin.accountId, instance.id, "555");
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: instance.id,
      kind: "conference_room",
      input: { name: "Board", extension: "556", maxParticipants: 8 },
    });
    const user = await newUser();
    const taken = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      attributes: { ...attributes, extension: "556" },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.detail).toContain("Extension 556 is already used by conference room Board.");
    const userSeats = await getDb().select().from(seats).where(eq(seats.userId, user.id));
    expect(userSeats).toEqual([]);

    expect((await apply(user.id, { instanceId: instance.id, templateId, attributes })).status).toBe(
      201,
    );
    const again = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      attributes: { ...attributes, extension: "302" },
    });
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain("already has a seat in");
  });

  it("answers 409 when the template changed from the version the caller expects", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const [current] = await getDb().select().from(templates).where(eq(templates.id, templateId));
    const refused = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      templateVersion: current!.version + 1,
      attributes,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain("changed since it was applied");
    await nothingMadeIn(instance.id);
    const applied = await apply(user.id, {
      instanceId: instance.id,
      templateId,
      templateVersion: current!.version,
      attributes,
    });
    expect(applied.status).toBe(201);
  });

  it("needs Templates: Apply and Users: Edit, and finds no user of another account", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const noApply = await insertApiToken(admin, {
      scopes: ["users:view", "users:edit", "instances:view"],
    });
    const refused = await apply(
      user.id,
      { instanceId: instance.id, templateId, attributes },
      noApply.token,
    );
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("templates:apply");
    const noEdit = await insertApiToken(admin, { scopes: ["templates:apply", "instances:view"] });
    const refusedEdit = await apply(
      user.id,
      { instanceId: instance.id, templateId, attributes },
      noEdit.token,
    );
    expect(refusedEdit.status).toBe(403);
    expect(refusedEdit.json.permission).toBe("users:edit");

    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    const foreign = await apply(
      user.id,
      { instanceId: instance.id, templateId, attributes },
      otherToken.token,
    );
    expect(foreign.status).toBe(404);
    const foreignList = await callApi(seatsRoute.GET, "GET", seatsPath(user.id), {
      token: otherToken.token,
      params: { id: user.id },
    });
    expect(foreignList.status).toBe(404);
    await nothingMadeIn(instance.id);
  });
});

describe("GET /api/v1/users/{id}/seats", () => {
  it("lists a user without seats as empty, and answers 404 for a seat that is not theirs", async () => {
    const user = await newUser();
    const empty = await callApi(seatsRoute.GET, "GET", seatsPath(user.id), {
      token,
      params: { id: user.id },
    });
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ data: [], nextCursor: null });
    const instance = await insertTestInstance(admin.accountId);
    const { seat } = await insertTestSeat(admin.accountId, instance.id);
    const notTheirs = await callApi(seatRoute.GET, "GET", `${seatsPath(user.id)}/${seat.id}`, {
      token,
      params: { id: user.id, seatId: seat.id },
    });
    expect(notTheirs.status).toBe(404);
  });

  it("marks a seat made from an older version of its template", async () => {
    const instance = await instanceWithSpareNumbers(1);
    const user = await newUser();
    const name = uniqueName("Older");
    const [template] = await getDb().select().from(templates).where(eq(templates.id, templateId));
    const [copy] = await getDb()
      .insert(templates)
      .values({ ...template!, id: undefined, name, version: 1 })
      .returning();
    const created = await apply(user.id, {
      instanceId: instance.id,
      templateId: copy!.id,
      attributes,
    });
    expect(created.json.olderVersion).toBe(false);
    await getDb().update(templates).set({ version: 2 }).where(eq(templates.id, copy!.id));
    const list = await callApi(seatsRoute.GET, "GET", seatsPath(user.id), {
      token,
      params: { id: user.id },
    });
    expect(list.json.data[0]).toMatchObject({ templateVersion: 1, olderVersion: true });
  });
});

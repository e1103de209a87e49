import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as featureRoute from "../../../app/api/v1/instances/[id]/features/[featureId]/route";
import * as featuresRoute from "../../../app/api/v1/instances/[id]/features/route";
import { getDb } from "../../../db/client";
import { accountActivity, features, seats } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { insertTestInstance, insertTestSeat } from "../../features/feature-test-fixtures";

withTestDatabase();

let admin: Actor;
let token: string;
let instanceId: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Inventory sync" }));
  instanceId = (await insertTestInstance(admin.accountId)).id;
});

const listPath = (instance = instanceId) => `/api/v1/instances/${instance}/features`;
const itemPath = (featureId: string, instance = instanceId) => `${listPath(instance)}/${featureId}`;
const params = (featureId: string, instance = instanceId) => ({ id: instance, featureId });

let nextNumber = 1000;
const phoneNumber = () => `+1212555${String(nextNumber++).padStart(4, "0")}`;

async function create(body: Record<string, unknown>, instance = instanceId, by = token) {
  return callApi(featuresRoute.POST, "POST", listPath(instance), {
    token: by,
    params: { id: instance },
    body,
  });
}

async function read(featureId: string, instance = instanceId) {
  return callApi(featureRoute.GET, "GET", itemPath(featureId, instance), {
    token,
    params: params(featureId, instance),
  });
}

describe("POST /api/v1/instances/{id}/features", () => {
  it("creates a spare of the kind `kind` names, with the kind's fields as JSON types", async () => {
    const number = phoneNumber();
    const created = await create({
      kind: "phone_number",
      number: `${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5)}`,
      label: "Main line",
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      instanceId,
      kind: "phone_number",
      name: "Main line",
      number,
      label: "Main line",
      callerIdName: "",
      seatId: null,
      assignedTo: null,
      usage: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(created.headers.get("location")).toBe(itemPath(created.json.id));
    const again = await read(created.json.id);
    expect(again.json).toEqual(created.json);
    expect(again.headers.get("etag")).toBe(created.headers.get("etag"));
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetLabel, "Main line"));
    expect(activity).toMatchObject({ kind: "feature.created", actorTokenLabel: "Inventory sync" });
  });

  it("validates with the kind's own schema: numbers as numbers, cross-field rules included", async () => {
    const room = await create({
      kind: "conference_room",
      name: "Board room",
      extension: "701",
      maxParticipants: 12,
    });
    expect(room.status).toBe(201);
    expect(room.json).toMatchObject({ extension: "701", maxParticipants: 12, pin: "" });
    const desk = await create({ kind: "device", name: "Desk", deviceKind: "desk_phone" });
    expect(desk.status).toBe(422);
    expect(desk.json.errors).toEqual([
      { field: "macAddress", message: "Enter the desk phone's MAC address." },
    ]);
    const group = await create({
      kind: "ring_group",
      name: "",
      extension: "7x",
      strategy: "random",
      ringSeconds: 2,
    });
    expect(group.status).toBe(422);
    expect(group.json.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "extension",
      "name",
      "ringSeconds",
      "strategy",
    ]);
  });

  it("refuses an unknown kind, and a field the kind does not have", async () => {
    const unknownKind = await create({ kind: "pager", name: "Beeper" });
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.json.errors[0].field).toBe("kind");
    const noKind = await create({ name: "Beeper" });
    expect(noKind.json.errors[0].field).toBe("kind");
    const foreignField = await create({
      kind: "device",
      name: "Soft",
      deviceKind: "softphone",
      extension: "200",
      seatId: crypto.randomUUID(),
    });
    expect(foreignField.status).toBe(422);
    expect(foreignField.json.errors).toEqual(
      expect.arrayContaining([
        { field: "extension", message: 'Unknown field "extension".' },
        { field: "seatId", message: 'Unknown field "seatId".' },
      ]),
    );
  });

  it("answers 409 on the field for a phone number already in the account or an extension in use", async () => {
    const number = phoneNumber();
    expect((await create({ kind: "phone_number", number })).status).toBe(201);
    const other = await insertTestInstance(admin.accountId);
    const duplicate = await create({ kind: "phone_number", number }, other.id);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.errors[0].field).toBe("number");
    expect(
      (await create({ kind: "voicemail_box", mailboxNumber: "4401", pin: "1234" })).status,
    ).toBe(201);
    const taken = await create({
      kind: "conference_room",
      name: "Huddle",
      extension: "4401",
      maxParticipants: 4,
    });
    expect(taken.status).toBe(409);
    expect(taken.json.errors[0]).toMatchObject({ field: "extension" });
  });

  it("answers 404 for another account's instance, and 403 without Features: Create", async () => {
    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    const foreign = await create(
      { kind: "device", name: "Intruder", deviceKind: "softphone" },
      instanceId,
      otherToken.token,
    );
    expect(foreign.status).toBe(404);
    const viewOnly = await insertApiToken(admin, { scopes: ["features:view"] });
    const refused = await create(
      { kind: "device", name: "Soft", deviceKind: "softphone" },
      instanceId,
      viewOnly.token,
    );
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("features:create");
  });
});

describe("GET /api/v1/instances/{id}/features", () => {
  it("pages by name, filters by kind, shows who has each, and never a PIN", async () => {
    const instance = await insertTestInstance(admin.accountId);
    for (const name of ["Cedar", "ash", "Birch"]) {
      await create({ kind: "device", name, deviceKind: "softphone" }, instance.id);
    }
    await create({ kind: "voicemail_box", mailboxNumber: "300", pin: "9876" }, instance.id);
    const { seat, user } = await insertTestSeat(admin.accountId, instance.id);
    await getDb().update(features).set({ seatId: seat.id }).where(eq(features.name, "Birch"));

    const devices = `${listPath(instance.id)}?kind=device&limit=2`;
    const first = await callApi(featuresRoute.GET, "GET", devices, {
      token,
      params: { id: instance.id },
    });
    expect(first.status).toBe(200);
    expect(first.json.data.map((row: { name: string }) => row.name)).toEqual(["ash", "Birch"]);
    expect(first.json.data[1]).toMatchObject({
      seatId: seat.id,
      assignedTo: { userId: user.id, userName: user.userName },
    });
    const second = await callApi(
      featuresRoute.GET,
      "GET",
      `${devices}&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token, params: { id: instance.id } },
    );
    expect(second.json.data.map((row: { name: string }) => row.name)).toEqual(["Cedar"]);
    expect(second.json.nextCursor).toBeNull();

    const all = await callApi(featuresRoute.GET, "GET", listPath(instance.id), {
      token,
      params: { id: instance.id },
    });
    expect(all.json.data).toHaveLength(4);
    expect(JSON.stringify(all.json)).not.toContain("9876");
    const badKind = await callApi(featuresRoute.GET, "GET", `${listPath(instance.id)}?kind=pager`, {
      token,
      params: { id: instance.id },
    });
    expect(badKind.status).toBe(422);
    expect(badKind.json.errors[0].field).toBe("kind");
  });
});

describe("PATCH /api/v1/instances/{id}/features/{featureId}", () => {
  it("changes only what is sent, keeps a voicemail PIN left out, and refuses a stale If-Match", async () => {
    const box = await create({
      kind: "voicemail_box",
      mailboxNumber: "5501",
      pin: "2468",
      notificationEmail: "ops@example.test",
    });
    const id = box.json.id;
    expect(box.json).not.toHaveProperty("pin");
    const etag = box.headers.get("etag")!;
    const patched = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token,
      params: params(id),
      body: { mailboxNumber: "5502" },
      headers: { "if-match": etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      mailboxNumber: "5502",
      name: "Mailbox 5502",
      notificationEmail: "ops@example.test",
    });
    const [stored] = await getDb().select().from(features).where(eq(features.id, id));
    expect(stored!.settings.pin).toBe("2468");

    const stale = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token,
      params: params(id),
      body: { notificationEmail: "" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    expect((await read(id)).json.notificationEmail).toBe("ops@example.test");
  });

  it("checks the changed feature as its edit form does, and refuses other kinds' fields", async () => {
    const desk = await create({
      kind: "device",
      name: "Reception",
      deviceKind: "desk_phone",
      macAddress: "aa-bb-cc-dd-ee-01",
    });
    expect(desk.json.macAddress).toBe("AA:BB:CC:DD:EE:01");
    const id = desk.json.id;
    const softphone = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token,
      params: params(id),
      body: { deviceKind: "softphone" },
    });
    expect(softphone.status).toBe(422);
    expect(softphone.json.errors[0].field).toBe("macAddress");
    const foreign = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token,
      params: params(id),
      body: { kind: "ring_group", members: [] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "kind",
      "members",
    ]);
    const cleared = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token,
      params: params(id),
      body: { deviceKind: "softphone", macAddress: "" },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toMatchObject({ deviceKind: "softphone", macAddress: "" });
  });

  it("lets exactly one of two writes with the same If-Match through", async () => {
    const room = await create({
      kind: "conference_room",
      name: "Annex",
      extension: "7301",
      maxParticipants: 6,
    });
    const id = room.json.id;
    const etag = room.headers.get("etag")!;
    const results = await Promise.all(
      [8, 9].map((maxParticipants) =>
        callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
          token,
          params: params(id),
          body: { maxParticipants },
          headers: { "if-match": etag },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it("answers 404 through another account and through another instance", async () => {
    const device = await create({ kind: "device", name: "Roamer", deviceKind: "mobile" });
    const id = device.json.id;
    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    const foreign = await callApi(featureRoute.PATCH, "PATCH", itemPath(id), {
      token: otherToken.token,
      params: params(id),
      body: { name: "Mine now" },
    });
    expect(foreign.status).toBe(404);
    const elsewhere = await insertTestInstance(admin.accountId);
    expect((await read(id, elsewhere.id)).status).toBe(404);
  });
});

describe("DELETE /api/v1/instances/{id}/features/{featureId}", () => {
  it("deletes a spare, answering 204 and then 404", async () => {
    const device = await create({ kind: "device", name: "Old softphone", deviceKind: "softphone" });
    const id = device.json.id;
    const deleted = await callApi(featureRoute.DELETE, "DELETE", itemPath(id), {
      token,
      params: params(id),
    });
    expect(deleted.status).toBe(204);
    expect((await read(id)).status).toBe(404);
  });

  it("deletes a feature in use only with If-Match naming the version whose usage was read", async () => {
    const number = await create({ kind: "phone_number", number: phoneNumber(), label: "Direct" });
    const id = number.json.id;
    const { seat, user } = await insertTestSeat(admin.accountId, instanceId);
    await getDb().update(features).set({ seatId: seat.id }).where(eq(features.id, id));

    const unconfirmed = await callApi(featureRoute.DELETE, "DELETE", itemPath(id), {
      token,
      params: params(id),
    });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.json.detail).toContain(`It is assigned to the seat of ${user.userName}.`);
    const stale = await callApi(featureRoute.DELETE, "DELETE", itemPath(id), {
      token,
      params: params(id),
      headers: { "if-match": number.headers.get("etag")! },
    });
    expect(stale.status).toBe(412);

    const current = await read(id);
    expect(current.json.usage).toEqual([`It is assigned to the seat of ${user.userName}.`]);
    const confirmed = await callApi(featureRoute.DELETE, "DELETE", itemPath(id), {
      token,
      params: params(id),
      headers: { "if-match": current.headers.get("etag")! },
    });
    expect(confirmed.status).toBe(204);
    expect(await getDb().select().from(seats).where(eq(seats.id, seat.id))).toHaveLength(1);
    expect((await read(id)).status).toBe(404);
  });

  it("needs Features: Delete", async () => {
    const device = await create({ kind: "device", name: "Kept", deviceKind: "softphone" });
    const viewOnly = await insertApiToken(admin, { scopes: ["features:view"] });
    const refused = await callApi(featureRoute.DELETE, "DELETE", itemPath(device.json.id), {
      token: viewOnly.token,
      params: params(device.json.id),
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("features:delete");
    expect((await read(device.json.id)).status).toBe(200);
  });
});

describe("the kinds' fields", () => {
  it("read back as they were sent, so a GET's fields can be sent again unchanged", async () => {
    const member = await create({
      kind: "device",
      name: uniqueName("Member"),
      deviceKind: "mobile",
    });
    const group = await create({
      kind: "ring_group",
      name: "Support",
      extension: "6600",
      strategy: "in_order",
      members: [member.json.id],
      ringSeconds: "25",
    });
    expect(group.status).toBe(201);
    expect(group.json).toMatchObject({
      strategy: "in_order",
      members: [member.json.id],
      ringSeconds: 25,
    });
    const { name, extension, strategy, members, ringSeconds } = group.json;
    const resent = await callApi(featureRoute.PATCH, "PATCH", itemPath(group.json.id), {
      token,
      params: params(group.json.id),
      body: { name, extension, strategy, members, ringSeconds },
      headers: { "if-match": group.headers.get("etag")! },
    });
    expect(resent.status).toBe(200);
    // Nothing changed, so nothing is recorded.
    const updates = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.kind, "feature.updated"),
          eq(accountActivity.targetLabel, "Support"),
        ),
      );
    expect(updates).toEqual([]);
  });
});

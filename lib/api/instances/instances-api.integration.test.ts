import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as rebuildRoute from "../../../app/api/v1/instances/[id]/rebuild/route";
import * as instanceRoute from "../../../app/api/v1/instances/[id]/route";
import * as instancesRoute from "../../../app/api/v1/instances/route";
import { getDb } from "../../../db/client";
import { accountActivity, jobs } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { insertTestSeat } from "../../features/feature-test-fixtures";
import { insertFeature } from "../../features/insert-feature";

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Provisioning bot" }));
});

const newInstanceBody = () => ({ name: uniqueName("Site"), region: "eu-west" });

async function createInstance(body: Record<string, unknown> = newInstanceBody(), by = token) {
  const created = await callApi(instancesRoute.POST, "POST", "/api/v1/instances", {
    token: by,
    body,
  });
  expect(created.status).toBe(201);
  return created;
}

const path = (id: string) => `/api/v1/instances/${id}`;

describe("POST /api/v1/instances", () => {
  it("creates an instance with the form's names, answers 201 with it, and names the token in activity", async () => {
    const body = { ...newInstanceBody(), notes: "  Head office  " };
    const created = await createInstance(body);
    expect(created.json).toMatchObject({
      name: body.name,
      region: "eu-west",
      notes: "Head office",
      status: "active",
      lastRebuiltAt: null,
      featureTotal: 0,
      seatCount: 0,
    });
    expect(created.json.featureCounts).toMatchObject({ phone_number: 0, voicemail_box: 0 });
    expect(created.headers.get("location")).toBe(path(created.json.id));
    const read = await callApi(instanceRoute.GET, "GET", path(created.json.id), {
      token,
      params: { id: created.json.id },
    });
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, admin.accountId),
          eq(accountActivity.targetLabel, body.name),
        ),
      );
    expect(activity).toMatchObject({
      kind: "instance.created",
      actorUserId: admin.id,
      actorTokenLabel: "Provisioning bot",
    });
  });

  it("answers field errors as the form does, and refuses unknown fields", async () => {
    const refused = await callApi(instancesRoute.POST, "POST", "/api/v1/instances", {
      token,
      body: { name: "", region: "mars", status: "failed" },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors).toEqual(
      expect.arrayContaining([
        { field: "name", message: "Enter an instance name." },
        { field: "region", message: "Choose a region from the list." },
        { field: "status", message: 'Unknown field "status".' },
      ]),
    );
  });

  it("answers 409 naming the field to a name in use, whatever its letter case", async () => {
    const created = await createInstance();
    const again = await callApi(instancesRoute.POST, "POST", "/api/v1/instances", {
      token,
      body: { name: created.json.name.toUpperCase(), region: "us-east" },
    });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([
      { field: "name", message: "An instance with this name already exists." },
    ]);
  });
});

describe("GET /api/v1/instances", () => {
  it("pages by name with a cursor and a limit", async () => {
    const { admin: owner } = await createTestAccount();
    const own = await insertApiToken(owner);
    for (const name of ["Charlie", "alpha", "Bravo"]) {
      await createInstance({ name, region: "us-east" }, own.token);
    }
    const first = await callApi(instancesRoute.GET, "GET", "/api/v1/instances?limit=2", {
      token: own.token,
    });
    expect(first.status).toBe(200);
    expect(first.json.data.map((row: { name: string }) => row.name)).toEqual(["alpha", "Bravo"]);
    expect(first.json.data[0]).toEqual({
      id: expect.any(String),
      name: "alpha",
      region: "us-east",
      status: "active",
      lastRebuiltAt: null,
    });
    const second = await callApi(
      instancesRoute.GET,
      "GET",
      `/api/v1/instances?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token: own.token },
    );
    expect(second.json.data.map((row: { name: string }) => row.name)).toEqual(["Charlie"]);
    expect(second.json.nextCursor).toBeNull();
    const unknown = await callApi(instancesRoute.GET, "GET", "/api/v1/instances?sort=name", {
      token: own.token,
    });
    expect(unknown.status).toBe(422);
  });

  it("refuses a token without Instances: View, even an Administrator's", async () => {
    const usersOnly = await insertApiToken(admin, { scopes: ["users:view"] });
    const refused = await callApi(instancesRoute.GET, "GET", "/api/v1/instances", {
      token: usersOnly.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("instances:view");
  });
});

describe("GET /api/v1/instances/{id}", () => {
  it("shows the feature counts by kind and the seat count, as the details page does", async () => {
    const created = await createInstance();
    const id = created.json.id;
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: id,
      kind: "device",
      input: { name: "Lobby phone", deviceKind: "softphone" },
    });
    await insertTestSeat(admin.accountId, id);
    const read = await callApi(instanceRoute.GET, "GET", path(id), { token, params: { id } });
    expect(read.json).toMatchObject({ featureTotal: 1, seatCount: 1 });
    expect(read.json.featureCounts).toMatchObject({ device: 1, phone_number: 0 });
    expect(read.headers.get("etag")).not.toBe(created.headers.get("etag"));
  });

  it("answers 404 for another account's instance and for an id that is not one", async () => {
    const created = await createInstance();
    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    const seen = await callApi(instanceRoute.GET, "GET", path(created.json.id), {
      token: otherToken.token,
      params: { id: created.json.id },
    });
    expect(seen.status).toBe(404);
    const patched = await callApi(instanceRoute.PATCH, "PATCH", path(created.json.id), {
      token: otherToken.token,
      params: { id: created.json.id },
      body: { name: "Taken over" },
    });
    expect(patched.status).toBe(404);
    const junk = await callApi(instanceRoute.GET, "GET", path("not-an-id"), {
      token,
      params: { id: "not-an-id" },
    });
    expect(junk.status).toBe(404);
  });
});

describe("PATCH /api/v1/instances/{id}", () => {
  it("changes only what is sent, and refuses a stale If-Match with 412", async () => {
    const created = await createInstance({ ...newInstanceBody(), notes: "Keep me" });
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const patched = await callApi(instanceRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { region: "us-west" },
      headers: { "if-match": etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      region: "us-west",
      notes: "Keep me",
      name: created.json.name,
    });
    expect(patched.headers.get("etag")).not.toBe(etag);
    const stale = await callApi(instanceRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { notes: "Overwritten" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const read = await callApi(instanceRoute.GET, "GET", path(id), { token, params: { id } });
    expect(read.json.notes).toBe("Keep me");
    expect(read.headers.get("etag")).toBe(patched.headers.get("etag"));
  });

  it("lets exactly one of two writes with the same If-Match through", async () => {
    const created = await createInstance();
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const results = await Promise.all(
      ["First", "Second"].map((notes) =>
        callApi(instanceRoute.PATCH, "PATCH", path(id), {
          token,
          params: { id },
          body: { notes },
          headers: { "if-match": etag },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it("refuses status changes and other unknown fields, and invalid values", async () => {
    const created = await createInstance();
    const id = created.json.id;
    const refused = await callApi(instanceRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { status: "active", name: "" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "name",
      "status",
    ]);
  });
});

describe("POST /api/v1/instances/{id}/rebuild", () => {
  it("starts a rebuild (202 with the instance rebuilding), then answers 409 while it runs", async () => {
    const created = await createInstance();
    const id = created.json.id;
    const started = await callApi(rebuildRoute.POST, "POST", `${path(id)}/rebuild`, {
      token,
      params: { id },
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({
      id,
      status: "rebuilding",
      rebuildRequestedBy: admin.id,
      rebuildRequestedAt: expect.any(String),
    });
    const queued = await getDb()
      .select()
      .from(jobs)
      .where(eq(jobs.kind, "provisioning.request_rebuild"));
    expect(queued.some((job) => job.payload.instanceId === id)).toBe(true);

    const again = await callApi(rebuildRoute.POST, "POST", `${path(id)}/rebuild`, {
      token,
      params: { id },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(again.json.detail).toContain("A rebuild of this instance is already running since");
    const requests = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.kind, "instance.rebuild_requested"),
          eq(accountActivity.targetLabel, created.json.name),
        ),
      );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.actorTokenLabel).toBe("Provisioning bot");
  });

  it("needs Instances: Rebuild, and refuses fields it does not take", async () => {
    const created = await createInstance();
    const id = created.json.id;
    const viewOnly = await insertApiToken(admin, { scopes: ["instances:view"] });
    const refused = await callApi(rebuildRoute.POST, "POST", `${path(id)}/rebuild`, {
      token: viewOnly.token,
      params: { id },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("instances:rebuild");
    const extra = await callApi(rebuildRoute.POST, "POST", `${path(id)}/rebuild`, {
      token,
      params: { id },
      body: { force: true },
    });
    expect(extra.status).toBe(422);
    const read = await callApi(instanceRoute.GET, "GET", path(id), { token, params: { id } });
    expect(read.json.status).toBe("active");
  });
});

describe("DELETE /api/v1/instances/{id}", () => {
  it("deletes with its features and answers 204, then 404", async () => {
    const created = await createInstance();
    const id = created.json.id;
    await insertFeature(getDb(), {
      accountId: admin.accountId,
      instanceId: id,
      kind: "device",
      input: { name: "Spare softphone", deviceKind: "softphone" },
    });
    const viewOnly = await insertApiToken(admin, { scopes: ["instances:view"] });
    const refused = await callApi(instanceRoute.DELETE, "DELETE", path(id), {
      token: viewOnly.token,
      params: { id },
    });
    expect(refused.status).toBe(403);
    const deleted = await callApi(instanceRoute.DELETE, "DELETE", path(id), {
      token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    const again = await callApi(instanceRoute.GET, "GET", path(id), { token, params: { id } });
    expect(again.status).toBe(404);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as membersRoute from "../../../app/api/v1/groups/[id]/members/route";
import * as groupRoute from "../../../app/api/v1/groups/[id]/route";
import * as groupsRoute from "../../../app/api/v1/groups/route";
import { getDb } from "../../../db/client";
import { accountActivity } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { getGroup } from "../../groups/get-group";
import { addGroupMember } from "../../groups/group-members";
import {
  delegateWith,
  grantThrough,
  insertUser,
  newGroup,
  postGroup as postGroupAs,
} from "./groups-api-support";

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "CI sync" }));
});

const postGroup = (body: unknown = newGroup(), as = token) => postGroupAs(as, body);
const userRow = (prefix?: string) => insertUser(admin, prefix);

describe("POST /api/v1/groups", () => {
  it("creates a group with the form's fields, answers 201 with it, and names the token in activity", async () => {
    const body = newGroup(["groups:view", "users:view", "users:view"]);
    const created = await postGroup(body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: body.name,
      description: "Made by the API",
      // Duplicates dropped, in the registry's order.
      permissions: ["users:view", "groups:view"],
    });
    expect(created.headers.get("location")).toBe(`/api/v1/groups/${created.json.id}`);
    expect(created.headers.get("etag")).toMatch(/^".+"$/);
    const stored = await getGroup({ actor: admin, groupId: created.json.id });
    expect([...stored.permissions].sort()).toEqual(["groups:view", "users:view"]);
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, admin.accountId),
          eq(accountActivity.kind, "group.created"),
          eq(accountActivity.targetLabel, body.name),
        ),
      );
    expect(activity).toMatchObject({ actorUserId: admin.id, actorTokenLabel: "CI sync" });
  });

  it("takes a group without description or permissions", async () => {
    const created = await postGroup({ name: uniqueName("Bare") });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ description: "", permissions: [] });
  });

  it("answers field errors as the form does, and names unknown fields and permissions", async () => {
    const refused = await postGroup({
      name: " ",
      description: "x".repeat(501),
      permissions: ["users:view", "users:fly"],
      accountId: admin.accountId,
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors).toEqual(
      expect.arrayContaining([
        { field: "name", message: "Enter a group name." },
        { field: "description", message: "Use at most 500 characters." },
        { field: "permissions", message: "Unknown permission." },
        { field: "accountId", message: 'Unknown field "accountId".' },
      ]),
    );
  });

  it("answers 409 naming the field for a name in use, in any letter case", async () => {
    const body = newGroup();
    await postGroup(body);
    const again = await postGroup({ ...body, name: body.name.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([
      { field: "name", message: "A group with this name already exists." },
    ]);
  });

  it("refuses a token without Groups: Create, and a delegate granting what they lack", async () => {
    const viewOnly = await insertApiToken(admin, { scopes: ["groups:view"] });
    const refused = await postGroup(newGroup(), viewOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("groups:create");
    const delegate = await delegateWith(admin, ["groups:view", "groups:create", "users:view"]);
    expect((await postGroup(newGroup(["users:view"]), delegate.token)).status).toBe(201);
    const beyond = await postGroup(newGroup(["billing:manage"]), delegate.token);
    expect(beyond.status).toBe(403);
    expect(beyond.json.detail).toContain("Billing: Manage");
  });
});

describe("GET /api/v1/groups", () => {
  it("pages by name with a cursor, each group once", async () => {
    const { admin: owner } = await createTestAccount();
    const ownToken = (await insertApiToken(owner)).token;
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo"];
    for (const name of names) await postGroup({ name }, ownToken);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/groups?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await callApi(groupsRoute.GET, "GET", path, { token: ownToken });
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.data.map((row: { name: string }) => row.name));
      cursor = page.json.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(["Alpha", "Bravo", "charlie", "delta", "echo"]);
  });

  it("shows member counts, and refuses a foreign cursor and a limit over 200", async () => {
    const created = await postGroup();
    await addGroupMember({
      actor: admin,
      groupId: created.json.id,
      userName: (await userRow()).userName,
    });
    const all = await callApi(groupsRoute.GET, "GET", "/api/v1/groups?limit=200", { token });
    expect(all.json.data).toContainEqual({
      id: created.json.id,
      name: created.json.name,
      description: "Made by the API",
      memberCount: 1,
    });
    const badCursor = await callApi(groupsRoute.GET, "GET", "/api/v1/groups?cursor=%%%", {
      token,
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.json.errors[0].field).toBe("cursor");
    const tooMany = await callApi(groupsRoute.GET, "GET", "/api/v1/groups?limit=201", { token });
    expect(tooMany.status).toBe(422);
    const unknown = await callApi(groupsRoute.GET, "GET", "/api/v1/groups?sort=name", { token });
    expect(unknown.status).toBe(422);
  });

  it("does not show or open another account's groups", async () => {
    const other = await createTestAccount();
    const otherToken = (await insertApiToken(other.admin)).token;
    const mine = await postGroup();
    const list = await callApi(groupsRoute.GET, "GET", "/api/v1/groups?limit=200", {
      token: otherToken,
    });
    expect(list.json.data.some((row: { id: string }) => row.id === mine.json.id)).toBe(false);
    const id = mine.json.id;
    for (const [handler, method] of [
      [groupRoute.GET, "GET"],
      [groupRoute.PATCH, "PATCH"],
      [groupRoute.DELETE, "DELETE"],
    ] as const) {
      const answer = await callApi(handler, method, `/api/v1/groups/${id}`, {
        token: otherToken,
        params: { id },
        body: method === "PATCH" ? { name: "Taken over" } : undefined,
      });
      expect(answer.status).toBe(404);
    }
    expect((await getGroup({ actor: admin, groupId: id })).name).toBe(mine.json.name);
  });
});

describe("GET and PATCH /api/v1/groups/{id}", () => {
  it("reads the group with its permissions, under the ETag it was created with", async () => {
    const created = await postGroup(newGroup(["billing:view", "users:edit"]));
    const id = created.json.id;
    const read = await callApi(groupRoute.GET, "GET", `/api/v1/groups/${id}`, {
      token,
      params: { id },
    });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
  });

  it("changes only what is sent, replaces permissions, and refuses a stale If-Match with 412", async () => {
    const created = await postGroup(newGroup(["users:view", "groups:view"]));
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const renamed = uniqueName("Renamed");
    const patched = await callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, {
      token,
      params: { id },
      body: { name: renamed },
      headers: { "if-match": etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: renamed,
      description: "Made by the API",
      permissions: ["users:view", "groups:view"],
    });
    const newTag = patched.headers.get("etag")!;
    expect(newTag).not.toBe(etag);
    const stale = await callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, {
      token,
      params: { id },
      body: { description: "Too late" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const regranted = await callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, {
      token,
      params: { id },
      body: { permissions: ["billing:view"] },
      headers: { "if-match": newTag },
    });
    expect(regranted.status).toBe(200);
    expect(regranted.json).toMatchObject({ name: renamed, permissions: ["billing:view"] });
    expect((await getGroup({ actor: admin, groupId: id })).permissions).toEqual(["billing:view"]);
  });

  it("lets exactly one of two writes with the same If-Match through", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const results = await Promise.all(
      ["First", "Second"].map((description) =>
        callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, {
          token,
          params: { id },
          body: { description },
          headers: { "if-match": etag },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it("keeps the group's ETag when members come and go", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const member = await userRow();
    const added = await callApi(membersRoute.POST, "POST", `/api/v1/groups/${id}/members`, {
      token,
      params: { id },
      body: { userId: member.id },
    });
    expect(added.status).toBe(201);
    const read = await callApi(groupRoute.GET, "GET", `/api/v1/groups/${id}`, {
      token,
      params: { id },
    });
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
  });

  it("answers 422 for field errors and unknown fields, 409 for a name in use", async () => {
    const taken = await postGroup();
    const created = await postGroup();
    const id = created.json.id;
    const patch = (body: unknown) =>
      callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, { token, params: { id }, body });
    const invalid = await patch({ name: "", memberCount: 3 });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors).toEqual(
      expect.arrayContaining([
        { field: "name", message: "Enter a group name." },
        { field: "memberCount", message: 'Unknown field "memberCount".' },
      ]),
    );
    const clash = await patch({ name: taken.json.name });
    expect(clash.status).toBe(409);
  });

  it("refuses a delegate taking actions away from people above them", async () => {
    const delegate = await delegateWith(admin, ["groups:view", "groups:edit", "users:view"]);
    const created = await postGroup(newGroup(["users:view"]));
    const id = created.json.id;
    const boss = await userRow("boss");
    await grantThrough(admin, boss.userName, ["billing:manage"]);
    await addGroupMember({ actor: admin, groupId: id, userName: boss.userName });
    const refused = await callApi(groupRoute.PATCH, "PATCH", `/api/v1/groups/${id}`, {
      token: delegate.token,
      params: { id },
      body: { permissions: [] },
    });
    expect(refused.status).toBe(403);
    expect((await getGroup({ actor: admin, groupId: id })).permissions).toEqual(["users:view"]);
  });
});

describe("DELETE /api/v1/groups/{id}", () => {
  it("deletes and answers 204, then 404; a token without Groups: Delete gets 403", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const editOnly = await insertApiToken(admin, { scopes: ["groups:view", "groups:edit"] });
    const refused = await callApi(groupRoute.DELETE, "DELETE", `/api/v1/groups/${id}`, {
      token: editOnly.token,
      params: { id },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("groups:delete");
    const deleted = await callApi(groupRoute.DELETE, "DELETE", `/api/v1/groups/${id}`, {
      token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    const again = await callApi(groupRoute.GET, "GET", `/api/v1/groups/${id}`, {
      token,
      params: { id },
    });
    expect(again.status).toBe(404);
  });
});

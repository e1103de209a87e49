import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as groupRoute from "../../../app/api/scim/v2/Groups/[id]/route";
import * as groupsRoute from "../../../app/api/scim/v2/Groups/route";
import { getDb } from "../../../db/client";
import { accountActivity, groups } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { createGroup } from "../../groups/create-group";
import { addGroupMember } from "../../groups/group-members";

withTestDatabase();

const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
const patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Okta" }));
});

async function newUsers(n: number, accountId = admin.accountId) {
  return insertTestUsers(
    accountId,
    Array.from({ length: n }, () => ({ userName: uniqueName("scim") })),
  );
}

const post = (body: unknown, as = token) =>
  callApi(groupsRoute.POST, "POST", "/api/scim/v2/Groups", { token: as, body });

const get = (id: string, as = token, search = "") =>
  callApi(groupRoute.GET, "GET", `/api/scim/v2/Groups/${id}${search}`, {
    token: as,
    params: { id },
  });

const list = (search: string, as = token) =>
  callApi(groupsRoute.GET, "GET", `/api/scim/v2/Groups?${search}`, { token: as });

const patch = (id: string, operations: unknown[], headers: Record<string, string> = {}) =>
  callApi(groupRoute.PATCH, "PATCH", `/api/scim/v2/Groups/${id}`, {
    token,
    params: { id },
    headers,
    body: { schemas: [patchSchema], Operations: operations },
  });

const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  callApi(groupRoute.PUT, "PUT", `/api/scim/v2/Groups/${id}`, {
    token,
    params: { id },
    headers,
    body,
  });

const memberIds = (group: { members?: { value: string }[] }) =>
  (group.members ?? []).map((member) => member.value).sort();

async function activityOf(kind: "group.member_added" | "group.member_removed", userId: string) {
  return getDb()
    .select()
    .from(accountActivity)
    .where(and(eq(accountActivity.kind, kind), eq(accountActivity.targetUserId, userId)));
}

describe("POST and GET /api/scim/v2/Groups", () => {
  it("creates a group with members: 201, Location, ETag, SCIM content type and activity rows", async () => {
    const [ada, bob] = await newUsers(2);
    const displayName = uniqueName("Engineering");
    const created = await post({
      schemas: [groupSchema],
      displayName,
      externalId: uniqueName("okta"),
      members: [{ value: ada!.id, display: ada!.userName }, { value: bob!.id }],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/scim+json");
    expect(created.json).toMatchObject({
      schemas: [groupSchema],
      displayName,
      meta: { resourceType: "Group" },
    });
    expect(created.json.members).toContainEqual({
      value: ada!.id,
      display: ada!.userName,
      type: "User",
      $ref: expect.stringMatching(new RegExp(`/api/scim/v2/Users/${ada!.id}$`)),
    });
    expect(memberIds(created.json)).toEqual([ada!.id, bob!.id].sort());
    expect(created.headers.get("location")).toBe(created.json.meta.location);
    expect(created.json.meta.location).toMatch(/\/api\/scim\/v2\/Groups\/[0-9a-f-]{36}$/);
    expect(created.headers.get("etag")).toBe(created.json.meta.version);

    const [added] = await activityOf("group.member_added", ada!.id);
    expect(added).toMatchObject({ actorTokenLabel: "Okta", details: { group: displayName } });
    const [row] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.kind, "group.created"),
          eq(accountActivity.targetLabel, displayName),
        ),
      );
    expect(row).toBeDefined();

    const read = await get(created.json.id);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("application/scim+json");
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe(created.json.meta.version);
  });

  it("leaves members out when asked to (excludedAttributes=members)", async () => {
    const [ada] = await newUsers(1);
    const created = await post({ displayName: uniqueName("Sales"), members: [{ value: ada!.id }] });
    const read = await get(created.json.id, token, "?excludedAttributes=members");
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty("members");
    expect(read.json.displayName).toBe(created.json.displayName);
    const listed = await list(
      `filter=${encodeURIComponent(`displayName eq "${created.json.displayName}"`)}&excludedAttributes=members`,
    );
    expect(listed.json.Resources[0]).not.toHaveProperty("members");
  });

  it("refuses an unknown member id, naming it, and creates nothing", async () => {
    const stranger = (await createTestAccount()).admin;
    const displayName = uniqueName("Nobody");
    for (const id of ["00000000-0000-4000-8000-000000000000", stranger.id, "not-a-uuid"]) {
      const refused = await post({ displayName, members: [{ value: id }] });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ scimType: "invalidValue", status: "400" });
      expect(refused.json.detail).toContain(id);
    }
    const rows = await getDb().select().from(groups).where(eq(groups.name, displayName));
    expect(rows).toHaveLength(0);
  });

  it("answers a taken displayName or externalId with 409 uniqueness naming the attribute", async () => {
    const externalId = uniqueName("entra");
    const first = await post({ displayName: uniqueName("Ops"), externalId });
    expect(first.status).toBe(201);
    const sameExternalId = await post({ displayName: uniqueName("Ops"), externalId });
    expect(sameExternalId.status).toBe(409);
    expect(sameExternalId.json.scimType).toBe("uniqueness");
    expect(sameExternalId.json.detail).toMatch(/^externalId: /);
    const sameName = await post({ displayName: first.json.displayName.toUpperCase() });
    expect(sameName.status).toBe(409);
    expect(sameName.json.detail).toMatch(/^displayName: /);
  });

  it("names displayName in validation errors", async () => {
    const refused = await post({ displayName: "x".repeat(81) });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ scimType: "invalidValue" });
    expect(refused.json.detail).toMatch(/^displayName: /);
  });
});

describe("GET /api/scim/v2/Groups (list)", () => {
  it("filters by displayName in any letter case and by externalId", async () => {
    const externalId = uniqueName("ext");
    const created = await post({ displayName: uniqueName("Finance"), externalId });
    await post({ displayName: uniqueName("Finance") });
    const byName = await list(
      `filter=${encodeURIComponent(`displayName eq "${created.json.displayName.toUpperCase()}"`)}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.headers.get("content-type")).toBe("application/scim+json");
    expect(byName.json).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(byName.json.Resources[0].id).toBe(created.json.id);
    const byExternalId = await list(
      `filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`,
    );
    expect(byExternalId.json.totalResults).toBe(1);
    expect(byExternalId.json.Resources[0]).toMatchObject({ id: created.json.id, externalId });
  });

  it("pages with startIndex and count, oldest first, with the total", async () => {
    const { admin: owner } = await createTestAccount();
    const { token: own } = await insertApiToken(owner);
    const names = [uniqueName("A"), uniqueName("B"), uniqueName("C")];
    for (const displayName of names) expect((await post({ displayName }, own)).status).toBe(201);
    const page = await list("startIndex=2&count=1", own);
    expect(page.json).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(page.json.Resources[0].displayName).toBe(names[1]);
    const counted = await list("count=0", own);
    expect(counted.json).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
    const all = await list("", own);
    expect(all.json.Resources.map((group: { displayName: string }) => group.displayName)).toEqual(
      names,
    );
  });

  it("refuses a filter it cannot answer with 400 invalidFilter", async () => {
    for (const filter of ['description eq "x"', 'displayName co "x"', "displayName eq"]) {
      const refused = await list(`filter=${encodeURIComponent(filter)}`);
      expect(refused.status).toBe(400);
      expect(refused.json.scimType).toBe("invalidFilter");
    }
  });
});

describe("PATCH /api/scim/v2/Groups/{id}", () => {
  it("renames with a path, and with a path-less value that sets externalId too", async () => {
    const created = await post({ displayName: uniqueName("Before") });
    const renamed = uniqueName("After");
    const byPath = await patch(created.json.id, [
      { op: "replace", path: "displayName", value: renamed },
    ]);
    expect(byPath.status).toBe(200);
    expect(byPath.json.displayName).toBe(renamed);
    expect(byPath.headers.get("etag")).toBe(byPath.json.meta.version);
    expect(byPath.json.meta.version).not.toBe(created.json.meta.version);

    const externalId = uniqueName("e");
    const pathless = await patch(created.json.id, [
      // Okta repeats the id in the value; Entra ID capitalises op.
      { op: "Replace", value: { id: created.json.id, displayName: `${renamed}-2`, externalId } },
    ]);
    expect(pathless.status).toBe(200);
    expect(pathless.json).toMatchObject({ displayName: `${renamed}-2`, externalId });
    const [row] = await getDb().select().from(groups).where(eq(groups.id, created.json.id));
    expect(row).toMatchObject({ name: `${renamed}-2`, externalId });
  });

  it("adds, removes by filter, removes by value, replaces, and removes all members", async () => {
    const [a, b, c, d] = await newUsers(4);
    const created = await post({ displayName: uniqueName("Members"), members: [{ value: a!.id }] });
    const id = created.json.id;

    const added = await patch(id, [
      { op: "add", path: "members", value: [{ value: b!.id }, { value: c!.id }] },
    ]);
    expect(added.status).toBe(200);
    expect(memberIds(added.json)).toEqual([a!.id, b!.id, c!.id].sort());
    expect(await activityOf("group.member_added", c!.id)).toHaveLength(1);

    // A member already there is skipped, not refused, and logged once.
    const again = await patch(id, [{ op: "add", path: "members", value: [{ value: b!.id }] }]);
    expect(again.status).toBe(200);
    expect(await activityOf("group.member_added", b!.id)).toHaveLength(1);

    const filtered = await patch(id, [{ op: "remove", path: `members[value eq "${a!.id}"]` }]);
    expect(filtered.status).toBe(200);
    expect(memberIds(filtered.json)).toEqual([b!.id, c!.id].sort());
    expect(await activityOf("group.member_removed", a!.id)).toHaveLength(1);

    const byValue = await patch(id, [{ op: "remove", path: "members", value: [{ value: b!.id }] }]);
    expect(memberIds(byValue.json)).toEqual([c!.id]);

    const replaced = await patch(id, [
      { op: "replace", path: "members", value: [{ value: a!.id }, { value: d!.id }] },
    ]);
    expect(memberIds(replaced.json)).toEqual([a!.id, d!.id].sort());
    expect(await activityOf("group.member_removed", c!.id)).toHaveLength(1);

    const cleared = await patch(id, [{ op: "remove", path: "members" }]);
    expect(cleared.status).toBe(200);
    expect(cleared.json.members).toEqual([]);
    expect(await activityOf("group.member_removed", d!.id)).toHaveLength(1);
  });

  it("refuses an unknown member and changes nothing of the request", async () => {
    const [a] = await newUsers(1);
    const created = await post({ displayName: uniqueName("Atomic") });
    const unknown = "00000000-0000-4000-8000-000000000001";
    const refused = await patch(created.json.id, [
      { op: "replace", path: "displayName", value: uniqueName("Renamed") },
      { op: "add", path: "members", value: [{ value: a!.id }, { value: unknown }] },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ scimType: "invalidValue" });
    expect(refused.json.detail).toContain(unknown);
    const read = await get(created.json.id);
    expect(read.json).toEqual(created.json);
  });

  it("refuses removing displayName, and a taken externalId with 409", async () => {
    const externalId = uniqueName("taken");
    await post({ displayName: uniqueName("Holder"), externalId });
    const created = await post({ displayName: uniqueName("Other") });
    const removal = await patch(created.json.id, [{ op: "remove", path: "displayName" }]);
    expect(removal.status).toBe(400);
    expect(removal.json.scimType).toBe("mutability");
    const taken = await patch(created.json.id, [
      { op: "replace", path: "externalId", value: externalId },
    ]);
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ scimType: "uniqueness" });
    expect(taken.json.detail).toMatch(/^externalId: /);
  });

  it("honours If-Match: 412 for an old version, 200 for the current one", async () => {
    const created = await post({ displayName: uniqueName("Versioned") });
    const first = await patch(
      created.json.id,
      [{ op: "replace", path: "displayName", value: uniqueName("V2") }],
      { "if-match": created.json.meta.version },
    );
    expect(first.status).toBe(200);
    const stale = await patch(
      created.json.id,
      [{ op: "replace", path: "displayName", value: uniqueName("V3") }],
      { "if-match": created.json.meta.version },
    );
    expect(stale.status).toBe(412);
    const [row] = await getDb().select().from(groups).where(eq(groups.id, created.json.id));
    expect(row!.name).toBe(first.json.displayName);
  });
});

describe("PUT and DELETE /api/scim/v2/Groups/{id}", () => {
  it("PUT sets the name, externalId and exactly the members sent", async () => {
    const [a, b, c] = await newUsers(3);
    const created = await post({
      displayName: uniqueName("Put"),
      members: [{ value: a!.id }, { value: b!.id }],
    });
    const displayName = uniqueName("Replaced");
    const externalId = uniqueName("okta");
    const replaced = await put(created.json.id, {
      schemas: [groupSchema],
      id: created.json.id,
      displayName,
      externalId,
      members: [{ value: b!.id }, { value: c!.id }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ displayName, externalId });
    expect(memberIds(replaced.json)).toEqual([b!.id, c!.id].sort());
    expect(replaced.headers.get("etag")).toBe(replaced.json.meta.version);
    expect(await activityOf("group.member_removed", a!.id)).toHaveLength(1);
    expect(await activityOf("group.member_added", c!.id)).toHaveLength(1);

    const stale = await put(
      created.json.id,
      { displayName: uniqueName("Late") },
      { "if-match": created.json.meta.version },
    );
    expect(stale.status).toBe(412);
  });

  it("DELETE answers 204, then the group is gone", async () => {
    const created = await post({ displayName: uniqueName("Doomed") });
    const stale = await callApi(groupRoute.DELETE, "DELETE", "/", {
      token,
      params: { id: created.json.id },
      headers: { "if-match": '"not-the-version"' },
    });
    expect(stale.status).toBe(412);
    const deleted = await callApi(groupRoute.DELETE, "DELETE", "/", {
      token,
      params: { id: created.json.id },
    });
    expect(deleted.status).toBe(204);
    const read = await get(created.json.id);
    expect(read.status).toBe(404);
    expect(read.json.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
  });
});

describe("access", () => {
  it("does not find another account's group", async () => {
    const { admin: other } = await createTestAccount();
    const { token: theirs } = await insertApiToken(other);
    const created = await post({ displayName: uniqueName("Theirs") }, theirs);
    expect((await get(created.json.id)).status).toBe(404);
    const renamed = await patch(created.json.id, [
      { op: "replace", path: "displayName", value: "Mine" },
    ]);
    expect(renamed.status).toBe(404);
    const deleted = await callApi(groupRoute.DELETE, "DELETE", "/", {
      token,
      params: { id: created.json.id },
    });
    expect(deleted.status).toBe(404);
    expect((await get(created.json.id, theirs)).json.displayName).toBe(created.json.displayName);
  });

  it("refuses a token without groups scopes with 403, and no token with 401", async () => {
    const { token: usersOnly } = await insertApiToken(admin, { scopes: ["users:view"] });
    const created = await post({ displayName: uniqueName("Scoped") });
    expect((await list("", usersOnly)).status).toBe(403);
    expect((await get(created.json.id, usersOnly)).status).toBe(403);
    const refused = await post({ displayName: uniqueName("Nope") }, usersOnly);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/scim+json");
    const { token: viewOnly } = await insertApiToken(admin, { scopes: ["groups:view"] });
    const edit = await callApi(groupRoute.PATCH, "PATCH", "/", {
      token: viewOnly,
      params: { id: created.json.id },
      body: { schemas: [patchSchema], Operations: [{ op: "remove", path: "members" }] },
    });
    expect(edit.status).toBe(403);
    const anonymous = await list("", "");
    expect(anonymous.status).toBe(401);
  });

  it("keeps the group services' rules: delegation, and nobody changes their own memberships", async () => {
    const [delegate, member] = await newUsers(2);
    const helpdesk = await createGroup({
      actor: admin,
      input: {
        name: uniqueName("Helpdesk"),
        description: "",
        permissions: ["groups:view", "groups:edit", "users:view", "users:edit"],
      },
    });
    await addGroupMember({ actor: admin, groupId: helpdesk.id, userId: delegate!.id });
    const { token: theirs } = await insertApiToken(actorFor(delegate!));
    const powerful = await createGroup({
      actor: admin,
      input: { name: uniqueName("Admins"), description: "", permissions: ["users:delete"] },
    });
    const grant = await callApi(groupRoute.PATCH, "PATCH", "/", {
      token: theirs,
      params: { id: powerful.id },
      body: {
        schemas: [patchSchema],
        Operations: [{ op: "add", path: "members", value: [{ value: member!.id }] }],
      },
    });
    expect(grant.status).toBe(403);
    expect(await activityOf("group.member_added", member!.id)).toHaveLength(0);

    const created = await post({ displayName: uniqueName("Self") });
    const self = await patch(created.json.id, [
      { op: "add", path: "members", value: [{ value: admin.id }] },
    ]);
    expect(self.status).toBe(403);
  });
});

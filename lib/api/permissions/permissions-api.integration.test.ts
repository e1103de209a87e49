import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as permissionsRoute from "../../../app/api/v1/users/[id]/permissions/route";
import { getDb } from "../../../db/client";
import { accountActivity } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { loadPermissions } from "../../auth/load-permissions";
import { allPermissionKeys, type PermissionKey } from "../../auth/modules";
import { createGroup } from "../../groups/create-group";
import { addGroupMember } from "../../groups/group-members";

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "CI sync" }));
});

async function userRow(prefix = "user", role: "user" | "administrator" = "user") {
  const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName(prefix), role }]);
  return row!;
}

async function grant(userName: string, permissions: PermissionKey[]) {
  const group = await createGroup({
    actor: admin,
    input: { name: uniqueName("Group"), description: "", permissions },
  });
  await addGroupMember({ actor: admin, groupId: group.id, userName });
  return group;
}

const path = (id: string) => `/api/v1/users/${id}/permissions`;

const read = (id: string, as = token) =>
  callApi(permissionsRoute.GET, "GET", path(id), { token: as, params: { id } });

const put = (id: string, body: unknown, options: { as?: string; ifMatch?: string } = {}) =>
  callApi(permissionsRoute.PUT, "PUT", path(id), {
    token: options.as ?? token,
    params: { id },
    body,
    headers: options.ifMatch ? { "if-match": options.ifMatch } : {},
  });

const entry = (answer: { json: { permissions: { key: string }[] } }, key: PermissionKey) =>
  answer.json.permissions.find((permission) => permission.key === key);

describe("GET /api/v1/users/{id}/permissions", () => {
  it("answers every action's effective permission with its source, and the overrides", async () => {
    const user = await userRow();
    const group = await grant(user.userName, ["billing:view"]);
    const answer = await read(user.id);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ userId: user.id, role: "user", overrides: {} });
    expect(answer.json.permissions.map((permission: { key: string }) => permission.key)).toEqual(
      allPermissionKeys,
    );
    expect(entry(answer, "billing:view")).toEqual({
      key: "billing:view",
      allowed: true,
      source: `allowed by group ${group.name}`,
      override: null,
    });
    expect(entry(answer, "activity:view_own")).toMatchObject({
      allowed: true,
      source: "User baseline",
    });
    expect(entry(answer, "users:delete")).toMatchObject({
      allowed: false,
      source: "not granted",
    });
    expect(answer.headers.get("etag")).toMatch(/^".+"$/);
  });

  it("lets anyone read their own, refuses others without Permissions: View, hides other accounts", async () => {
    const user = await userRow();
    const own = await insertApiToken(actorFor(user), { scopes: [] });
    expect((await read(user.id, own.token)).status).toBe(200);
    const other = await userRow();
    const refused = await read(other.id, own.token);
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("permissions:view");
    const stranger = await insertApiToken((await createTestAccount()).admin);
    expect((await read(user.id, stranger.token)).status).toBe(404);
  });
});

describe("PUT /api/v1/users/{id}/permissions", () => {
  it("replaces the overrides, answers the new permissions, and names the token in activity", async () => {
    const user = await userRow();
    const before = await read(user.id);
    const saved = await put(
      user.id,
      {
        overrides: {
          "billing:view": "allow",
          "instances:rebuild": "deny",
          "users:view": "inherit",
        },
      },
      { ifMatch: before.headers.get("etag")! },
    );
    expect(saved.status).toBe(200);
    expect(saved.json.overrides).toEqual({ "instances:rebuild": "deny", "billing:view": "allow" });
    expect(entry(saved, "billing:view")).toMatchObject({
      allowed: true,
      source: "allowed by user override",
      override: "allow",
    });
    expect(entry(saved, "instances:rebuild")).toMatchObject({
      allowed: false,
      source: "denied by user override",
      override: "deny",
    });
    expect(saved.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect((await read(user.id)).headers.get("etag")).toBe(saved.headers.get("etag"));
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.targetUserId, user.id),
          eq(accountActivity.kind, "permissions.changed"),
        ),
      );
    expect(activity).toMatchObject({ actorUserId: admin.id, actorTokenLabel: "CI sync" });

    // What the body leaves out goes back to Inherit.
    const cleared = await put(user.id, { overrides: { "billing:view": "allow" } });
    expect(cleared.json.overrides).toEqual({ "billing:view": "allow" });
    const loaded = await loadPermissions(user.id);
    expect([...loaded.overrides.entries()]).toEqual([["billing:view", "allow"]]);
  });

  it("answers 422 for unknown actions, choices and fields, changing nothing", async () => {
    const user = await userRow();
    const refused = await put(user.id, {
      overrides: { "users:fly": "allow", "billing:view": "maybe" },
      role: "administrator",
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual(
      expect.arrayContaining([
        { field: "overrides.users:fly", message: 'Unknown field "users:fly".' },
        { field: "overrides.billing:view", message: "Choose Inherit, Allow or Deny." },
        { field: "role", message: 'Unknown field "role".' },
      ]),
    );
    expect((await put(user.id, {})).status).toBe(422);
    expect((await loadPermissions(user.id)).overrides.size).toBe(0);
  });

  it("refuses a stale If-Match with 412, and lets one of two writes with the same one through", async () => {
    const user = await userRow();
    const etag = (await read(user.id)).headers.get("etag")!;
    await put(user.id, { overrides: { "billing:view": "allow" } });
    const stale = await put(user.id, { overrides: {} }, { ifMatch: etag });
    expect(stale.status).toBe(412);
    expect((await loadPermissions(user.id)).overrides.get("billing:view")).toBe("allow");

    const current = (await read(user.id)).headers.get("etag")!;
    const results = await Promise.all(
      (["allow", "deny"] as const).map((choice) =>
        put(user.id, { overrides: { "billing:manage": choice } }, { ifMatch: current }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it("keeps the ETag when only the user's groups change", async () => {
    const user = await userRow();
    const etag = (await read(user.id)).headers.get("etag")!;
    await grant(user.userName, ["billing:view"]);
    const after = await read(user.id);
    expect(entry(after, "billing:view")).toMatchObject({ allowed: true });
    expect(after.headers.get("etag")).toBe(etag);
    expect((await put(user.id, { overrides: {} }, { ifMatch: etag })).status).toBe(200);
  });

  it("refuses changing your own, an Administrator's (409), and without Permissions: Edit", async () => {
    const self = await put(admin.id, { overrides: {} });
    expect(self.status).toBe(403);
    const administrator = await userRow("admin", "administrator");
    const conflict = await put(administrator.id, { overrides: { "billing:view": "deny" } });
    expect(conflict.status).toBe(409);
    const user = await userRow();
    const viewOnly = await insertApiToken(admin, { scopes: ["permissions:view"] });
    const refused = await put(user.id, { overrides: {} }, { as: viewOnly.token });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("permissions:edit");
    const stranger = await insertApiToken((await createTestAccount()).admin);
    expect((await put(user.id, { overrides: {} }, { as: stranger.token })).status).toBe(404);
  });

  it("keeps the delegation rules: a delegate allows only what they hold, for users they may manage", async () => {
    const delegateRow = await userRow("delegate");
    await grant(delegateRow.userName, ["users:view", "permissions:view", "permissions:edit"]);
    const delegate = (await insertApiToken(actorFor(delegateRow))).token;
    const user = await userRow();
    const allowed = await put(user.id, { overrides: { "users:view": "allow" } }, { as: delegate });
    expect(allowed.status).toBe(200);
    const beyond = await put(
      user.id,
      { overrides: { "users:view": "allow", "billing:manage": "allow" } },
      { as: delegate },
    );
    expect(beyond.status).toBe(403);
    expect(beyond.json.detail).toContain("Billing: Manage");
    const boss = await userRow("boss");
    await grant(boss.userName, ["billing:manage"]);
    const above = await put(boss.id, { overrides: { "users:view": "deny" } }, { as: delegate });
    expect(above.status).toBe(403);
    expect((await loadPermissions(boss.id)).overrides.size).toBe(0);
  });
});

import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as groupRoute from "../../app/api/scim/v2/Groups/[id]/route";
import * as groupsRoute from "../../app/api/scim/v2/Groups/route";
import * as userRoute from "../../app/api/scim/v2/Users/[id]/route";
import * as usersRoute from "../../app/api/scim/v2/Users/route";
import * as restUsersRoute from "../../app/api/v1/users/route";
import { getDb } from "../../db/client";
import { apiTokens, groupMembers, groups, users } from "../../db/schema";
import { callApi, insertApiToken } from "../../tests/support/api-client";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { createGroup } from "../groups/create-group";
import { addGroupMember } from "../groups/group-members";

withTestDatabase();

// An outsider's view of /api/scim/v2: every answer that is not a success must be a SCIM
// error (RFC 7644 §3.12), and none may be a 500 or reach another account's rows.

const errorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
const patchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

type Handler<P> = Parameters<typeof callApi<P>>[0];
type Options<P> = Parameters<typeof callApi<P>>[3];
// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON answers they expect.
type Answer = { status: number; headers: Headers; json: any };

/** callApi, with an error the handler lets escape read as the 500 Next.js would answer. */
async function call<P>(
  handler: Handler<P>,
  method: string,
  path: string,
  options: Options<P>,
): Promise<Answer> {
  try {
    return await callApi(handler, method, path, options);
  } catch (error) {
    return { status: 500, headers: new Headers(), json: { escaped: String(error) } };
  }
}

/** A refusal in SCIM's error form, with no stack trace in it. */
function expectScimError(answer: Answer, status: number, scimType?: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/scim+json");
  expect(answer.json.schemas).toEqual([errorSchema]);
  expect(answer.json.status).toBe(String(status));
  expect(typeof answer.json.detail).toBe("string");
  expect(JSON.stringify(answer.json)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  if (scimType) expect(answer.json.scimType).toBe(scimType);
}

/** Never a 500; a refusal is a 4xx SCIM error. */
function expectNoCrash(answer: Answer) {
  expect(answer.status, JSON.stringify(answer.json)).not.toBe(500);
  if (answer.status >= 400) expectScimError(answer, answer.status);
}

let admin: Actor;
let other: Actor;
let adminToken: string;
let otherUser: { id: string; userName: string; externalId: string | null };
let otherGroup: { id: string; name: string; externalId: string | null };
let ownUser: { id: string; userName: string };
let ownGroup: { id: string; name: string };
let billingGroup: { id: string; name: string };

// The handlers by method, named statically (no dynamic access to the route modules).
const userHandlers = {
  GET: userRoute.GET,
  PUT: userRoute.PUT,
  PATCH: userRoute.PATCH,
  DELETE: userRoute.DELETE,
};
const groupHandlers = {
  GET: groupRoute.GET,
  PUT: groupRoute.PUT,
  PATCH: groupRoute.PATCH,
  DELETE: groupRoute.DELETE,
};

const userPath = (id: string) => `/api/scim/v2/Users/${encodeURIComponent(id)}`;
const groupPath = (id: string) => `/api/scim/v2/Groups/${encodeURIComponent(id)}`;

const onUser = (
  method: "GET" | "PUT" | "PATCH" | "DELETE",
  id: string,
  token: string,
  body?: unknown,
) => call(userHandlers[method], method, userPath(id), { token, params: { id }, body });
const onGroup = (
  method: "GET" | "PUT" | "PATCH" | "DELETE",
  id: string,
  token: string,
  body?: unknown,
) => call(groupHandlers[method], method, groupPath(id), { token, params: { id }, body });
const postUser = (body: unknown, token = adminToken) =>
  call(usersRoute.POST, "POST", "/api/scim/v2/Users", { token, body });
const postGroup = (body: unknown, token = adminToken) =>
  call(groupsRoute.POST, "POST", "/api/scim/v2/Groups", { token, body });
const listUsers = (query: string, token = adminToken) =>
  call(usersRoute.GET, "GET", `/api/scim/v2/Users?${query}`, { token });
const listGroups = (query: string, token = adminToken) =>
  call(groupsRoute.GET, "GET", `/api/scim/v2/Groups?${query}`, { token });
const filterBy = (filter: string) => `filter=${encodeURIComponent(filter)}`;
const patchOp = (Operations: unknown[]) => ({ schemas: [patchOpSchema], Operations });

function scimUser(overrides: Record<string, unknown> = {}) {
  const userName = uniqueName("scim");
  return {
    schemas: [userSchema],
    userName,
    name: { givenName: "Eve", familyName: "Mallory" },
    emails: [{ primary: true, value: `${userName}@example.com`, type: "work" }],
    externalId: uniqueName("ext"),
    active: true,
    ...overrides,
  };
}

async function storedUser(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row;
}

async function isMember(groupId: string, userId: string) {
  const rows = await getDb()
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return rows.length > 0;
}

async function accountCount(table: typeof users | typeof groups, accountId: string) {
  const [row] = await getDb()
    .select({ total: count() })
    .from(table)
    .where(eq(table.accountId, accountId));
  return row!.total;
}

/** A token of the account's first Administrator acting with only these scopes. */
async function scopedToken(scopes: PermissionKey[]) {
  return (await insertApiToken(admin, { name: uniqueName("scoped"), scopes })).token;
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
  ({ token: adminToken } = await insertApiToken(admin, { name: "attacker's own" }));
  const [theirs] = await insertTestUsers(other.accountId, [
    { userName: uniqueName("theirs"), externalId: uniqueName("their-ext") },
  ]);
  otherUser = theirs!;
  const theirGroup = await createGroup({
    actor: other,
    input: { name: uniqueName("their-group"), description: "", permissions: [] },
    externalId: uniqueName("their-gext"),
  });
  otherGroup = theirGroup;
  const [mine] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("mine") }]);
  ownUser = mine!;
  ownGroup = await createGroup({
    actor: admin,
    input: { name: uniqueName("own-group"), description: "", permissions: [] },
  });
  billingGroup = await createGroup({
    actor: admin,
    input: { name: uniqueName("billing"), description: "", permissions: ["billing:manage"] },
  });
});

describe("another account's users and groups", () => {
  it.each(["GET", "PUT", "PATCH", "DELETE"] as const)(
    "answers %s /Users/{their id} with 404 and leaves their user alone",
    async (method) => {
      const body =
        method === "PUT"
          ? scimUser({ userName: otherUser.userName, active: false })
          : method === "PATCH"
            ? patchOp([{ op: "replace", path: "active", value: false }])
            : undefined;
      expectScimError(await onUser(method, otherUser.id, adminToken, body), 404);
      // Upper case names the same uuid: it must be scoped just the same.
      expectScimError(await onUser(method, otherUser.id.toUpperCase(), adminToken, body), 404);
      expect(await storedUser(otherUser.id)).toMatchObject({
        accountId: other.accountId,
        userName: otherUser.userName,
        active: true,
      });
    },
  );

  it.each(["GET", "PUT", "PATCH", "DELETE"] as const)(
    "answers %s /Groups/{their id} with 404 and leaves their group alone",
    async (method) => {
      const body =
        method === "PUT"
          ? { schemas: [groupSchema], displayName: "taken over", members: [{ value: ownUser.id }] }
          : method === "PATCH"
            ? patchOp([{ op: "replace", path: "displayName", value: "taken over" }])
            : undefined;
      expectScimError(await onGroup(method, otherGroup.id, adminToken, body), 404);
      expectScimError(await onGroup(method, otherGroup.id.toUpperCase(), adminToken, body), 404);
      const [row] = await getDb().select().from(groups).where(eq(groups.id, otherGroup.id));
      expect(row).toMatchObject({ accountId: other.accountId, name: otherGroup.name });
      expect(await isMember(otherGroup.id, ownUser.id)).toBe(false);
    },
  );

  it("refuses to put another account's user into one's own group, by PATCH, PUT or POST", async () => {
    const attempts = [
      onGroup(
        "PATCH",
        ownGroup.id,
        adminToken,
        patchOp([{ op: "add", path: "members", value: [{ value: otherUser.id }] }]),
      ),
      onGroup(
        "PATCH",
        ownGroup.id,
        adminToken,
        patchOp([{ op: "add", value: { members: [{ value: otherUser.id.toUpperCase() }] } }]),
      ),
      onGroup("PUT", ownGroup.id, adminToken, {
        schemas: [groupSchema],
        displayName: ownGroup.name,
        members: [{ value: ownUser.id }, { value: otherUser.id }],
      }),
    ];
    for (const answer of await Promise.all(attempts)) expectScimError(answer, 400, "invalidValue");
    const name = uniqueName("smuggle");
    expectScimError(
      await postGroup({ displayName: name, members: [{ value: otherUser.id }] }),
      400,
      "invalidValue",
    );
    expect(await isMember(ownGroup.id, otherUser.id)).toBe(false);
    expect(await isMember(ownGroup.id, ownUser.id)).toBe(false);
    expect(await getDb().select().from(groups).where(eq(groups.name, name))).toHaveLength(0);
  });

  it.each([
    ["userName eq", () => `userName eq "${otherUser.userName}"`],
    ["userName sw", () => `userName sw "${otherUser.userName.slice(0, 8)}"`],
    ["id eq", () => `id eq "${otherUser.id}"`],
    ["externalId eq", () => `externalId eq "${otherUser.externalId}"`],
    ["emails eq", () => `emails.value eq "${otherUser.userName}@example.test"`],
  ])("finds no user of another account by %s", async (_what, filter) => {
    const answer = await listUsers(filterBy(filter()));
    expect(answer.status).toBe(200);
    expect(answer.json.totalResults).toBe(0);
    expect(answer.json.Resources).toEqual([]);
  });

  it.each([
    ["displayName eq", () => `displayName eq "${otherGroup.name}"`],
    ["id eq", () => `id eq "${otherGroup.id}"`],
    ["externalId eq", () => `externalId eq "${otherGroup.externalId}"`],
  ])("finds no group of another account by %s", async (_what, filter) => {
    const answer = await listGroups(filterBy(filter()));
    expect(answer.status).toBe(200);
    expect(answer.json.totalResults).toBe(0);
    expect(answer.json.Resources).toEqual([]);
  });

  it("counts only the account's own rows in totalResults, whatever the filter", async () => {
    const allUsers = await listUsers("count=0");
    expect(allUsers.json.totalResults).toBe(await accountCount(users, admin.accountId));
    const inactive = await listUsers(`${filterBy("active eq true")}&count=0`);
    expect(inactive.json.totalResults).toBe(await accountCount(users, admin.accountId));
    const notMe = await listUsers(`${filterBy(`userName ne "${admin.userName}"`)}&count=0`);
    expect(notMe.json.totalResults).toBe((await accountCount(users, admin.accountId)) - 1);
    const allGroups = await listGroups("count=0");
    expect(allGroups.json.totalResults).toBe(await accountCount(groups, admin.accountId));
    const page = await listUsers("count=200");
    for (const resource of page.json.Resources) {
      expect((await storedUser(resource.id))?.accountId).toBe(admin.accountId);
    }
  });

  it("lets an externalId used in another account be used again, telling nothing about it", async () => {
    const created = await postUser(scimUser({ externalId: otherUser.externalId }));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const group = await postGroup({
      displayName: uniqueName("g"),
      externalId: otherGroup.externalId,
    });
    expect(group.status, JSON.stringify(group.json)).toBe(201);
  });
});

describe("a token with only users:create and users:view", () => {
  let token: string;
  beforeAll(async () => {
    token = await scopedToken(["users:view", "users:create"]);
  });

  it.each([
    ["roles", { roles: [{ value: "administrator", primary: true }] }],
    ["role", { role: "administrator" }],
    ["Role in another case", { ROLE: "Administrator" }],
    ["userType", { userType: "Administrator" }],
    ["entitlements", { entitlements: [{ value: "administrator" }] }],
    [
      "the enterprise extension",
      {
        schemas: [userSchema, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          role: "administrator",
          userType: "Administrator",
        },
      },
    ],
    [
      "a fully qualified role",
      { "urn:ietf:params:scim:schemas:core:2.0:User:role": "administrator" },
    ],
    ["a prototype key", JSON.parse('{"__proto__": {"role": "administrator"}}')],
  ])("cannot create an Administrator through %s", async (_what, extra) => {
    const body = scimUser(extra as Record<string, unknown>);
    const answer = await postUser(body, token);
    expectNoCrash(answer);
    const [row] = await getDb().select().from(users).where(eq(users.userName, body.userName));
    if (row) expect(row.role).toBe("user");
  });

  it("cannot make anyone an Administrator with a PATCH or PUT either", async () => {
    const full = await scopedToken(["users:view", "users:create", "users:edit"]);
    const target = (await postUser(scimUser(), adminToken)).json.id as string;
    const answers = [
      await onUser(
        "PATCH",
        target,
        full,
        patchOp([{ op: "replace", path: "role", value: "administrator" }]),
      ),
      await onUser(
        "PATCH",
        target,
        full,
        patchOp([{ op: "replace", value: { role: "administrator", userType: "Administrator" } }]),
      ),
      await onUser(
        "PATCH",
        target,
        full,
        patchOp([{ op: "add", path: "roles", value: [{ value: "administrator" }] }]),
      ),
      await onUser(
        "PUT",
        target,
        full,
        scimUser({
          userName: (await storedUser(target))!.userName,
          role: "administrator",
          roles: [{ value: "administrator" }],
        }),
      ),
    ];
    for (const answer of answers) expectNoCrash(answer);
    expect((await storedUser(target))?.role).toBe("user");
  });

  it("cannot touch an Administrator's password, email, userName or active state", async () => {
    // Another Administrator than the token's creator: the creator's own changes are refused
    // earlier (their current password), which would hide a missing delegation check.
    const [victim] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("victim"), role: "administrator" },
    ]);
    const before = (await storedUser(victim!.id))!;
    for (const scopes of [
      ["users:view", "users:create"],
      ["users:view", "users:create", "users:edit", "users:inactivate", "users:delete"],
    ] as PermissionKey[][]) {
      const attacker = await scopedToken(scopes);
      const changes = [
        { op: "replace", path: "password", value: "an attacker's own passphrase" },
        { op: "replace", path: "emails", value: [{ value: "eve@example.com", primary: true }] },
        { op: "replace", path: 'emails[type eq "work"].value', value: "eve@example.com" },
        { op: "replace", path: "userName", value: uniqueName("eve") },
        { op: "replace", path: "active", value: false },
        { op: "replace", value: { active: "False" } },
      ];
      for (const change of changes) {
        expectScimError(await onUser("PATCH", victim!.id, attacker, patchOp([change])), 403);
      }
      const put = await onUser("PUT", victim!.id, attacker, {
        userName: uniqueName("eve"),
        password: "an attacker's own passphrase",
        emails: [{ value: "eve@example.com" }],
        active: false,
      });
      expectScimError(put, 403);
      expectScimError(await onUser("DELETE", victim!.id, attacker), 403);
    }
    const after = (await storedUser(victim!.id))!;
    expect(after).toMatchObject({
      userName: before.userName,
      email: before.email,
      active: true,
      passwordHash: before.passwordHash,
      sessionVersion: before.sessionVersion,
    });
  });

  it("cannot deactivate or delete the Administrator who made it, even with all of the user scopes", async () => {
    const { actor: creator } = await (async () => {
      const [row] = await insertTestUsers(admin.accountId, [
        { userName: uniqueName("creator"), role: "administrator" },
      ]);
      return { actor: actorFor(row!) };
    })();
    const { token: creatorToken } = await insertApiToken(creator, {
      name: uniqueName("own"),
      scopes: ["users:view", "users:create", "users:edit", "users:inactivate", "users:delete"],
    });
    expectScimError(
      await onUser(
        "PATCH",
        creator.id,
        creatorToken,
        patchOp([{ op: "replace", path: "active", value: false }]),
      ),
      403,
    );
    const deleted = await onUser("DELETE", creator.id, creatorToken);
    expectNoCrash(deleted);
    expect([403, 409]).toContain(deleted.status);
    // With every scope the token is its creator, who cannot inactivate or delete themselves.
    const { token: fullToken } = await insertApiToken(creator, { name: uniqueName("full") });
    expectNoCrash(
      await onUser(
        "PATCH",
        creator.id,
        fullToken,
        patchOp([{ op: "replace", path: "active", value: false }]),
      ),
    );
    expectNoCrash(await onUser("DELETE", creator.id, fullToken));
    expect(await storedUser(creator.id)).toMatchObject({ active: true });
  });

  it("cannot add anyone to a group, least of all one granting billing:manage", async () => {
    const usersOnly = await scopedToken([
      "users:view",
      "users:create",
      "users:edit",
      "users:inactivate",
      "users:delete",
    ]);
    const created = await postUser(scimUser({ groups: [{ value: billingGroup.id }] }), usersOnly);
    expectNoCrash(created);
    if (created.status === 201)
      expect(await isMember(billingGroup.id, created.json.id)).toBe(false);
    const patch = patchOp([{ op: "add", path: "members", value: [{ value: ownUser.id }] }]);
    expectScimError(await onGroup("PATCH", billingGroup.id, usersOnly, patch), 403);
    // groups is read-only on a user: a PATCH of it changes no membership.
    expectNoCrash(
      await onUser(
        "PATCH",
        ownUser.id,
        usersOnly,
        patchOp([{ op: "add", path: "groups", value: [{ value: billingGroup.id }] }]),
      ),
    );
    expect(await isMember(billingGroup.id, ownUser.id)).toBe(false);
    // Even with the groups scopes, a token without billing:manage cannot hand it out.
    const groupsToo = await scopedToken(["users:view", "users:edit", "groups:view", "groups:edit"]);
    expectScimError(await onGroup("PATCH", billingGroup.id, groupsToo, patch), 403);
    expectScimError(
      await onGroup("PUT", billingGroup.id, groupsToo, {
        displayName: billingGroup.name,
        members: [{ value: ownUser.id }],
      }),
      403,
    );
    expect(await isMember(billingGroup.id, ownUser.id)).toBe(false);
  });
});

describe("a User's token with users:edit", () => {
  let token: string;
  let plainUser: { id: string; userName: string };
  beforeAll(async () => {
    const editors = await createGroup({
      actor: admin,
      input: {
        name: uniqueName("editors"),
        description: "",
        permissions: ["users:view", "users:edit", "users:inactivate", "users:delete"],
      },
    });
    const [editor, plain] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("editor") },
      { userName: uniqueName("plain") },
    ]);
    await addGroupMember({ actor: admin, groupId: editors.id, userId: editor!.id });
    await addGroupMember({ actor: admin, groupId: billingGroup.id, userId: plain!.id });
    plainUser = plain!;
    ({ token } = await insertApiToken(actorFor(editor!), { name: uniqueName("editor") }));
  });

  it("cannot deactivate, rename, re-address or delete an Administrator", async () => {
    const before = (await storedUser(admin.id))!;
    for (const change of [
      { op: "replace", path: "active", value: false },
      { op: "replace", path: "userName", value: uniqueName("renamed") },
      { op: "replace", path: "emails", value: [{ value: "eve@example.com" }] },
      { op: "replace", path: "password", value: "an attacker's own passphrase" },
      { op: "add", path: "externalId", value: "hijacked" },
    ]) {
      expectScimError(await onUser("PATCH", admin.id, token, patchOp([change])), 403);
    }
    expectScimError(
      await onUser("PUT", admin.id, token, { userName: uniqueName("renamed"), active: false }),
      403,
    );
    expectScimError(await onUser("DELETE", admin.id, token), 403);
    expect(await storedUser(admin.id)).toMatchObject({
      userName: before.userName,
      email: before.email,
      active: true,
      externalId: before.externalId,
      passwordHash: before.passwordHash,
    });
  });

  it("cannot take over a user who holds billing:manage, which the editor lacks", async () => {
    expectScimError(
      await onUser(
        "PATCH",
        plainUser.id,
        token,
        patchOp([{ op: "replace", path: "password", value: "an attacker's own passphrase" }]),
      ),
      403,
    );
    expectScimError(
      await onUser(
        "PATCH",
        plainUser.id,
        token,
        patchOp([{ op: "replace", path: "externalId", value: "mine-now" }]),
      ),
      403,
    );
    expect((await storedUser(plainUser.id))?.externalId).toBeNull();
  });
});

describe("authentication", () => {
  it("refuses no token, unknown, revoked and expired tokens and an inactive owner's alike", async () => {
    const { token: expired } = await insertApiToken(admin, {
      name: uniqueName("expired"),
      expiresAt: new Date(Date.now() - 1000),
    });
    const revoked = await insertApiToken(admin, { name: uniqueName("revoked") });
    await getDb()
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, revoked.id));
    const [owner] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("gone"), role: "administrator" },
    ]);
    const { token: ownerToken } = await insertApiToken(actorFor(owner!), { name: uniqueName("o") });
    await getDb().update(users).set({ active: false }).where(eq(users.id, owner!.id));
    const details = new Set<string>();
    for (const token of [undefined, expired, revoked.token, ownerToken, `sbk_${"z".repeat(27)}`]) {
      const answers = [
        await call(usersRoute.GET, "GET", "/api/scim/v2/Users", { token }),
        await call(usersRoute.POST, "POST", "/api/scim/v2/Users", { token, body: scimUser() }),
        await onUser("DELETE", ownUser.id, token as string),
        await onGroup(
          "PATCH",
          ownGroup.id,
          token as string,
          patchOp([{ op: "remove", path: "members" }]),
        ),
      ];
      for (const answer of answers) {
        expectScimError(answer, 401);
        expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
        if (token) details.add(answer.json.detail);
      }
    }
    expect(details.size).toBe(1);
    expect(await storedUser(ownUser.id)).toBeDefined();
  });

  it.each([
    ["a bearer that is no token", () => "Bearer x"],
    ["two spaces before a non-token", () => "Bearer  x"],
    ["Basic", () => `Basic ${Buffer.from(`${adminToken}:`).toString("base64")}`],
    ["the token alone", () => adminToken],
    ["Token", () => `Token ${adminToken}`],
    ["two tokens", () => `Bearer ${adminToken} ${adminToken}`],
    ["a token with a trailing character", () => `Bearer ${adminToken}!`],
  ])("refuses %s with a SCIM 401", async (_what, header) => {
    const answer = await call(usersRoute.GET, "GET", "/api/scim/v2/Users", {
      headers: { authorization: header() },
    });
    expectScimError(answer, 401);
  });

  it.each([
    ["two spaces", () => `Bearer  ${adminToken}`],
    ["a lower-case scheme", () => `bearer ${adminToken}`],
    ["an upper-case scheme", () => `BEARER ${adminToken}`],
  ])("reads %s as the REST API does", async (_what, header) => {
    const headers = { authorization: header() };
    const scim = await call(usersRoute.GET, "GET", "/api/scim/v2/Users?count=1", { headers });
    const rest = await call(restUsersRoute.GET, "GET", "/api/v1/users?limit=1", { headers });
    expect(scim.status).toBe(rest.status);
  });
});

describe("malformed bodies", () => {
  // A token of its own: the requests here would use up another's rate limit.
  beforeAll(async () => {
    ({ token: adminToken } = await insertApiToken(admin, { name: uniqueName("bodies") }));
  });
  const deepArray = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
  const deepObject = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
  const bodies: [string, string][] = [
    ["an array", "[]"],
    ["an array of a user", JSON.stringify([scimUser()])],
    ["null", "null"],
    ["a string", '"userName"'],
    ["a number", "42"],
    ["nothing", ""],
    ["broken JSON", '{"userName": '],
    ["a deeply nested array", deepArray],
    ["a deeply nested object", deepObject],
  ];

  it.each(bodies)("refuses %s with a SCIM 400 on every write", async (_what, body) => {
    const answers = [
      await call(usersRoute.POST, "POST", "/api/scim/v2/Users", { token: adminToken, body }),
      await call(groupsRoute.POST, "POST", "/api/scim/v2/Groups", { token: adminToken, body }),
      ...(["PUT", "PATCH"] as const).flatMap((method) => [
        call(userHandlers[method], method, userPath(ownUser.id), {
          token: adminToken,
          params: { id: ownUser.id },
          body,
        }),
        call(groupHandlers[method], method, groupPath(ownGroup.id), {
          token: adminToken,
          params: { id: ownGroup.id },
          body,
        }),
      ]),
    ];
    for (const answer of await Promise.all(answers)) expectScimError(answer, 400);
  });

  it("refuses a 2 MB body with a SCIM 413", async () => {
    const body = JSON.stringify(scimUser({ title: "x".repeat(2 * 1024 * 1024) }));
    expectScimError(await postUser(body), 413);
    expectScimError(
      await call(groupRoute.PATCH, "PATCH", groupPath(ownGroup.id), {
        token: adminToken,
        params: { id: ownGroup.id },
        body,
      }),
      413,
    );
  });

  const controls = ["\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\r\n", "\u202e"];

  it.each(controls.map((c) => [JSON.stringify(c), c]))(
    "refuses %s in a user's userName, externalId (and givenName) with a 400",
    async (_what, c) => {
      const freeText = c === "\r\n" ? [] : [{ name: { givenName: `Eve${c}`, familyName: "M" } }];
      for (const extra of [{ userName: `eve${c}x` }, { externalId: `ext${c}1` }, ...freeText]) {
        const body = scimUser(extra);
        expectScimError(await postUser(body), 400);
        const patchPath =
          Object.keys(extra)[0] === "name" ? "name.givenName" : Object.keys(extra)[0]!;
        const value = Object.keys(extra)[0] === "name" ? `Eve${c}` : Object.values(extra)[0];
        expectScimError(
          await onUser(
            "PATCH",
            ownUser.id,
            adminToken,
            patchOp([{ op: "replace", path: patchPath, value }]),
          ),
          400,
        );
      }
    },
  );

  it.each(controls.map((c) => [JSON.stringify(c), c]))(
    "refuses %s in a group's displayName with a 400",
    async (_what, c) => {
      const before = await getDb().select().from(groups).where(eq(groups.id, ownGroup.id));
      const answers = [
        await postGroup({ displayName: `grp${c}${uniqueName("")}` }),
        await onGroup(
          "PATCH",
          ownGroup.id,
          adminToken,
          // Inside the name: trailing white space (a line break too) is trimmed, as in the form.
          patchOp([{ op: "replace", path: "displayName", value: `grp${c}y` }]),
        ),
        await onGroup("PUT", ownGroup.id, adminToken, { displayName: `grp${c}x` }),
      ];
      for (const answer of answers) expectScimError(answer, 400);
      expect(await getDb().select().from(groups).where(eq(groups.id, ownGroup.id))).toEqual(before);
    },
  );

  it.each(controls.map((c) => [JSON.stringify(c), c]))(
    "refuses %s in a group's externalId with a 400",
    async (_what, c) => {
      const before = await getDb().select().from(groups).where(eq(groups.id, ownGroup.id));
      const answers = [
        await postGroup({ displayName: uniqueName("grp"), externalId: `ext${c}1` }),
        await onGroup(
          "PATCH",
          ownGroup.id,
          adminToken,
          patchOp([{ op: "replace", path: "externalId", value: `ext${c}` }]),
        ),
        await onGroup("PUT", ownGroup.id, adminToken, {
          displayName: ownGroup.name,
          externalId: `ext${c}2`,
        }),
      ];
      for (const answer of answers) expectScimError(answer, 400);
      expect(await getDb().select().from(groups).where(eq(groups.id, ownGroup.id))).toEqual(before);
    },
  );

  it("refuses huge strings in every user attribute and a group's displayName with a 400", async () => {
    const huge = randomBytes(300_000).toString("hex");
    for (const extra of [
      { userName: huge },
      { name: { givenName: huge } },
      { externalId: huge },
      { emails: [{ value: `${huge}@example.com` }] },
      { password: huge },
      { nickName: huge },
    ]) {
      expectScimError(await postUser(scimUser(extra)), 400);
    }
    expectScimError(await postGroup({ displayName: huge }), 400);
  });

  it("refuses a huge group externalId with a 400", async () => {
    const huge = randomBytes(300_000).toString("hex");
    expectScimError(await postGroup({ displayName: uniqueName("g"), externalId: huge }), 400);
    expectScimError(
      await onGroup(
        "PATCH",
        ownGroup.id,
        adminToken,
        patchOp([{ op: "replace", path: "externalId", value: huge }]),
      ),
      400,
    );
  });

  const wrongTypes = [1, true, {}, [], [1], { value: 1 }];

  it.each(["userName", "externalId", "title", "nickName", "password", "active", "emails", "name"])(
    "answers a user's %s of any non-string type with a SCIM error, never a 500",
    async (attribute) => {
      for (const value of [...wrongTypes, null]) {
        const body = scimUser({ [attribute]: value });
        const answer = await postUser(body);
        expectNoCrash(answer);
        if (["userName", "title", "nickName", "password"].includes(attribute) && value !== null) {
          expectScimError(answer, 400);
        }
        expectNoCrash(
          await onUser(
            "PATCH",
            ownUser.id,
            adminToken,
            patchOp([{ op: "replace", path: attribute, value }]),
          ),
        );
        expectNoCrash(
          await onUser("PUT", ownUser.id, adminToken, { ...body, userName: ownUser.userName }),
        );
      }
      expect((await storedUser(ownUser.id))?.userName).toBe(ownUser.userName);
    },
  );

  it.each(["displayName", "externalId", "members"])(
    "answers a group's %s of any non-string type with a SCIM error, never a 500",
    async (attribute) => {
      for (const value of [...wrongTypes, [{ value: null }], [{ value: {} }], null]) {
        const answer = await postGroup({ displayName: uniqueName("g"), [attribute]: value });
        expectNoCrash(answer);
        expectNoCrash(
          await onGroup(
            "PATCH",
            ownGroup.id,
            adminToken,
            patchOp([{ op: "add", path: attribute, value }]),
          ),
        );
        expectNoCrash(
          await onGroup("PUT", ownGroup.id, adminToken, {
            displayName: ownGroup.name,
            [attribute]: value,
          }),
        );
      }
    },
  );

  it.each([
    ["Operations not a list", { schemas: [patchOpSchema], Operations: { op: "add" } }],
    ["an operation that is a string", patchOp(["add"])],
    ["an operation that is null", patchOp([null])],
    ["op of another type", patchOp([{ op: 1, path: "title", value: "x" }])],
    ["a path of another type", patchOp([{ op: "add", path: ["title"], value: "x" }])],
    ["an unknown op", patchOp([{ op: "copy", path: "title", value: "x" }])],
    ["a path-less value that is a list", patchOp([{ op: "add", value: [1] }])],
  ])("refuses a PATCH with %s with a SCIM 400", async (_what, body) => {
    expectScimError(await onUser("PATCH", ownUser.id, adminToken, body), 400);
    expectScimError(await onGroup("PATCH", ownGroup.id, adminToken, body), 400);
  });

  it("refuses a PATCH with 10,000 operations as tooMany", async () => {
    const body = patchOp(
      Array.from({ length: 10_000 }, () => ({ op: "replace", path: "title", value: "x" })),
    );
    expectScimError(await onUser("PATCH", ownUser.id, adminToken, body), 400, "tooMany");
    expectScimError(await onGroup("PATCH", ownGroup.id, adminToken, body), 400, "tooMany");
  });

  it("survives one path-less operation carrying 10,000 attributes", async () => {
    const value = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x${i}`, i]));
    expectNoCrash(
      await onUser("PATCH", ownUser.id, adminToken, patchOp([{ op: "replace", value }])),
    );
    expectNoCrash(
      await onGroup("PATCH", ownGroup.id, adminToken, patchOp([{ op: "replace", value }])),
    );
  });

  it.each([
    'members[value eq "x" or 1 eq 1]',
    'members[value eq "00000000-0000-0000-0000-000000000000" or value ne ""]',
    'members[value ne "x"]',
    'members[value co ""]',
    'members[value sw ""]',
    "members[1 eq 1]",
    'members[value eq "x"] or members[value ne "x"]',
    'members[value eq "x" and value ne "x"]',
    'members[value eq "\\q"]',
  ])("refuses the remove path %s and removes nobody", async (path) => {
    await addGroupMember({ actor: admin, groupId: ownGroup.id, userId: ownUser.id }).catch(
      () => undefined,
    );
    const answer = await onGroup(
      "PATCH",
      ownGroup.id,
      adminToken,
      patchOp([{ op: "remove", path }]),
    );
    expectScimError(answer, 400);
    expect(await isMember(ownGroup.id, ownUser.id)).toBe(true);
  });
});

describe("filters and paging", () => {
  let marked: { pct: string; under: string; slash: string; plain: string };
  beforeAll(async () => {
    ({ token: adminToken } = await insertApiToken(admin, { name: uniqueName("filters") }));
    const suffix = randomBytes(3).toString("hex");
    marked = {
      pct: `pct%${suffix}`,
      under: `und_${suffix}`,
      slash: `bks\\${suffix}`,
      plain: `plain${suffix}`,
    };
    await insertTestUsers(
      admin.accountId,
      Object.values(marked).map((userName) => ({ userName, email: `${userName}@example.test` })),
    );
  });

  it.each([
    ["co", "%", "pct"],
    ["sw", "pct%", "pct"],
    ["co", "_", "under"],
    ["co", "\\", "slash"],
  ] as const)("matches LIKE wildcards literally: userName %s %j", async (operator, value, key) => {
    const answer = await listUsers(
      `${filterBy(`userName ${operator} ${JSON.stringify(value)}`)}&count=200`,
    );
    expect(answer.status).toBe(200);
    const names = answer.json.Resources.map((resource: { userName: string }) => resource.userName);
    expect(names).toContain(marked[key]);
    expect(names).not.toContain(marked.plain);
    expect(names).not.toContain(admin.userName);
    for (const name of names) expect(name.toLowerCase()).toContain(value.toLowerCase());
    expect(answer.json.totalResults).toBe(names.length);
    const emails = await listUsers(`${filterBy(`emails co ${JSON.stringify(value)}`)}&count=200`);
    for (const resource of emails.json.Resources) {
      expect(resource.emails[0].value.toLowerCase()).toContain(value.toLowerCase());
    }
  });

  it.each([
    `userName eq "x' or '1'='1"`,
    `userName eq "x\\" or \\"1\\"=\\"1"`,
    `userName co "'; drop table users; --"`,
    `externalId eq "' or 1=1 --"`,
    `id eq "00000000-0000-0000-0000-000000000000' or '1'='1"`,
  ])("treats %s as text that matches nobody", async (filter) => {
    const answer = await listUsers(filterBy(filter));
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json.totalResults).toBe(0);
    expect(await accountCount(users, other.accountId)).toBeGreaterThan(0);
  });

  it.each([
    ["or", `userName eq "x" or userName ne "x"`],
    ["not", `not (userName eq "x")`],
    ["parentheses", `(userName eq "x")`],
    ["pr", "userName pr"],
    ["gt", `userName gt ""`],
    ["an unknown attribute", `accountId eq "00000000-0000-0000-0000-000000000000"`],
    ["password", `password eq "x"`],
    ["a trailing join", `userName eq "x" and`],
    ["an unterminated string", `userName eq "x`],
    ["a bad escape", `userName eq "\\q"`],
    ["a short unicode escape", `userName eq "\\u12"`],
    ["a raw tab inside the quotes", `userName eq "a\tb"`],
    ["a raw newline inside the quotes", `userName eq "a\nb"`],
    ["a filter over 1000 characters", `userName eq "${"a".repeat(2000)}"`],
  ])("refuses a filter with %s as invalidFilter", async (_what, filter) => {
    expectScimError(await listUsers(filterBy(filter)), 400, "invalidFilter");
  });

  it.each([
    ["a NUL in a userName filter", () => listUsers(filterBy('userName eq "a\\u0000b"'))],
    ["a raw NUL in a userName filter", () => listUsers(filterBy('userName co "a\u0000b"'))],
    ["a NUL in an externalId filter", () => listUsers(filterBy('externalId eq "\\u0000"'))],
    ["a NUL in an id filter", () => listUsers(filterBy('id eq "\\u0000"'))],
    ["a NUL in a group filter", () => listGroups(filterBy('externalId eq "\\u0000"'))],
    ["a NUL in a displayName filter", () => listGroups(filterBy('displayName eq "\\u0000"'))],
    ["a bad escape in a group filter", () => listGroups(filterBy('displayName eq "\\x41"'))],
  ])("answers %s without a 500", async (_what, request) => {
    const answer = await request();
    expectNoCrash(answer);
    if (answer.status === 200) expect(answer.json.totalResults).toBe(0);
  });

  it.each([
    ["startIndex=0", 200, 1],
    ["startIndex=-1", 200, 1],
    ["startIndex=1e20", 200, 2 ** 31],
    ["startIndex=999999999999", 200, 2 ** 31],
    ["startIndex=abc", 400, undefined],
    ["startIndex=1.5", 400, undefined],
    ["startIndex=Infinity", 400, undefined],
    ["startIndex=NaN", 400, undefined],
    ["count=-1", 200, 1],
    ["count=1e20", 200, 1],
    ["count=999999999999", 200, 1],
    ["count=abc", 400, undefined],
    ["count=1e400", 400, undefined],
  ] as const)("answers %s with %i", async (query, status, startIndex) => {
    for (const answer of [await listUsers(query), await listGroups(query)]) {
      if (status === 400) {
        expectScimError(answer, 400, "invalidValue");
        continue;
      }
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      expect(answer.json.startIndex).toBe(startIndex);
      expect(answer.json.Resources.length).toBeLessThanOrEqual(200);
      expect(answer.json.itemsPerPage).toBe(answer.json.Resources.length);
    }
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as activityRoute from "../../app/api/v1/activity/route";
import * as groupMembersRoute from "../../app/api/v1/groups/[id]/members/route";
import * as groupsRoute from "../../app/api/v1/groups/route";
import * as instancesRoute from "../../app/api/v1/instances/route";
import * as permissionsRoute from "../../app/api/v1/users/[id]/permissions/route";
import * as userRoute from "../../app/api/v1/users/[id]/route";
import * as seatsRoute from "../../app/api/v1/users/[id]/seats/route";
import * as usersRoute from "../../app/api/v1/users/route";
import { getDb } from "../../db/client";
import { apiTokens, users } from "../../db/schema";
import { callApi, insertApiToken } from "../../tests/support/api-client";
import {
  createTestAccount,
  createTestUser,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { revokeApiToken } from "../api-tokens/revoke-api-token";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { ForbiddenError } from "../errors";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let adminToken: string;
let otherToken: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  ({ token: adminToken } = await insertApiToken(admin, { name: "attacks" }));
  ({ token: otherToken } = await insertApiToken(otherAdmin, { name: "other" }));
});

const newUserBody = (extra: Record<string, unknown> = {}) => {
  const userName = uniqueName("atk");
  return {
    userName,
    firstName: "Eve",
    lastName: "Mallory",
    email: `${userName}@example.com`,
    password: "a perfectly fine passphrase",
    ...extra,
  };
};

describe("authentication", () => {
  it.each([
    ["no header", undefined],
    ["a Basic header", "Basic c2JrX2FhYWFhYWFhYWFhYWFhYWFhYWFhYWFh"],
    ["a bearer without the prefix", "Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["two tokens", "Bearer sbk_aaaaaaaaaaaaaaaaaaaaaaaa sbk_bbbbbbbbbbbbbbbbbbbbbbbb"],
    ["an unknown token", "Bearer sbk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["a token with a newline", "Bearer sbk_aaaaaaaaaaaaaaaaaaaaaaaa\nx"],
  ])("refuses %s with 401 and one detail for every case", async (_what, authorization) => {
    const refused = await callApi(usersRoute.GET, "GET", "/api/v1/users", {
      headers: authorization === undefined ? {} : { authorization },
    }).catch(() => ({
      status: 401,
      json: { detail: "header rejected by fetch" },
      headers: new Headers(),
    }));
    expect(refused.status).toBe(401);
  });

  it("refuses expired and revoked tokens and those of an inactive owner alike", async () => {
    const { token: expired } = await insertApiToken(admin, {
      name: uniqueName("expired"),
      expiresAt: new Date(Date.now() - 1000),
    });
    const revoked = await insertApiToken(admin, { name: uniqueName("revoked") });
    await getDb()
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, revoked.id));
    const { actor: owner } = await createTestUser(admin, { role: "administrator" });
    const { token: ownerToken } = await insertApiToken(owner, { name: uniqueName("owner") });
    await getDb().update(users).set({ active: false }).where(eq(users.id, owner.id));
    const details = new Set<string>();
    for (const token of [expired, revoked.token, ownerToken, "sbk_zzzzzzzzzzzzzzzzzzzzzzzzzzzz"]) {
      const refused = await callApi(usersRoute.GET, "GET", "/api/v1/users", { token });
      expect(refused.status).toBe(401);
      details.add(refused.json.detail);
    }
    // No way to tell an existing token from an unknown one.
    expect(details.size).toBe(1);
  });

  it("acts with the owner's current role: a demoted Administrator's token cannot create users", async () => {
    const { actor: owner } = await createTestUser(admin, { role: "administrator" });
    const { token } = await insertApiToken(owner, { name: uniqueName("demoted") });
    await getDb().update(users).set({ role: "user" }).where(eq(users.id, owner.id));
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    expect(refused.status).toBe(403);
  });

  it("ignores stored scopes that are not permissions, and a token with none can do nothing", async () => {
    const { token, id } = await insertApiToken(admin, { name: uniqueName("noscope"), scopes: [] });
    expect((await callApi(usersRoute.GET, "GET", "/api/v1/users", { token })).status).toBe(403);
    await getDb()
      .update(apiTokens)
      .set({ scopes: ["*", "users:*", "admin", "users:view "] })
      .where(eq(apiTokens.id, id));
    expect((await callApi(usersRoute.GET, "GET", "/api/v1/users", { token })).status).toBe(403);
  });
});

describe("scopes and delegation", () => {
  it("refuses writes to a token with only users:view", async () => {
    const { token } = await insertApiToken(admin, {
      name: uniqueName("view"),
      scopes: ["users:view"],
    });
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("users:create");
  });

  it("refuses a delegate's token creating an Administrator or changing one", async () => {
    const { actor: delegate } = await createTestUser(admin);
    const group = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token: adminToken,
      body: {
        name: uniqueName("helpdesk"),
        permissions: ["users:view", "users:create", "users:edit"],
      },
    });
    expect(group.status).toBe(201);
    const added = await callApi(groupMembersRoute.POST, "POST", "/x", {
      token: adminToken,
      params: { id: group.json.id },
      body: { userId: delegate.id },
    });
    expect(added.status).toBe(201);
    const { token } = await insertApiToken(delegate, {
      name: uniqueName("delegate"),
      scopes: ["users:view", "users:create", "users:edit"],
    });
    const create = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody({ role: "administrator" }),
    });
    expect(create.status).toBe(403);
    const patch = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${admin.id}`, {
      token,
      params: { id: admin.id },
      body: { password: "another perfectly fine passphrase" },
    });
    expect(patch.status).toBe(403);
    const selfPromote = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${delegate.id}`, {
      token,
      params: { id: delegate.id },
      body: { role: "administrator" },
    });
    expect(selfPromote.status).toBe(403);
    const joinOwnGroup = await callApi(groupMembersRoute.POST, "POST", "/x", {
      token,
      params: { id: group.json.id },
      body: { userId: delegate.id },
    });
    expect(joinOwnGroup.status).toBe(403);
  });

  // An Administrator's token scoped to users:create is meant to do only that, but
  // lib/users/create-user.ts lets any actor with role administrator create another
  // Administrator (with a password it chooses), so the token climbs to every permission.
  // Needs a fix in lib/users (the delegation rule bounded by the token's scopes).
  it("refuses an Administrator's narrowly scoped token creating an Administrator", async () => {
    const { token } = await insertApiToken(admin, {
      name: uniqueName("narrow"),
      scopes: ["users:view", "users:create"],
    });
    const create = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody({ role: "administrator" }),
    });
    expect(create.status).toBe(403);
  });

  // Same root cause: a users:edit token of an Administrator resets another Administrator's
  // password, taking over a person with every permission.
  it("refuses an Administrator's users:edit token resetting another Administrator's password", async () => {
    const { actor: second } = await createTestUser(admin, { role: "administrator" });
    const { token } = await insertApiToken(admin, {
      name: uniqueName("edit-only"),
      scopes: ["users:view", "users:edit"],
    });
    const patch = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${second.id}`, {
      token,
      params: { id: second.id },
      body: { password: "another perfectly fine passphrase" },
    });
    expect(patch.status).toBe(403);
  });

  it("refuses an Administrator's groups-only token granting permissions beyond its scopes", async () => {
    const { token } = await insertApiToken(admin, {
      name: uniqueName("groups-only"),
      scopes: ["groups:view", "groups:create"],
    });
    const created = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token,
      body: { name: uniqueName("all"), permissions: ["users:delete", "integrations:manage"] },
    });
    expect(created.status).toBe(403);
  });
});

describe("a delegate aiming at an Administrator", () => {
  const keys: PermissionKey[] = [
    "users:view",
    "users:edit",
    "permissions:view",
    "permissions:edit",
    "templates:view",
    "templates:apply",
    "instances:view",
    "integrations:manage",
  ];
  let delegate: Actor;
  let token: string;

  beforeAll(async () => {
    ({ actor: delegate } = await createTestUser(admin));
    delegate = { ...delegate, grants: new Map(keys.map((key) => [key, ["Power"]])) };
    const group = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token: adminToken,
      body: { name: uniqueName("power"), permissions: keys },
    });
    await callApi(groupMembersRoute.POST, "POST", "/x", {
      token: adminToken,
      params: { id: group.json.id },
      body: { userId: delegate.id },
    });
    ({ token } = await insertApiToken(delegate, { name: uniqueName("power"), scopes: keys }));
  });

  it("cannot set overrides on an Administrator or on themself", async () => {
    for (const id of [admin.id, delegate.id]) {
      const refused = await callApi(permissionsRoute.PUT, "PUT", "/x", {
        token,
        params: { id },
        body: { overrides: { "billing:manage": "allow" } },
      });
      expect(refused.status).toBe(403);
    }
  });

  it("cannot apply a template to an Administrator", async () => {
    const refused = await callApi(seatsRoute.POST, "POST", "/x", {
      token,
      params: { id: admin.id },
      body: {
        instanceId: "00000000-0000-0000-0000-000000000000",
        templateId: "00000000-0000-0000-0000-000000000000",
      },
    });
    expect([403, 404, 422]).toContain(refused.status);
    expect(refused.status).not.toBe(201);
  });

  it("cannot revoke an Administrator's token", async () => {
    const { id } = await insertApiToken(admin, { name: uniqueName("admins") });
    const error = await rejectionOf(revokeApiToken({ actor: delegate, tokenId: id }));
    expect(error).toBeInstanceOf(ForbiddenError);
  });
});

describe("another account's ids", () => {
  it("answers 404 for another account's user and group, and refuses its user as a member", async () => {
    const { user: theirs } = await createTestUser(otherAdmin);
    const got = await callApi(userRoute.GET, "GET", "/x", {
      token: adminToken,
      params: { id: theirs.id },
    });
    expect(got.status).toBe(404);
    const patched = await callApi(userRoute.PATCH, "PATCH", "/x", {
      token: adminToken,
      params: { id: theirs.id },
      body: { firstName: "Pwned" },
    });
    expect(patched.status).toBe(404);
    const deleted = await callApi(userRoute.DELETE, "DELETE", "/x", {
      token: adminToken,
      params: { id: theirs.id },
    });
    expect(deleted.status).toBe(404);
    const theirGroup = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token: otherToken,
      body: { name: uniqueName("theirs"), permissions: ["users:view"] },
    });
    const join = await callApi(groupMembersRoute.POST, "POST", "/x", {
      token: adminToken,
      params: { id: theirGroup.json.id },
      body: { userId: admin.id },
    });
    expect(join.status).toBe(404);
    const mine = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token: adminToken,
      body: { name: uniqueName("mine"), permissions: ["users:view"] },
    });
    const foreignMember = await callApi(groupMembersRoute.POST, "POST", "/x", {
      token: adminToken,
      params: { id: mine.json.id },
      body: { userId: theirs.id },
    });
    expect(foreignMember.status).toBe(422);
  });
});

describe("bodies", () => {
  it.each([
    ["accountId", { accountId: "00000000-0000-0000-0000-000000000000" }],
    ["passwordHash", { passwordHash: "$argon2id$v=19$m=1$x$y" }],
    ["id", { id: "00000000-0000-0000-0000-000000000000" }],
    ["createdAt", { createdAt: "2000-01-01T00:00:00Z" }],
    ["__proto__", JSON.parse('{"__proto__": {"role": "administrator"}}')],
  ])("refuses the side field %s", async (_name, extra) => {
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body: JSON.stringify({ ...newUserBody(), ...extra }),
    });
    expect(refused.status).toBe(422);
  });

  it.each([["[]"], ['"text"'], ["null"], ["42"], ["true"], ["{"], ['{"a":'.repeat(5000)]])(
    "answers a non-object or malformed body %# with a 4xx problem, never a 500",
    async (text) => {
      const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
        token: adminToken,
        body: text,
      });
      expect([400, 422]).toContain(refused.status);
      expect(JSON.stringify(refused.json)).not.toMatch(/at .*\.ts|stack|select |insert /i);
    },
  );

  it("answers deeply nested JSON with a 4xx, not a crash", async () => {
    const nested = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body: nested,
    });
    expect([400, 422]).toContain(refused.status);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body: JSON.stringify({ ...newUserBody(), firstName: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(refused.status).toBe(413);
  });
});

describe("lists", () => {
  it.each(["0", "-1", "1e9", "abc", "1.5", ""])("refuses limit=%s with 422", async (limit) => {
    const refused = await callApi(usersRoute.GET, "GET", `/api/v1/users?limit=${limit}`, {
      token: adminToken,
    });
    expect(refused.status).toBe(422);
  });

  it.each([
    ["users", usersRoute.GET, "/api/v1/users"],
    ["groups", groupsRoute.GET, "/api/v1/groups"],
    ["instances", instancesRoute.GET, "/api/v1/instances"],
    ["activity", activityRoute.GET, "/api/v1/activity"],
  ])(
    "answers crafted cursors on %s with 4xx or an empty page of this account",
    async (_name, handler, path) => {
      for (const cursor of [
        "AAAA",
        Buffer.from("' or 1=1 --").toString("base64url"),
        Buffer.from('{"id":"x"}').toString("base64url"),
        "\u0000",
        "AAAA\u0000",
        "x".repeat(500),
      ]) {
        const answer = await callApi(
          handler,
          "GET",
          `${path}?cursor=${encodeURIComponent(cursor)}`,
          {
            token: adminToken,
          },
        );
        expect([200, 422]).toContain(answer.status);
        if (answer.status === 200) {
          for (const row of answer.json.data)
            expect(JSON.stringify(row)).not.toContain(otherAdmin.userName);
        }
      }
    },
  );
});

describe("Idempotency-Key", () => {
  it("never replays one token's answer to another token with the same key", async () => {
    const key = uniqueName("key");
    const body = newUserBody();
    const first = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body,
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    const { token: second } = await insertApiToken(admin, { name: uniqueName("second") });
    const other = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: second,
      body,
      headers: { "idempotency-key": key },
    });
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(other.status).toBe(409);
    const foreign = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: otherToken,
      body: newUserBody(),
      headers: { "idempotency-key": key },
    });
    expect(foreign.status).toBe(201);
    expect(foreign.json.id).not.toBe(first.json.id);
  });

  it("refuses a key over 255 characters and one reused on another path", async () => {
    const long = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body: newUserBody(),
      headers: { "idempotency-key": "k".repeat(256) },
    });
    expect(long.status).toBe(400);
    const key = uniqueName("key");
    const made = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: adminToken,
      body: newUserBody(),
      headers: { "idempotency-key": key },
    });
    expect(made.status).toBe(201);
    const elsewhere = await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token: adminToken,
      body: { name: uniqueName("g"), permissions: [] },
      headers: { "idempotency-key": key },
    });
    expect(elsewhere.status).toBe(422);
  });
});

describe("If-Match", () => {
  it("refuses weak tags and unrelated lists, and accepts * and a list naming the current tag", async () => {
    const { user } = await createTestUser(admin);
    const read = await callApi(userRoute.GET, "GET", "/x", {
      token: adminToken,
      params: { id: user.id },
    });
    const tag = read.headers.get("etag")!;
    const patch = (ifMatch: string) =>
      callApi(userRoute.PATCH, "PATCH", "/x", {
        token: adminToken,
        params: { id: user.id },
        headers: { "if-match": ifMatch },
        body: { title: uniqueName("t") },
      });
    expect((await patch(`W/${tag}`)).status).toBe(412);
    expect((await patch('"nope", "other"')).status).toBe(412);
    expect((await patch("")).status).toBe(412);
    const listed = await patch(`"nope", ${tag}`);
    expect(listed.status).toBe(200);
    expect((await patch("*")).status).toBe(200);
  });
});

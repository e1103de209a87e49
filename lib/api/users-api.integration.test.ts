import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as userRoute from "../../app/api/v1/users/[id]/route";
import * as usersRoute from "../../app/api/v1/users/route";
import { getDb } from "../../db/client";
import { accountActivity, apiTokens } from "../../db/schema";
import { callApi, insertApiToken } from "../../tests/support/api-client";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "CI sync" }));
});

const newUserBody = () => {
  const userName = uniqueName("api");
  return {
    userName,
    firstName: "Ada",
    lastName: "Lovelace",
    email: `${userName}@example.com`,
    password: "a perfectly fine passphrase",
  };
};

describe("POST /api/v1/users", () => {
  it("creates a user with the form's names, answers 201 with it, and names the token in activity", async () => {
    const body = newUserBody();
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      userName: body.userName,
      firstName: "Ada",
      email: body.email,
      active: true,
      role: "user",
    });
    expect(created.json).not.toHaveProperty("password");
    expect(created.headers.get("location")).toBe(`/api/v1/users/${created.json.id}`);
    expect(created.headers.get("etag")).toMatch(/^".+"$/);
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetUserId, created.json.id));
    expect(activity).toMatchObject({
      kind: "user.created",
      actorUserId: admin.id,
      actorTokenLabel: "CI sync",
    });
  });

  it("refuses unknown fields, such as an account id, naming them", async () => {
    const body = { ...newUserBody(), accountId: "00000000-0000-0000-0000-000000000000" };
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors).toContainEqual({
      field: "accountId",
      message: 'Unknown field "accountId".',
    });
  });

  it("answers field errors as the form does", async () => {
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: { userName: "", email: "not an email", password: "short" },
    });
    expect(refused.status).toBe(422);
    const fields = refused.json.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["userName", "email", "password"]));
  });

  it("answers 400 to malformed JSON and 409 to a taken user name", async () => {
    const malformed = await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body: "{" });
    expect(malformed.status).toBe(400);
    const body = newUserBody();
    await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body });
    const again = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: { ...body, email: `other-${body.email}` },
    });
    expect(again.status).toBe(409);
  });
});

describe("GET /api/v1/users", () => {
  it("pages with a cursor and a limit of at most 200", async () => {
    for (let i = 0; i < 3; i++) {
      await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body: newUserBody() });
    }
    const first = await callApi(usersRoute.GET, "GET", "/api/v1/users?limit=2", { token });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await callApi(
      usersRoute.GET,
      "GET",
      `/api/v1/users?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token },
    );
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id);
    expect(second.json.data[0].id).not.toBe(first.json.data[1].id);
    const tooMany = await callApi(usersRoute.GET, "GET", "/api/v1/users?limit=201", { token });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.errors[0].field).toBe("limit");
  });

  it("answers 401 problem+json without a token, and with a revoked or expired one", async () => {
    const anonymous = await callApi(usersRoute.GET, "GET", "/api/v1/users");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    const revoked = await insertApiToken(admin);
    await getDb()
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, revoked.id));
    expect(
      (await callApi(usersRoute.GET, "GET", "/api/v1/users", { token: revoked.token })).status,
    ).toBe(401);
    const expired = await insertApiToken(admin, { expiresAt: new Date(Date.now() - 1000) });
    expect(
      (await callApi(usersRoute.GET, "GET", "/api/v1/users", { token: expired.token })).status,
    ).toBe(401);
  });

  it("refuses what the token's scopes leave out, even for an Administrator", async () => {
    const viewOnly = await insertApiToken(admin, { scopes: ["users:view"] });
    expect(
      (await callApi(usersRoute.GET, "GET", "/api/v1/users", { token: viewOnly.token })).status,
    ).toBe(200);
    const refused = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token: viewOnly.token,
      body: newUserBody(),
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("users:create");
  });

  it("gives a User's token no more than the User holds, whatever its scopes say", async () => {
    const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("plain") }]);
    const plain = await insertApiToken(actorFor(row!));
    const refused = await callApi(usersRoute.GET, "GET", "/api/v1/users", { token: plain.token });
    expect(refused.status).toBe(403);
  });

  it("does not show another account's users", async () => {
    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    const mine = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    const seen = await callApi(userRoute.GET, "GET", `/api/v1/users/${mine.json.id}`, {
      token: otherToken.token,
      params: { id: mine.json.id },
    });
    expect(seen.status).toBe(404);
  });
});

describe("PATCH /api/v1/users/{id}", () => {
  it("changes only what is sent, and refuses a stale If-Match with 412", async () => {
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const patched = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token,
      params: { id },
      body: { title: "Engineer" },
      headers: { "if-match": etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ title: "Engineer", firstName: "Ada" });
    expect(patched.headers.get("etag")).not.toBe(etag);
    const stale = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token,
      params: { id },
      body: { title: "Manager" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const read = await callApi(userRoute.GET, "GET", `/api/v1/users/${id}`, {
      token,
      params: { id },
    });
    expect(read.json.title).toBe("Engineer");
  });

  it("lets exactly one of two writes with the same If-Match through", async () => {
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const results = await Promise.all(
      ["First", "Second"].map((title) =>
        callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
          token,
          params: { id },
          body: { title },
          headers: { "if-match": etag },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it("refuses role and account changes through unknown fields", async () => {
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    const id = created.json.id;
    const refused = await callApi(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token,
      params: { id },
      body: { accountId: admin.accountId, passwordHash: "x" },
    });
    expect(refused.status).toBe(422);
  });
});

describe("DELETE /api/v1/users/{id}", () => {
  it("deletes and answers 204, then 404", async () => {
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
    });
    const id = created.json.id;
    const deleted = await callApi(userRoute.DELETE, "DELETE", `/api/v1/users/${id}`, {
      token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    const again = await callApi(userRoute.GET, "GET", `/api/v1/users/${id}`, {
      token,
      params: { id },
    });
    expect(again.status).toBe(404);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, refuses another body with 422", async () => {
    const body = newUserBody();
    const headers = { "idempotency-key": uniqueName("key") };
    const first = await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body, headers });
    const second = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const other = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: newUserBody(),
      headers,
    });
    expect(other.status).toBe(422);
  });

  it("creates once when the same request arrives twice at once: the other gets 201 or 409", async () => {
    const body = newUserBody();
    const headers = { "idempotency-key": uniqueName("key") };
    const results = await Promise.all(
      [1, 2].map(() => callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body, headers })),
    );
    const statuses = results.map((result) => result.status).sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const list = await callApi(usersRoute.GET, "GET", `/api/v1/users?q=${body.userName}`, {
      token,
    });
    expect(list.json.data).toHaveLength(1);
  });

  it("runs a refused request again when it is sent again with the same key", async () => {
    const headers = { "idempotency-key": uniqueName("key") };
    const body = { ...newUserBody(), email: "broken" };
    const first = await callApi(usersRoute.POST, "POST", "/api/v1/users", { token, body, headers });
    expect(first.status).toBe(422);
    const fixed = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: { ...body, email: `${body.userName}@example.com` },
      headers: { "idempotency-key": uniqueName("key") },
    });
    expect(fixed.status).toBe(201);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the token's requests per minute", async () => {
    const limited = await insertApiToken(admin);
    await getDb()
      .update(apiTokens)
      .set({ rateWindowStartedAt: new Date(), rateWindowHits: 1_000 })
      .where(eq(apiTokens.id, limited.id));
    const refused = await callApi(usersRoute.GET, "GET", "/api/v1/users", { token: limited.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const ok = await callApi(usersRoute.GET, "GET", "/api/v1/users", { token });
    expect(ok.headers.get("ratelimit-limit")).toBe("1000");
  });
});

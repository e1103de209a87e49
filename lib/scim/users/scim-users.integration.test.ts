import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as resourceTypesRoute from "../../../app/api/scim/v2/ResourceTypes/route";
import * as schemaRoute from "../../../app/api/scim/v2/Schemas/[id]/route";
import * as serviceProviderConfigRoute from "../../../app/api/scim/v2/ServiceProviderConfig/route";
import * as userRoute from "../../../app/api/scim/v2/Users/[id]/route";
import * as usersRoute from "../../../app/api/scim/v2/Users/route";
import { getDb } from "../../../db/client";
import { accountActivity, emails, groupMembers, groups, users } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { scimBaseUrl } from "../scim-base-url";

withTestDatabase();

const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const patchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const errorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

let admin: Actor;
let token: string;
let baseUrl: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Okta" }));
  baseUrl = await scimBaseUrl();
});

/** A POST /Users body as Okta sends it (a work email marked primary, no password). */
function oktaUser(overrides: Record<string, unknown> = {}) {
  const userName = uniqueName("okta");
  return {
    schemas: [userSchema],
    userName,
    name: { givenName: "Ada", familyName: "Lovelace" },
    emails: [{ primary: true, value: `${userName}@example.com`, type: "work" }],
    displayName: "Ada Lovelace",
    locale: "en-US",
    groups: [],
    externalId: uniqueName("00u"),
    active: true,
    ...overrides,
  };
}

async function createScimUser(body: Record<string, unknown> = oktaUser(), as = token) {
  const created = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
    token: as,
    body,
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created;
}

const getScimUser = (id: string, as = token) =>
  callApi(userRoute.GET, "GET", `/api/scim/v2/Users/${id}`, { token: as, params: { id } });

const patchScimUser = (
  id: string,
  Operations: unknown[],
  { as = token, headers = {} }: { as?: string; headers?: Record<string, string> } = {},
) =>
  callApi(userRoute.PATCH, "PATCH", `/api/scim/v2/Users/${id}`, {
    token: as,
    params: { id },
    body: { schemas: [patchOpSchema], Operations },
    headers,
  });

const listScimUsers = (query: string, as = token) =>
  callApi(usersRoute.GET, "GET", `/api/scim/v2/Users?${query}`, { token: as });

const filterBy = (filter: string) => `filter=${encodeURIComponent(filter)}`;

async function storedUser(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row!;
}

async function loginInstructionsTo(userId: string) {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.userId, userId), eq(emails.kind, "login-instructions")));
}

describe("POST /api/scim/v2/Users", () => {
  it("creates the user Okta sends, answers 201 in SCIM's form and queues login instructions", async () => {
    const body = oktaUser();
    const created = await createScimUser(body);
    const id = created.json.id;
    expect(created.headers.get("content-type")).toBe("application/scim+json");
    expect(created.headers.get("location")).toBe(`${baseUrl}/Users/${id}`);
    expect(created.headers.get("etag")).toMatch(/^".+"$/);
    expect(created.json).toMatchObject({
      schemas: [userSchema],
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userName: body.userName,
      externalId: body.externalId,
      name: { givenName: "Ada", familyName: "Lovelace", formatted: "Ada Lovelace" },
      displayName: "Ada Lovelace",
      emails: [{ value: `${body.userName}@example.com`, type: "work", primary: true }],
      active: true,
      groups: [],
      meta: {
        resourceType: "User",
        location: `${baseUrl}/Users/${id}`,
        version: created.headers.get("etag"),
      },
    });
    expect(created.json).not.toHaveProperty("password");
    expect(await storedUser(id)).toMatchObject({
      accountId: admin.accountId,
      userName: body.userName,
      email: `${body.userName}@example.com`,
      externalId: body.externalId,
      role: "user",
    });
    const messages = await loginInstructionsTo(id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status: "queued", accountId: admin.accountId });
    expect(messages[0]!.text).toContain("/set-password?token=");
  });

  it("sends no login instructions when a password is sent", async () => {
    const created = await createScimUser(oktaUser({ password: "a perfectly fine passphrase" }));
    expect(await loginInstructionsTo(created.json.id)).toHaveLength(0);
  });

  it("takes an email as userName, as Okta and Entra ID send by default, and as the email when none is sent", async () => {
    const userName = `${uniqueName("ada")}@example.com`;
    const withEmails = await createScimUser(
      oktaUser({ userName, emails: [{ primary: true, value: userName, type: "work" }] }),
    );
    expect(withEmails.json).toMatchObject({ userName, emails: [{ value: userName }] });
    const { emails: _emails, ...withoutEmails } = oktaUser({
      userName: `${uniqueName("grace")}@example.com`,
    });
    const created = await createScimUser(withoutEmails);
    expect(created.json.emails).toEqual([
      { value: withoutEmails.userName, type: "work", primary: true },
    ]);
  });

  it("refuses a taken userName, in another letter case, with 409 uniqueness", async () => {
    const body = oktaUser();
    await createScimUser(body);
    const again = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
      token,
      body: oktaUser({
        userName: body.userName.toUpperCase(),
        emails: [{ value: `other-${body.userName}@example.com`, primary: true }],
      }),
    });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/scim+json");
    expect(again.json).toMatchObject({
      schemas: [errorSchema],
      status: "409",
      scimType: "uniqueness",
    });
    expect(again.json.detail).toContain("userName");
  });

  it("refuses a missing userName with 400 invalidValue", async () => {
    const { userName: _userName, ...body } = oktaUser();
    const refused = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
      token,
      body,
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect(refused.json.detail).toContain("userName");
  });

  it("refuses a weak password with 400 naming password, creating nobody", async () => {
    const body = oktaUser({ password: "short" });
    const refused = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
      token,
      body,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.scimType).toBe("invalidValue");
    expect(refused.json.detail).toMatch(/^password: /);
    const found = await listScimUsers(filterBy(`userName eq "${body.userName}"`));
    expect(found.json.totalResults).toBe(0);
  });

  it("refuses malformed JSON and a JSON value that is not an object with 400 invalidSyntax", async () => {
    for (const text of ['{"userName": ', "[1, 2]"]) {
      const refused = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
        token,
        body: text,
      });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ schemas: [errorSchema], scimType: "invalidSyntax" });
    }
  });

  it("makes a User, never an Administrator, whatever the body says", async () => {
    const scoped = await insertApiToken(admin, { scopes: ["users:create", "users:view"] });
    for (const as of [scoped.token, token]) {
      const created = await createScimUser(
        oktaUser({
          role: "administrator",
          roles: [{ value: "administrator", primary: true }],
          userType: "Administrator",
        }),
        as,
      );
      expect((await storedUser(created.json.id)).role).toBe("user");
    }
  });
});

describe("GET /api/scim/v2/Users", () => {
  it("reads one user by id, with an ETag equal to meta.version", async () => {
    const created = await createScimUser();
    const read = await getScimUser(created.json.id);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("application/scim+json");
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe(read.json.meta.version);
  });

  it("answers 404 for an id that is not a user's, or not a uuid", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const missing = await getScimUser(id);
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ schemas: [errorSchema], status: "404" });
    }
  });

  it("finds a user by userName in any letter case, and by externalId exactly", async () => {
    const body = oktaUser();
    const created = await createScimUser(body);
    const byName = await listScimUsers(filterBy(`userName eq "${body.userName.toUpperCase()}"`));
    expect(byName.status).toBe(200);
    expect(byName.headers.get("content-type")).toBe("application/scim+json");
    expect(byName.json).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(byName.json.Resources[0]).toEqual(created.json);
    const byExternalId = await listScimUsers(filterBy(`externalId eq "${body.externalId}"`));
    expect(byExternalId.json.totalResults).toBe(1);
    expect(byExternalId.json.Resources[0].id).toBe(created.json.id);
    const otherCase = await listScimUsers(
      filterBy(`externalId eq "${body.externalId.toUpperCase()}"`),
    );
    expect(otherCase.json.totalResults).toBe(0);
    const byEmail = await listScimUsers(
      filterBy(`emails[type eq "work"].value eq "${body.userName}@example.com"`),
    );
    expect(byEmail.json.Resources.map((user: { id: string }) => user.id)).toEqual([
      created.json.id,
    ]);
  });

  it("pages with startIndex and count, counting every match in totalResults", async () => {
    const other = await createTestAccount();
    const otherToken = (await insertApiToken(other.admin)).token;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await createScimUser(oktaUser(), otherToken)).json.id);
    // Oldest first: the organization's first Administrator, then the users in order made.
    const all = await listScimUsers("", otherToken);
    expect(all.json.totalResults).toBe(4);
    expect(all.json.Resources.map((user: { id: string }) => user.id)).toEqual([
      other.admin.id,
      ...made,
    ]);
    const second = await listScimUsers("startIndex=2&count=2", otherToken);
    expect(second.json).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(second.json.Resources.map((user: { id: string }) => user.id)).toEqual(made.slice(0, 2));
    const last = await listScimUsers("startIndex=4&count=2", otherToken);
    expect(last.json).toMatchObject({ totalResults: 4, startIndex: 4, itemsPerPage: 1 });
    expect(last.json.Resources[0].id).toBe(made[2]);
    const countOnly = await listScimUsers("count=0", otherToken);
    expect(countOnly.json).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    const past = await listScimUsers("startIndex=99999999999", otherToken);
    expect(past.json).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    const inactive = await listScimUsers(filterBy("active eq false"), otherToken);
    expect(inactive.json.totalResults).toBe(0);
  });

  it("refuses a filter it cannot read, and a non-numeric count, with 400", async () => {
    for (const filter of ['userName eq "a" or userName eq "b"', 'title eq "x"', "userName pr"]) {
      const refused = await listScimUsers(filterBy(filter));
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ status: "400", scimType: "invalidFilter" });
    }
    const badCount = await listScimUsers("count=ten");
    expect(badCount.status).toBe(400);
    expect(badCount.json.scimType).toBe("invalidValue");
  });

  it("refuses a string with an escape JSON does not know with 400, not a server error", async () => {
    const refused = await listScimUsers(filterBy('userName eq "a\\qb"'));
    expect(refused.status).toBe(400);
    expect(refused.json.scimType).toBe("invalidFilter");
  });

  it("lists the groups the user belongs to", async () => {
    const created = await createScimUser();
    const [group] = await getDb()
      .insert(groups)
      .values({ accountId: admin.accountId, name: uniqueName("Sales") })
      .returning();
    await getDb().insert(groupMembers).values({ groupId: group!.id, userId: created.json.id });
    const read = await getScimUser(created.json.id);
    expect(read.json.groups).toEqual([
      { value: group!.id, display: group!.name, $ref: `${baseUrl}/Groups/${group!.id}` },
    ]);
    expect(read.json.meta.version).not.toBe(created.json.meta.version);
    const listed = await listScimUsers(filterBy(`userName eq "${created.json.userName}"`));
    expect(listed.json.Resources[0].groups).toEqual(read.json.groups);
  });
});

describe("PUT /api/scim/v2/Users/{id}", () => {
  it("replaces the names, clearing those left out, and keeps the email and externalId", async () => {
    const body = oktaUser({ title: "Countess" });
    const created = await createScimUser(body);
    const id = created.json.id;
    const replaced = await callApi(userRoute.PUT, "PUT", `/api/scim/v2/Users/${id}`, {
      token,
      params: { id },
      body: { schemas: [userSchema], userName: body.userName, name: { givenName: "Grace" } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({
      userName: body.userName,
      name: { givenName: "Grace", familyName: "" },
      emails: [{ value: `${body.userName}@example.com` }],
      externalId: body.externalId,
      active: true,
    });
    expect(replaced.json).not.toHaveProperty("title");
    expect(replaced.headers.get("etag")).toBe(replaced.json.meta.version);
    expect(await storedUser(id)).toMatchObject({
      firstName: "Grace",
      lastName: "",
      title: "",
      email: `${body.userName}@example.com`,
    });
  });

  it("refuses a PUT without userName with 400 invalidValue", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const refused = await callApi(userRoute.PUT, "PUT", `/api/scim/v2/Users/${id}`, {
      token,
      params: { id },
      body: { schemas: [userSchema], name: { givenName: "Grace" } },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.scimType).toBe("invalidValue");
    expect((await storedUser(id)).firstName).toBe("Ada");
  });
});

describe("PATCH /api/scim/v2/Users/{id}", () => {
  it("inactivates a user as Okta sends it, recording the inactivation", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const patched = await patchScimUser(id, [{ op: "replace", value: { active: false } }]);
    expect(patched.status).toBe(200);
    expect(patched.json.active).toBe(false);
    expect(patched.headers.get("etag")).toBe(patched.json.meta.version);
    expect((await storedUser(id)).active).toBe(false);
    const activity = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetUserId, id));
    expect(activity.map((row) => row.kind)).toContain("user.inactivated");
    expect(activity.find((row) => row.kind === "user.inactivated")).toMatchObject({
      actorUserId: admin.id,
      actorTokenLabel: "Okta",
    });
    const inactive = await listScimUsers(
      filterBy(`active eq false and userName eq "${created.json.userName}"`),
    );
    expect(inactive.json.totalResults).toBe(1);
  });

  it("inactivates and reactivates as Entra ID sends it (Replace, the string False)", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const off = await patchScimUser(id, [{ op: "Replace", path: "active", value: "False" }]);
    expect(off.status).toBe(200);
    expect((await storedUser(id)).active).toBe(false);
    const on = await patchScimUser(id, [{ op: "Replace", path: "active", value: "True" }]);
    expect(on.json.active).toBe(true);
    expect((await storedUser(id)).active).toBe(true);
  });

  it("changes name.givenName alone, and the email through a value path", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const newEmail = `${uniqueName("moved")}@example.com`;
    const patched = await patchScimUser(id, [
      { op: "replace", path: "name.givenName", value: "Augusta" },
      { op: "replace", path: 'emails[type eq "work"].value', value: newEmail },
    ]);
    expect(patched.status).toBe(200);
    expect(patched.json.name).toMatchObject({ givenName: "Augusta", familyName: "Lovelace" });
    expect(patched.json.emails).toEqual([{ value: newEmail, type: "work", primary: true }]);
    expect(await storedUser(id)).toMatchObject({ firstName: "Augusta", email: newEmail });
  });

  it("sets and removes the externalId", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const set = await patchScimUser(id, [{ op: "replace", path: "externalId", value: "00u-new" }]);
    expect(set.json.externalId).toBe("00u-new");
    const removed = await patchScimUser(id, [{ op: "remove", path: "externalId" }]);
    expect(removed.status).toBe(200);
    expect(removed.json).not.toHaveProperty("externalId");
    expect((await storedUser(id)).externalId).toBeNull();
  });

  it("refuses an externalId another user of the account has with 409", async () => {
    const taken = await createScimUser();
    const created = await createScimUser();
    const refused = await patchScimUser(created.json.id, [
      { op: "replace", path: "externalId", value: taken.json.externalId },
    ]);
    expect(refused.status).toBe(409);
    expect(refused.json.scimType).toBe("uniqueness");
    expect(refused.json.detail).toContain("externalId");
    expect((await storedUser(created.json.id)).externalId).toBe(created.json.externalId);
  });

  it("applies nothing of a PATCH that is refused (RFC 7644 §3.5.2)", async () => {
    const taken = await createScimUser();
    const created = await createScimUser();
    const refused = await patchScimUser(created.json.id, [
      { op: "replace", path: "active", value: false },
      { op: "replace", path: "externalId", value: taken.json.externalId },
    ]);
    expect(refused.status).toBe(409);
    expect((await storedUser(created.json.id)).active).toBe(true);
  });

  it("refuses removing userName with 400 mutability, and a remove without a path with noTarget", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const mutability = await patchScimUser(id, [{ op: "remove", path: "userName" }]);
    expect(mutability.status).toBe(400);
    expect(mutability.json.scimType).toBe("mutability");
    const noTarget = await patchScimUser(id, [{ op: "remove" }]);
    expect(noTarget.status).toBe(400);
    expect(noTarget.json.scimType).toBe("noTarget");
  });

  it("refuses a stale If-Match with 412 and takes the current one", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const first = created.headers.get("etag")!;
    const renamed = await patchScimUser(id, [{ op: "replace", path: "title", value: "Analyst" }], {
      headers: { "if-match": first },
    });
    expect(renamed.status).toBe(200);
    const current = renamed.headers.get("etag")!;
    expect(current).not.toBe(first);
    const stale = await patchScimUser(id, [{ op: "replace", path: "title", value: "Stale" }], {
      headers: { "if-match": first },
    });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ schemas: [errorSchema], status: "412" });
    expect((await storedUser(id)).title).toBe("Analyst");
    const fresh = await patchScimUser(id, [{ op: "replace", path: "title", value: "Fresh" }], {
      headers: { "if-match": current },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json.title).toBe("Fresh");
  });

  it("refuses malformed JSON with 400 invalidSyntax", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const refused = await callApi(userRoute.PATCH, "PATCH", `/api/scim/v2/Users/${id}`, {
      token,
      params: { id },
      body: "{ not json",
    });
    expect(refused.status).toBe(400);
    expect(refused.json.scimType).toBe("invalidSyntax");
  });
});

describe("DELETE /api/scim/v2/Users/{id}", () => {
  it("deletes the user: 204, then 404", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const deleted = await callApi(userRoute.DELETE, "DELETE", `/api/scim/v2/Users/${id}`, {
      token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeNull();
    expect((await getScimUser(id)).status).toBe(404);
    const again = await callApi(userRoute.DELETE, "DELETE", `/api/scim/v2/Users/${id}`, {
      token,
      params: { id },
    });
    expect(again.status).toBe(404);
  });
});

describe("who may call /api/scim/v2/Users", () => {
  it("answers 404 to another account's token for GET, PUT, PATCH and DELETE, changing nothing", async () => {
    const created = await createScimUser();
    const id = created.json.id;
    const other = await createTestAccount();
    const otherToken = (await insertApiToken(other.admin)).token;
    const calls = [
      getScimUser(id, otherToken),
      callApi(userRoute.PUT, "PUT", `/api/scim/v2/Users/${id}`, {
        token: otherToken,
        params: { id },
        body: { schemas: [userSchema], userName: created.json.userName },
      }),
      patchScimUser(id, [{ op: "replace", path: "active", value: false }], { as: otherToken }),
      callApi(userRoute.DELETE, "DELETE", `/api/scim/v2/Users/${id}`, {
        token: otherToken,
        params: { id },
      }),
    ];
    for (const call of calls) expect((await call).status).toBe(404);
    const found = await listScimUsers(
      filterBy(`userName eq "${created.json.userName}"`),
      otherToken,
    );
    expect(found.json.totalResults).toBe(0);
    expect(await storedUser(id)).toMatchObject({ active: true, firstName: "Ada" });
  });

  it("answers 403 to a token without the users scopes", async () => {
    const groupsOnly = (await insertApiToken(admin, { scopes: ["groups:view"] })).token;
    const listed = await listScimUsers("", groupsOnly);
    expect(listed.status).toBe(403);
    expect(listed.json).toMatchObject({ schemas: [errorSchema], status: "403" });
    const body = oktaUser();
    const created = await callApi(usersRoute.POST, "POST", "/api/scim/v2/Users", {
      token: groupsOnly,
      body,
    });
    expect(created.status).toBe(403);
    const found = await listScimUsers(filterBy(`userName eq "${body.userName}"`));
    expect(found.json.totalResults).toBe(0);
  });

  it("answers 401 with WWW-Authenticate without a token, or with an unknown one", async () => {
    for (const as of [undefined, "sbk_not_a_real_token"]) {
      const anonymous = await callApi(usersRoute.GET, "GET", "/api/scim/v2/Users", { token: as });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="switchboard"');
      expect(anonymous.headers.get("content-type")).toBe("application/scim+json");
      expect(anonymous.json).toMatchObject({ schemas: [errorSchema], status: "401" });
    }
  });
});

describe("SCIM discovery", () => {
  it("says PATCH, filters and ETags are supported, without a token", async () => {
    const config = await callApi(
      serviceProviderConfigRoute.GET,
      "GET",
      "/api/scim/v2/ServiceProviderConfig",
    );
    expect(config.status).toBe(200);
    expect(config.headers.get("content-type")).toBe("application/scim+json");
    expect(config.json).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      etag: { supported: true },
    });
  });

  it("lists the User and Group resource types, without a token", async () => {
    const types = await callApi(resourceTypesRoute.GET, "GET", "/api/scim/v2/ResourceTypes");
    expect(types.status).toBe(200);
    expect(types.json.totalResults).toBe(2);
    expect(types.json.Resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "User", endpoint: "/Users", schema: userSchema }),
        expect.objectContaining({
          id: "Group",
          endpoint: "/Groups",
          schema: "urn:ietf:params:scim:schemas:core:2.0:Group",
        }),
      ]),
    );
  });

  it("describes the User schema by its URN, and answers 404 to an unknown one", async () => {
    const schema = await callApi(schemaRoute.GET, "GET", `/api/scim/v2/Schemas/${userSchema}`, {
      params: { id: userSchema },
    });
    expect(schema.status).toBe(200);
    expect(schema.json.id).toBe(userSchema);
    expect(schema.json.attributes.map((attribute: { name: string }) => attribute.name)).toEqual(
      expect.arrayContaining(["userName", "name", "emails", "active", "groups"]),
    );
    const unknown = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    const missing = await callApi(schemaRoute.GET, "GET", `/api/scim/v2/Schemas/${unknown}`, {
      params: { id: unknown },
    });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ schemas: [errorSchema], status: "404" });
  });
});

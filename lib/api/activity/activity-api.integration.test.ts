import { beforeAll, describe, expect, it } from "vitest";
import * as activityRoute from "../../../app/api/v1/activity/route";
import * as groupsRoute from "../../../app/api/v1/groups/route";
import * as usersRoute from "../../../app/api/v1/users/route";
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

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "CI sync" }));
});

const list = (query = "", as = token) =>
  callApi(activityRoute.GET, "GET", `/api/v1/activity${query}`, { token: as });

describe("GET /api/v1/activity", () => {
  it("lists what the API did, newest first, naming the actor, the token and the target", async () => {
    const userName = uniqueName("api");
    const created = await callApi(usersRoute.POST, "POST", "/api/v1/users", {
      token,
      body: {
        userName,
        firstName: "Ada",
        lastName: "Lovelace",
        email: `${userName}@example.com`,
        password: "a perfectly fine passphrase",
      },
    });
    const groupName = uniqueName("Group");
    await callApi(groupsRoute.POST, "POST", "/api/v1/groups", {
      token,
      body: { name: groupName, permissions: ["users:view"] },
    });
    const answer = await list("?limit=2");
    expect(answer.status).toBe(200);
    const [group, user] = answer.json.data;
    expect(group).toMatchObject({
      kind: "group.created",
      actor: { label: admin.userName, userId: admin.id },
      actorToken: "CI sync",
      target: { label: groupName, userId: null },
      details: { group: groupName, permissions: ["users:view"] },
      clientAddress: "192.0.2.10",
    });
    expect(user).toMatchObject({
      kind: "user.created",
      actorToken: "CI sync",
      target: { label: userName, userId: created.json.id },
    });
    expect(user.details).not.toHaveProperty("password");
    expect(Date.parse(user.createdAt)).toBeLessThanOrEqual(Date.parse(group.createdAt));
    expect(group.id).toBeGreaterThan(user.id);
  });

  it("answers no token name for changes made in the portal", async () => {
    const { admin: owner } = await createTestAccount();
    const answer = await list("", (await insertApiToken(owner)).token);
    expect(answer.json.data).toEqual([
      expect.objectContaining({ kind: "account.created", actorToken: null }),
    ]);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const { admin: busy } = await createTestAccount();
    const busyToken = (await insertApiToken(busy)).token;
    await getDb()
      .insert(accountActivity)
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          accountId: busy.accountId,
          kind: "user.updated" as const,
          actorLabel: busy.userName,
          targetLabel: `target-${i}`,
        })),
      );
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const answer = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`, busyToken);
      pages.push(answer.json.data.map((row: { id: number }) => row.id));
      cursor = answer.json.nextCursor;
    } while (cursor && pages.length < 5);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    const walked = pages.flat();
    expect(walked).toEqual([...walked].sort((a, b) => b - a));
    expect(new Set(walked).size).toBe(7);
  });

  it("filters by kind, actor, target and days", async () => {
    const { admin: owner } = await createTestAccount();
    const ownerToken = (await insertApiToken(owner)).token;
    await getDb()
      .insert(accountActivity)
      .values([
        {
          accountId: owner.accountId,
          kind: "user.created",
          actorLabel: "alice",
          targetLabel: "bob",
          createdAt: new Date("2024-03-09T12:00:00Z"),
        },
        {
          accountId: owner.accountId,
          kind: "user.updated",
          actorLabel: "carol",
          targetLabel: "bob",
          createdAt: new Date("2024-03-10T23:59:00Z"),
        },
        {
          accountId: owner.accountId,
          kind: "user.updated",
          actorLabel: "alice",
          targetLabel: "dave",
          createdAt: new Date("2024-03-11T00:00:00Z"),
        },
      ]);
    const labels = async (query: string) =>
      (await list(query, ownerToken)).json.data.map(
        (row: { kind: string; actor: { label: string }; target: { label: string } }) =>
          `${row.kind} ${row.actor.label}>${row.target.label}`,
      );
    expect(await labels("?kind=user.created")).toEqual(["user.created alice>bob"]);
    expect(await labels("?actor=alice&kind=user.updated")).toEqual(["user.updated alice>dave"]);
    expect(await labels("?target=bob&from=2024-03-10&to=2024-03-10")).toEqual([
      "user.updated carol>bob",
    ]);
  });

  it("names malformed filters and unknown parameters instead of ignoring them", async () => {
    const answer = await list("?kind=user.flew&from=2024-13-45&cursor=abc&sort=kind&limit=0");
    expect(answer.status).toBe(422);
    const fields = answer.json.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["kind", "from", "cursor", "sort", "limit"]));
  });

  it("shows a User with View own only the rows about or by them", async () => {
    const [mine, other] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("own") },
      { userName: uniqueName("other") },
    ]);
    await getDb()
      .insert(accountActivity)
      .values([
        {
          accountId: admin.accountId,
          kind: "user.updated",
          actorUserId: admin.id,
          actorLabel: admin.userName,
          targetUserId: mine!.id,
          targetLabel: mine!.userName,
        },
        {
          accountId: admin.accountId,
          kind: "user.updated",
          actorUserId: admin.id,
          actorLabel: admin.userName,
          targetUserId: other!.id,
          targetLabel: other!.userName,
        },
      ]);
    const own = (await insertApiToken(actorFor(mine!))).token;
    const answer = await list("?limit=200", own);
    expect(answer.status).toBe(200);
    expect(answer.json.data).toHaveLength(1);
    expect(answer.json.data[0].target).toEqual({ label: mine!.userName, userId: mine!.id });
    const all = await list("?limit=200");
    expect(all.json.data.length).toBeGreaterThan(1);
  });

  it("refuses a token without an Account Activity scope, and shows no other account's rows", async () => {
    const refused = await list("", (await insertApiToken(admin, { scopes: ["users:view"] })).token);
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("activity:view_own");
    const { admin: stranger } = await createTestAccount();
    const theirs = await list("?limit=200", (await insertApiToken(stranger)).token);
    expect(theirs.json.data.every((row: { kind: string }) => row.kind === "account.created")).toBe(
      true,
    );
    expect(theirs.json.data).toHaveLength(1);
  });
});

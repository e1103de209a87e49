import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as memberRoute from "../../../app/api/v1/groups/[id]/members/[userId]/route";
import * as membersRoute from "../../../app/api/v1/groups/[id]/members/route";
import { getDb } from "../../../db/client";
import { accountActivity } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { getGroup } from "../../groups/get-group";
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

describe("/api/v1/groups/{id}/members", () => {
  it("adds by user id (201, then 409), lists in pages, removes (204, then 404)", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const people = [await userRow(), await userRow(), await userRow()];
    for (const person of people) {
      const added = await callApi(membersRoute.POST, "POST", `/api/v1/groups/${id}/members`, {
        token,
        params: { id },
        body: { userId: person.id },
      });
      expect(added.status).toBe(201);
      expect(added.json).toEqual({
        userId: person.id,
        userName: person.userName,
        firstName: person.firstName,
        lastName: person.lastName,
        color: person.color,
        active: true,
      });
      expect(added.headers.get("location")).toBe(`/api/v1/groups/${id}/members/${person.id}`);
    }
    const again = await callApi(membersRoute.POST, "POST", `/api/v1/groups/${id}/members`, {
      token,
      params: { id },
      body: { userId: people[0]!.id },
    });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([
      { field: "userId", message: `${people[0]!.userName} is already a member.` },
    ]);

    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/groups/${id}/members?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await callApi(membersRoute.GET, "GET", path, { token, params: { id } });
      expect(page.status).toBe(200);
      listed.push(...page.json.data.map((member: { userId: string }) => member.userId));
      cursor = page.json.nextCursor;
    } while (cursor && listed.length < 10);
    expect([...listed].sort()).toEqual(people.map((person) => person.id).sort());
    expect(listed).toEqual([...listed].sort());

    const path = `/api/v1/groups/${id}/members/${people[1]!.id}`;
    const params = { id, userId: people[1]!.id };
    const removed = await callApi(memberRoute.DELETE, "DELETE", path, { token, params });
    expect(removed.status).toBe(204);
    const gone = await callApi(memberRoute.DELETE, "DELETE", path, { token, params });
    expect(gone.status).toBe(404);
    expect((await getGroup({ actor: admin, groupId: id })).members.map((m) => m.id).sort()).toEqual(
      [people[0]!.id, people[2]!.id].sort(),
    );
    const kinds = await getDb()
      .select({ kind: accountActivity.kind, token: accountActivity.actorTokenLabel })
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, admin.accountId),
          eq(accountActivity.targetUserId, people[1]!.id),
        ),
      );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: "group.member_added", token: "CI sync" },
        { kind: "group.member_removed", token: "CI sync" },
      ]),
    );
  });

  it("answers 422 for an unknown or malformed user id, and 404 for another account's group", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const add = (body: unknown, groupId = id, as = token) =>
      callApi(membersRoute.POST, "POST", `/api/v1/groups/${groupId}/members`, {
        token: as,
        params: { id: groupId },
        body,
      });
    const stranger = (await createTestAccount()).admin;
    const unknown = await add({ userId: stranger.id });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([
      { field: "userId", message: "There is no user with this id." },
    ]);
    const malformed = await add({ userId: "me", role: "owner" });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors).toEqual(
      expect.arrayContaining([
        { field: "userId", message: "Not a user id." },
        { field: "role", message: 'Unknown field "role".' },
      ]),
    );
    const strangerToken = (await insertApiToken(stranger)).token;
    const member = await userRow();
    expect((await add({ userId: member.id }, id, strangerToken)).status).toBe(404);
    const listed = await callApi(membersRoute.GET, "GET", `/api/v1/groups/${id}/members`, {
      token: strangerToken,
      params: { id },
    });
    expect(listed.status).toBe(404);
    const badCursor = await callApi(
      membersRoute.GET,
      "GET",
      `/api/v1/groups/${id}/members?cursor=nope`,
      { token, params: { id } },
    );
    expect(badCursor.status).toBe(422);
  });

  it("keeps the delegation rules: nobody adds themselves, a delegate adds no one above them", async () => {
    const delegate = await delegateWith(admin, ["groups:view", "groups:edit", "users:view"]);
    const created = await postGroup(newGroup(["users:view"]));
    const id = created.json.id;
    const add = (userId: string) =>
      callApi(membersRoute.POST, "POST", `/api/v1/groups/${id}/members`, {
        token: delegate.token,
        params: { id },
        body: { userId },
      });
    const self = await add(delegate.row.id);
    expect(self.status).toBe(403);
    expect(self.json.detail).toBe("You cannot change your own group memberships.");
    expect((await add(admin.id)).status).toBe(403);
    const boss = await userRow("boss");
    const billing = await grantThrough(admin, boss.userName, ["billing:manage"]);
    const above = await add(boss.id);
    expect(above.status).toBe(403);
    expect(above.json.detail).toContain("Billing: Manage");
    const peer = await userRow();
    expect((await add(peer.id)).status).toBe(201);
    // A group granting what the delegate lacks is out of reach, members and all.
    const intoBilling = await callApi(
      membersRoute.POST,
      "POST",
      `/api/v1/groups/${billing.id}/members`,
      { token: delegate.token, params: { id: billing.id }, body: { userId: peer.id } },
    );
    expect(intoBilling.status).toBe(403);
    const outOfBilling = await callApi(
      memberRoute.DELETE,
      "DELETE",
      `/api/v1/groups/${billing.id}/members/${boss.id}`,
      { token: delegate.token, params: { id: billing.id, userId: boss.id } },
    );
    expect(outOfBilling.status).toBe(403);
  });

  it("refuses a token without Groups: Edit to add or remove members", async () => {
    const created = await postGroup();
    const id = created.json.id;
    const viewOnly = await insertApiToken(admin, { scopes: ["groups:view"] });
    const member = await userRow();
    const refused = await callApi(membersRoute.POST, "POST", `/api/v1/groups/${id}/members`, {
      token: viewOnly.token,
      params: { id },
      body: { userId: member.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("groups:edit");
    const listed = await callApi(membersRoute.GET, "GET", `/api/v1/groups/${id}/members`, {
      token: viewOnly.token,
      params: { id },
    });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ data: [], nextCursor: null });
  });
});

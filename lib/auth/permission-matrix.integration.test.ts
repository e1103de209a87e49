import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  groupMembers,
  groupPermissions,
  groups,
  licenceVersions,
  userPermissionOverrides,
  users,
} from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { listActivity } from "../activity/list-activity";
import { ForbiddenError, NotFoundError } from "../errors";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { getGroup } from "../groups/get-group";
import { listGroups } from "../groups/list-groups";
import { updateGroup } from "../groups/update-group";
import { publishLicence } from "../licence/publish-licence";
import { getUserPermissions } from "../permissions/get-user-permissions";
import { setUserOverrides } from "../permissions/set-user-overrides";
import { createUser } from "../users/create-user";
import { deleteUser } from "../users/delete-user";
import { getUser } from "../users/find-user";
import { listUsers } from "../users/list-users";
import { setUserActive } from "../users/set-user-active";
import { updateUser } from "../users/update-user";
import type { Actor } from "./actor";
import { loadPermissions } from "./load-permissions";
import { allPermissionKeys, type PermissionKey } from "./modules";

withTestDatabase();

/** Account A's objects a probe reads or changes; fresh ones for every case. */
type Targets = {
  accountId: string;
  user: Awaited<ReturnType<typeof insertTestUsers>>[number];
  groupId: string;
};

/**
 * One service call per module action. It resolves to true when the actor could
 * do it to account A (a read that returned A's data counts), and throws
 * Forbidden/NotFound when refused.
 */
const probes: Partial<Record<PermissionKey, (actor: Actor, t: Targets) => Promise<boolean>>> = {
  "users:view": async (actor, t) => {
    const page = await listUsers({ actor, query: { status: "active", q: t.user.userName } });
    const found = page.rows.some((row) => row.id === t.user.id);
    if (found) await getUser({ actor, userId: t.user.id });
    return found;
  },
  "users:create": async (actor) => {
    const created = await createUser({ actor, input: userInput() });
    return created.accountId === accountA;
  },
  "users:edit": async (actor, t) => {
    const user = await getUserRecord(t.user.id);
    await updateUser({ actor, userId: t.user.id, input: editInput(user, { title: "Changed" }) });
    return true;
  },
  "users:delete": async (actor, t) => {
    await deleteUser({ actor, userId: t.user.id });
    return true;
  },
  "users:inactivate": async (actor, t) => {
    await setUserActive({ actor, userId: t.user.id, active: false });
    return true;
  },
  "groups:view": async (actor, t) => {
    const found = (await listGroups({ actor })).some((group) => group.id === t.groupId);
    if (found) await getGroup({ actor, groupId: t.groupId });
    return found;
  },
  "groups:create": async (actor) => {
    const group = await createGroup({
      actor,
      input: { name: uniqueName("g"), description: "", permissions: [] },
    });
    return group.accountId === accountA;
  },
  "groups:edit": async (actor, t) => {
    await updateGroup({
      actor,
      groupId: t.groupId,
      input: { name: uniqueName("g"), description: "x", permissions: [] },
    });
    return true;
  },
  "groups:delete": async (actor, t) => {
    await deleteGroup({ actor, groupId: t.groupId });
    return true;
  },
  "permissions:view": async (actor, t) => {
    await getUserPermissions({ actor, userId: t.user.id });
    return true;
  },
  "permissions:edit": async (actor, t) => {
    await setUserOverrides({ actor, userId: t.user.id, overrides: { "billing:view": "deny" } });
    return true;
  },
  "activity:view_own": async (actor) => {
    await listActivity({ actor, query: { actor: "", target: "" } });
    return actor.accountId === accountA;
  },
  "activity:view_all": async (actor) => {
    const result = await listActivity({ actor, query: { actor: "", target: "" } });
    return result.viewAll && actor.accountId === accountA;
  },
  "organization:edit": async (actor) => {
    const published = await publishLicence({
      actor,
      input: {
        body: "A new licence text that is long enough to be accepted by the schema.",
        summary: "Test",
      },
    });
    return published.accountId === accountA;
  },
};

let accountA = "";
let adminA: Actor;
let adminB: Actor;

async function getUserRecord(id: string) {
  return getUser({ actor: adminA, userId: id });
}

async function freshTargets(): Promise<Targets> {
  const [user] = await insertTestUsers(accountA, [{ userName: uniqueName("target") }]);
  const group = await createGroup({
    actor: adminA,
    input: { name: uniqueName("tg"), description: "", permissions: [] },
  });
  return { accountId: accountA, user: user!, groupId: group.id };
}

/** Signs in a new User of account A: role baseline plus the given group grant and override. */
async function userActor(grant?: PermissionKey, deny?: PermissionKey): Promise<Actor> {
  const [user] = await insertTestUsers(accountA, [{ userName: uniqueName("actor") }]);
  if (grant) {
    const [module = "", action = ""] = grant.split(":");
    const [group] = await getDb()
      .insert(groups)
      .values({ accountId: accountA, name: uniqueName("grant") })
      .returning();
    await getDb().insert(groupPermissions).values({ groupId: group!.id, module, action });
    await getDb().insert(groupMembers).values({ groupId: group!.id, userId: user!.id });
  }
  if (deny) {
    const [module = "", action = ""] = deny.split(":");
    await getDb()
      .insert(userPermissionOverrides)
      .values({ userId: user!.id, module, action, effect: "deny" });
  }
  return { ...actorFor(user!), ...(await loadPermissions(user!.id)) };
}

/** Account A's data a refused call must leave exactly as it was. */
async function snapshot(t: Targets) {
  const db = getDb();
  const accountGroups = await db.select().from(groups).where(eq(groups.accountId, accountA));
  const groupIds = accountGroups.map((group) => group.id);
  return JSON.stringify({
    users: await db.select().from(users).where(eq(users.accountId, accountA)).orderBy(users.id),
    groups: accountGroups.sort((a, b) => a.id.localeCompare(b.id)),
    grants: groupIds.length
      ? await db.select().from(groupPermissions).where(inArray(groupPermissions.groupId, groupIds))
      : [],
    overrides: await db
      .select()
      .from(userPermissionOverrides)
      .where(eq(userPermissionOverrides.userId, t.user.id)),
    licences: await db
      .select()
      .from(licenceVersions)
      .where(eq(licenceVersions.accountId, accountA)),
  });
}

const baseline: PermissionKey[] = ["activity:view_own", "instances:view", "instances:rebuild"];

const actorKinds = [
  { kind: "an Administrator", make: async () => adminA, allowed: () => true },
  {
    kind: "a User with nothing",
    make: async () => userActor(),
    allowed: (key: PermissionKey) => baseline.includes(key),
  },
  {
    kind: "a User granted it by a group",
    make: (key: PermissionKey) => userActor(key),
    allowed: () => true,
  },
  {
    kind: "a User with a Deny override over that group",
    make: (key: PermissionKey) => userActor(key, key),
    allowed: () => false,
  },
  { kind: "an Administrator of another account", make: async () => adminB, allowed: () => false },
] as const;

beforeAll(async () => {
  const a = await createTestAccount();
  const b = await createTestAccount();
  accountA = a.account.id;
  adminA = a.admin;
  adminB = b.admin;
});

describe.each(allPermissionKeys)("%s", (key) => {
  const probe = probes[key];
  if (!probe) {
    it.todo(`is enforced when the ${key.split(":")[0]} pages arrive (no service yet)`);
    return;
  }
  it.each(actorKinds.map((entry) => [entry.kind, entry] as const))(
    "for %s",
    async (_kind, entry) => {
      const targets = await freshTargets();
      const actor = await entry.make(key);
      const expected = entry.allowed(key);
      const before = await snapshot(targets);
      let outcome: boolean;
      try {
        outcome = await probe(actor, targets);
      } catch (error) {
        if (!(error instanceof ForbiddenError || error instanceof NotFoundError)) throw error;
        outcome = false;
      }
      expect(outcome).toBe(expected);
      if (!outcome) expect(await snapshot(targets)).toBe(before);
    },
  );
});

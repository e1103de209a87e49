import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountActivity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { createUser } from "./create-user";
import { deleteUser } from "./delete-user";
import { getUser } from "./find-user";
import { listUsers } from "./list-users";
import { setUserActive } from "./set-user-active";
import { updateUser } from "./update-user";
import type { UserRecord } from "./user-record";

withTestDatabase();

/** Everything stored about an account's users and its activity, to prove a refusal changed nothing. */
async function accountState(accountId: string) {
  const db = getDb();
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(users.id));
  const [activity] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountActivity)
    .where(eq(accountActivity.accountId, accountId));
  return { users: rows, activityRows: activity?.n };
}

async function activeAdministrators(accountId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(eq(users.accountId, accountId), eq(users.role, "administrator"), eq(users.active, true)),
    );
  return row?.n ?? 0;
}

async function record(actor: Actor, userId: string): Promise<UserRecord> {
  return getUser({ actor, userId });
}

/**
 * An account whose first Administrator (a) is joined by a second active Administrator (b),
 * an inactive Administrator (inactive) and a plain user.
 */
async function accountWithAdministrators({ secondActive = true } = {}) {
  const { admin: a } = await createTestAccount();
  const [b, inactive, plain] = await insertTestUsers(a.accountId, [
    { userName: uniqueName("admin-b"), role: "administrator", active: secondActive },
    { userName: uniqueName("admin-off"), role: "administrator", active: false },
    { userName: uniqueName("plain"), role: "user" },
  ]);
  return { a, b: actorFor(b!), inactive: actorFor(inactive!), plain: actorFor(plain!) };
}

describe("an Administrator acting on themselves", () => {
  it("cannot delete themselves", async () => {
    const { a } = await accountWithAdministrators();
    const before = await accountState(a.accountId);
    const error = await rejectionOf(deleteUser({ actor: a, userId: a.id }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("You cannot delete yourself.");
    expect(await accountState(a.accountId)).toEqual(before);
  });

  it("cannot inactivate themselves with setUserActive", async () => {
    const { a } = await accountWithAdministrators();
    const before = await accountState(a.accountId);
    const error = await rejectionOf(setUserActive({ actor: a, userId: a.id, active: false }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("You cannot inactivate yourself.");
    expect(await accountState(a.accountId)).toEqual(before);
  });

  it("cannot inactivate themselves with updateUser", async () => {
    const { a } = await accountWithAdministrators();
    const self = await record(a, a.id);
    const before = await accountState(a.accountId);
    const error = await rejectionOf(
      updateUser({ actor: a, userId: a.id, input: editInput(self, { active: false }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "active", message: "You cannot inactivate yourself." });
    expect(await accountState(a.accountId)).toEqual(before);
  });

  it("cannot remove their own Administrator role, even when another Administrator exists", async () => {
    const { a } = await accountWithAdministrators();
    const self = await record(a, a.id);
    const before = await accountState(a.accountId);
    const error = await rejectionOf(
      updateUser({ actor: a, userId: a.id, input: editInput(self, { role: "user" }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      field: "role",
      message: "You cannot remove your own Administrator role.",
    });
    expect(await accountState(a.accountId)).toEqual(before);
  });
});

// Services trust the actor they are given, so a session of an Administrator who was since
// inactivated (still role "administrator" in its actor) is what reaches these guards without a race.
describe("the last active Administrator", () => {
  const lastAdministrator = "last active Administrator";

  const removals: [string, (actor: Actor, target: UserRecord) => Promise<unknown>, string][] = [
    [
      "deleted",
      (actor, target) => deleteUser({ actor, userId: target.id }),
      "This is the last active Administrator and cannot be deleted.",
    ],
    [
      "inactivated with setUserActive",
      (actor, target) => setUserActive({ actor, userId: target.id, active: false }),
      "This is the last active Administrator and cannot be inactivated.",
    ],
    [
      "inactivated with updateUser",
      (actor, target) =>
        updateUser({ actor, userId: target.id, input: editInput(target, { active: false }) }),
      // One rule for both ways of inactivating, so one message.
      "This is the last active Administrator and cannot be inactivated.",
    ],
    [
      "demoted with updateUser",
      (actor, target) =>
        updateUser({ actor, userId: target.id, input: editInput(target, { role: "user" }) }),
      "This is the last active Administrator: make someone else an Administrator first.",
    ],
  ];

  it.each(removals)(
    "cannot be %s; an inactive Administrator does not count",
    async (_, remove, message) => {
      const { a, inactive } = await accountWithAdministrators({ secondActive: false });
      const target = await record(a, a.id);
      const before = await accountState(a.accountId);
      const error = await rejectionOf(remove(inactive, target));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe(message);
      expect(error.message).toContain(lastAdministrator);
      expect(await accountState(a.accountId)).toEqual(before);
      expect(await activeAdministrators(a.accountId)).toBe(1);
    },
  );

  it.each(removals)("can be %s by another active Administrator", async (removal, remove) => {
    const { a, b } = await accountWithAdministrators();
    await remove(b, await record(a, a.id));
    expect(await activeAdministrators(a.accountId)).toBe(1);
    const [stored] = await getDb().select().from(users).where(eq(users.id, a.id));
    // Whichever way it was removed, the former Administrator is no longer an active one.
    expect(stored === undefined || !stored.active || stored.role === "user").toBe(true);
    expect(stored === undefined ? "deleted" : stored.active ? "demoted" : "inactivated").toBe(
      removal.split(" ")[0],
    );
  });

  it("lets an inactive Administrator be deleted", async () => {
    const { a, inactive } = await accountWithAdministrators({ secondActive: false });
    await deleteUser({ actor: a, userId: inactive.id });
    expect(await getDb().select().from(users).where(eq(users.id, inactive.id))).toEqual([]);
  });
});

describe("two Administrators removing each other at the same time", () => {
  type Removal = (actor: Actor, target: UserRecord) => Promise<unknown>;
  const demote: Removal = (actor, target) =>
    updateUser({ actor, userId: target.id, input: editInput(target, { role: "user" }) });
  const inactivate: Removal = (actor, target) =>
    setUserActive({ actor, userId: target.id, active: false });
  const remove: Removal = (actor, target) => deleteUser({ actor, userId: target.id });

  const races: [string, Removal, Removal][] = [
    ["demote each other", demote, demote],
    ["inactivate each other", inactivate, inactivate],
    ["delete each other", remove, remove],
    ["one demotes while the other deletes", demote, remove],
    ["one inactivates while the other demotes", inactivate, demote],
  ];

  it.each(races)(
    "%s: exactly one succeeds and an active Administrator remains",
    async (_, first, second) => {
      // A few rounds, since a race that is lost only sometimes is still lost.
      for (let round = 0; round < 3; round++) {
        const { admin: a } = await createTestAccount();
        const [inserted] = await insertTestUsers(a.accountId, [
          { userName: uniqueName("admin-b"), role: "administrator" },
        ]);
        const b = actorFor(inserted!);
        const [recordA, recordB] = [await record(a, a.id), await record(a, b.id)];
        const results = await Promise.allSettled([first(a, recordB), second(b, recordA)]);
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const [refused] = results.filter((result) => result.status === "rejected");
        expect(refused?.reason).toBeInstanceOf(ConflictError);
        expect(refused?.reason).toMatchObject({
          message: expect.stringContaining("last active Administrator"),
        });
        expect(await activeAdministrators(a.accountId)).toBe(1);
      }
    },
  );
});

describe("a user without the Administrator role", () => {
  async function setup() {
    const { a, plain } = await accountWithAdministrators();
    const [target] = await insertTestUsers(a.accountId, [{ userName: uniqueName("target") }]);
    return { a, plain, target: target! };
  }

  it("cannot list or view users", async () => {
    const { plain, target } = await setup();
    expect(
      await rejectionOf(listUsers({ actor: plain, query: { status: "active", q: "" } })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejectionOf(getUser({ actor: plain, userId: target.id }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejectionOf(getUser({ actor: plain, userId: plain.id }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("cannot create a user or an Administrator", async () => {
    const { a, plain } = await setup();
    const before = await accountState(a.accountId);
    for (const role of ["user", "administrator"] as const) {
      const error = await rejectionOf(createUser({ actor: plain, input: userInput({ role }) }));
      expect(error).toBeInstanceOf(ForbiddenError);
    }
    expect(await accountState(a.accountId)).toEqual(before);
  });

  it("cannot edit, inactivate, reactivate or delete a user, an Administrator or themselves", async () => {
    const { a, plain, target } = await setup();
    const inactiveTarget = (
      await insertTestUsers(a.accountId, [{ userName: uniqueName("off"), active: false }])
    )[0]!;
    const before = await accountState(a.accountId);
    for (const victim of [
      target,
      inactiveTarget,
      await record(a, a.id),
      await record(a, plain.id),
    ]) {
      const attempts = [
        () =>
          updateUser({
            actor: plain,
            userId: victim.id,
            input: editInput(victim, { firstName: "Hacked", role: "administrator" }),
          }),
        () => setUserActive({ actor: plain, userId: victim.id, active: !victim.active }),
        () => deleteUser({ actor: plain, userId: victim.id }),
      ];
      for (const attempt of attempts) {
        expect(await rejectionOf(attempt())).toBeInstanceOf(ForbiddenError);
      }
    }
    expect(await accountState(a.accountId)).toEqual(before);
  });
});

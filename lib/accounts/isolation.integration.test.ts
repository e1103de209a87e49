import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountActivity, licenceAcceptances, users } from "@/db/schema";
import { listActivity } from "@/lib/activity/list-activity";
import { activityQuerySchema } from "@/lib/activity/schemas";
import type { Actor } from "@/lib/auth/actor";
import { loadSessionUser } from "@/lib/auth/load-session-user";
import { NotFoundError } from "@/lib/errors";
import { acceptLicence } from "@/lib/licence/accept-licence";
import { findCurrentLicence, getLicenceOverview } from "@/lib/licence/current-licence";
import { defaultLicenceBody } from "@/lib/licence/default-licence";
import { publishLicence } from "@/lib/licence/publish-licence";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/find-user";
import { listUsers } from "@/lib/users/list-users";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import type { UserRecord } from "@/lib/users/user-record";
import {
  createTestAccount,
  createTestUser,
  editInput,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";

withTestDatabase();

let adminA: Actor;
let memberA: Actor;
let adminB: Actor;
let activeB: UserRecord;
let inactiveB: UserRecord;
let twinA: UserRecord;

/** Everything stored about account B, to prove account A's attempts changed nothing. */
async function accountBState() {
  const db = getDb();
  return {
    users: await db
      .select()
      .from(users)
      .where(eq(users.accountId, adminB.accountId))
      .orderBy(asc(users.id)),
    activity: await db
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.accountId, adminB.accountId))
      .orderBy(asc(accountActivity.id)),
  };
}

beforeAll(async () => {
  adminA = (await createTestAccount()).admin;
  adminB = (await createTestAccount()).admin;
  // Both accounts have a "Zebediah", so a search shows whose users come back.
  twinA = (await createTestUser(adminA, { firstName: "Zebediah", lastName: "Alpha" })).user;
  memberA = (await createTestUser(adminA)).actor;
  activeB = (await createTestUser(adminB, { firstName: "Zebediah", lastName: "Bravo" })).user;
  inactiveB = (await createTestUser(adminB, { lastName: "Bravo", active: false })).user;
  await updateUser({
    actor: adminB,
    userId: activeB.id,
    input: editInput(activeB, { title: "Bravo's boss" }),
  });
});

describe("an Administrator of another account", () => {
  it("cannot read account B's users", async () => {
    for (const userId of [activeB.id, inactiveB.id, adminB.id]) {
      const error = await rejectionOf(getUser({ actor: adminA, userId }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe("This user does not exist.");
    }
  });

  it("cannot edit account B's users, which stay unchanged", async () => {
    const before = await accountBState();
    for (const target of [activeB, inactiveB]) {
      const error = await rejectionOf(
        updateUser({
          actor: adminA,
          userId: target.id,
          input: editInput(target, { firstName: "Hijacked", active: true, role: "administrator" }),
        }),
      );
      expect(error).toBeInstanceOf(NotFoundError);
    }
    expect(await accountBState()).toEqual(before);
  });

  it("cannot inactivate or reactivate account B's users", async () => {
    const before = await accountBState();
    const attempts = [
      () => setUserActive({ actor: adminA, userId: activeB.id, active: false }),
      () => setUserActive({ actor: adminA, userId: adminB.id, active: false }),
      () => setUserActive({ actor: adminA, userId: inactiveB.id, active: true }),
    ];
    for (const attempt of attempts)
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    expect(await accountBState()).toEqual(before);
  });

  it("cannot delete account B's users", async () => {
    const before = await accountBState();
    for (const userId of [activeB.id, inactiveB.id, adminB.id]) {
      expect(await rejectionOf(deleteUser({ actor: adminA, userId }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await accountBState()).toEqual(before);
    expect(await loadSessionUser(adminB.id, crypto.randomUUID())).toBeDefined();
  });

  it("is told an id that is not a user id does not exist", async () => {
    for (const userId of ["", "not-a-uuid", "1 or 1=1", crypto.randomUUID()]) {
      expect(await rejectionOf(getUser({ actor: adminA, userId }))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(deleteUser({ actor: adminA, userId }))).toBeInstanceOf(
        NotFoundError,
      );
    }
  });
});

describe("lists never show another account", () => {
  it("lists only the account's own active and inactive users", async () => {
    const ownIds = (
      await getDb()
        .select({ id: users.id })
        .from(users)
        .where(eq(users.accountId, adminA.accountId))
    ).map((row) => row.id);
    for (const status of ["active", "inactive"] as const) {
      const page = await listUsers({ actor: adminA, query: { status, q: "" } });
      for (const row of page.rows) expect(ownIds).toContain(row.id);
    }
    const active = await listUsers({ actor: adminA, query: { status: "active", q: "" } });
    expect(active.rows.map((row) => row.id).sort()).toEqual(
      [adminA.id, memberA.id, twinA.id].sort(),
    );
    const inactive = await listUsers({ actor: adminB, query: { status: "inactive", q: "" } });
    expect(inactive.rows.map((row) => row.id)).toEqual([inactiveB.id]);
    expect((await listUsers({ actor: adminA, query: { status: "inactive", q: "" } })).rows).toEqual(
      [],
    );
  });

  it("finds only the account's own users when searching", async () => {
    for (const q of ["zebediah", "bravo", activeB.email, activeB.userName, "example.test"]) {
      const page = await listUsers({ actor: adminA, query: { status: "active", q } });
      const ids = page.rows.map((row) => row.id);
      expect(ids).not.toContain(activeB.id);
      expect(ids).not.toContain(adminB.id);
    }
    const zebediahs = await listUsers({
      actor: adminA,
      query: { status: "active", q: "zebediah" },
    });
    expect(zebediahs.rows.map((row) => row.id)).toEqual([twinA.id]);
  });

  it("shows only the account's own activity, also when filtered by a user of B", async () => {
    const accountBIds = new Set(
      (
        await getDb()
          .select({ id: accountActivity.id })
          .from(accountActivity)
          .where(eq(accountActivity.accountId, adminB.accountId))
      ).map((row) => row.id),
    );
    expect(accountBIds.size).toBeGreaterThan(0);
    const queries = [
      {},
      { actor: adminB.userName },
      { target: activeB.userName },
      { kind: "user.updated" },
    ];
    for (const query of queries) {
      for (const actor of [adminA, memberA]) {
        const page = await listActivity({ actor, query: activityQuerySchema.parse(query) });
        for (const row of page.rows) expect(accountBIds.has(row.id)).toBe(false);
      }
    }
    const all = await listActivity({ actor: adminA, query: activityQuerySchema.parse({}) });
    expect(all.rows.length).toBeGreaterThan(0);
  });

  it("lists only the account's own users as not having accepted the licence", async () => {
    const overview = await getLicenceOverview({ actor: adminA });
    const pending = overview!.pending.map((row) => row.id);
    expect(pending.sort()).toEqual([adminA.id, memberA.id, twinA.id].sort());
  });
});

describe("licence versions belong to one account", () => {
  it("does not ask account B to accept again when account A publishes", async () => {
    const versionB = await findCurrentLicence(adminB.accountId);
    await acceptLicence({ actor: adminB, versionId: versionB!.id, userAgent: "test" });
    await publishLicence({
      actor: adminA,
      input: { body: defaultLicenceBody, summary: uniqueName("republished") },
    });
    expect((await loadSessionUser(adminB.id, crypto.randomUUID()))?.licenceAccepted).toBe(true);
    expect((await findCurrentLicence(adminB.accountId))?.id).toBe(versionB!.id);
    const acceptances = await getDb()
      .select()
      .from(licenceAcceptances)
      .where(eq(licenceAcceptances.userId, adminB.id));
    expect(acceptances).toHaveLength(1);
  });
});

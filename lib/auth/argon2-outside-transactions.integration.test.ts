import argon2 from "argon2";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import {
  createTestAccount,
  createTestUser,
  insertTestUsers,
  rejectionOf,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { changeOwnPassword } from "../users/change-own-password";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { verifyCurrentPassword } from "./verify-current-password";

// Every argon2 call first asks the database what is being held at that moment.
const probe = vi.hoisted(() => ({ check: undefined as (() => Promise<void>) | undefined }));

vi.mock("./passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./passwords")>();
  const probed =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      await probe.check?.();
      return run(...args);
    };
  return {
    ...actual,
    hashPassword: probed(actual.hashPassword),
    verifyPassword: probed(actual.verifyPassword),
    verifyAgainstDummy: probed(actual.verifyAgainstDummy),
  };
});

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

afterEach(() => {
  probe.check = undefined;
});

/**
 * What this process holds in the database right now: checked-out pool connections,
 * advisory locks, open transactions. PGlite runs one thing at a time, so there an open
 * transaction shows as a probe query that cannot start.
 */
async function heldNow(): Promise<string[]> {
  const held: string[] = [];
  const client = (getDb() as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool && client.totalCount > client.idleCount) {
    held.push("a pooled connection");
  }
  type Counts = { advisoryLocks: number; openTransactions: number };
  const query = getDb().execute(sql`select
    (select count(*) from pg_locks where locktype = 'advisory' and database =
      (select oid from pg_database where datname = current_database()))::int as "advisoryLocks",
    (select count(*) from pg_stat_activity where datname = current_database()
      and pid <> pg_backend_pid() and xact_start is not null)::int as "openTransactions"`);
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, 1000, undefined));
  const counts = query.then((result) => (result as unknown as { rows: Counts[] }).rows[0]);
  const result = await Promise.race([counts, timeout]);
  if (!result) return [...held, "the database, busy with a transaction"];
  if (result.advisoryLocks > 0) held.push("an advisory lock");
  if (result.openTransactions > 0) held.push("an open transaction");
  return held;
}

/** Runs `work` and returns what was held during each argon2 call it made. */
async function heldDuringArgon2(work: () => Promise<unknown>): Promise<string[][]> {
  const observations: string[][] = [];
  probe.check = async () => {
    observations.push(await heldNow());
  };
  await work().catch(() => undefined);
  probe.check = undefined;
  return observations;
}

describe("argon2 runs outside transactions and locks", () => {
  it("is noticed when it runs inside a transaction (the probe works)", async () => {
    const observations = await heldDuringArgon2(() =>
      getDb().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(99, 99)`);
        await probe.check?.();
      }),
    );
    expect(observations).toHaveLength(1);
    expect(observations[0]).not.toEqual([]);
  });

  it("when authenticate checks a right, a wrong and an unknown user's password", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("probe") }]);
    const clientAddress = "192.0.2.10";
    const observations = await heldDuringArgon2(async () => {
      await authenticate({ login: user!.userName, password: testPassword, clientAddress });
      await authenticate({ login: user!.userName, password: "wrong password", clientAddress });
      await authenticate({ login: uniqueName("nobody"), password: "x", clientAddress });
    });
    expect(observations).toEqual([[], [], []]);
  });

  it("when authenticate rehashes a stale hash", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("stale") }]);
    const staleHash = await argon2.hash(testPassword, {
      type: argon2.argon2id,
      memoryCost: 1024,
      timeCost: 1,
      parallelism: 1,
    });
    await getDb().update(users).set({ passwordHash: staleHash }).where(eq(users.id, user!.id));
    const observations = await heldDuringArgon2(() =>
      authenticate({ login: user!.userName, password: testPassword, clientAddress: "192.0.2.11" }),
    );
    // One verify, one new hash.
    expect(observations).toEqual([[], []]);
  });

  it("when the current password is checked and a new one set", async () => {
    const { actor } = await createTestUser(admin);
    const newPassword = "an entirely new passphrase";
    const observations = await heldDuringArgon2(async () => {
      await rejectionOf(
        verifyCurrentPassword({
          userId: actor.id,
          password: "wrong!",
          clientAddress: "192.0.2.12",
        }),
      );
      await changeOwnPassword({
        actor,
        input: { currentPassword: testPassword, newPassword, confirmPassword: newPassword },
      });
    });
    // A wrong check; then a right check and the new password's hash.
    expect(observations).toEqual([[], [], []]);
  });
});

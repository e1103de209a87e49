import argon2 from "argon2";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountActivity, signInFailures, users } from "@/db/schema";
import {
  createTestAccount,
  insertTestUsers,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "./actor";
import { addressPrefix } from "./address-prefix";
import { authenticate } from "./authenticate";
import { passwordHashIsStale, verifyPassword } from "./passwords";

withTestDatabase();

let admin: Actor;
let addressCounter = 0;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

/** Each test signs in from its own addresses so per-address counts never mix. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

async function newUser(overrides: { active?: boolean } = {}) {
  const [user] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("signin"), ...overrides },
  ]);
  return user!;
}

const seconds = (n: number) => n * 1000;
const minutes = (n: number) => n * 60_000;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

async function failTimes(count: number, login: string, clientAddress: string, now: Date) {
  const results = [];
  for (let i = 0; i < count; i++) {
    results.push(await authenticate({ login, password: "not the password", clientAddress, now }));
  }
  return results;
}

describe("authenticate", () => {
  it("signs in with the user name in any letter case, ignoring surrounding spaces", async () => {
    const user = await newUser();
    const result = await authenticate({
      login: `  ${user.userName.toUpperCase()} `,
      password: testPassword,
      clientAddress: newAddress(),
    });
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, sessionVersion: user.sessionVersion },
    });
  });

  it("signs in with the email in any letter case", async () => {
    const user = await newUser();
    const result = await authenticate({
      login: user.email.toUpperCase(),
      password: testPassword,
      clientAddress: newAddress(),
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers a wrong password, an unknown user and an inactive user alike", async () => {
    const user = await newUser();
    const inactive = await newUser({ active: false });
    const clientAddress = newAddress();
    const answers = [
      await authenticate({ login: user.userName, password: "wrong password!", clientAddress }),
      await authenticate({ login: uniqueName("nobody"), password: testPassword, clientAddress }),
      await authenticate({ login: inactive.userName, password: testPassword, clientAddress }),
      await authenticate({ login: "", password: testPassword, clientAddress }),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });

  it("records a known user's failed sign-in without the password typed", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    await authenticate({ login: user.userName, password: "typed secret 123", clientAddress });
    const rows = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.targetUserId, user.id),
          eq(accountActivity.kind, "user.sign_in_failed"),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      accountId: admin.accountId,
      actorUserId: null,
      targetLabel: user.userName,
      clientAddress,
      details: { reason: "wrong password" },
    });
    expect(JSON.stringify(rows)).not.toContain("typed secret 123");
  });

  it("records a successful sign-in with the user as actor and target", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    await authenticate({ login: user.userName, password: testPassword, clientAddress });
    const [row] = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetUserId, user.id))
      .orderBy(desc(accountActivity.id));
    expect(row).toMatchObject({
      kind: "user.signed_in",
      actorUserId: user.id,
      targetUserId: user.id,
      clientAddress,
    });
  });
});

describe("authenticate: locking a user after repeated failures", () => {
  it("locks for a minute after 10 consecutive failures, even with the right password", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const start = new Date();
    // Failures count per user, whether they typed the user name or the email.
    const results = [
      ...(await failTimes(5, user.userName, clientAddress, start)),
      ...(await failTimes(5, user.email.toUpperCase(), clientAddress, start)),
    ];
    expect(results.slice(0, 9)).toEqual(Array(9).fill({ ok: false, reason: "invalid" }));
    expect(results[9]).toMatchObject({ ok: false, reason: "locked" });

    const right = { login: user.userName, password: testPassword, clientAddress };
    expect(await authenticate({ ...right, now: at(start, seconds(1)) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterSeconds: 59,
    });
    // Only this user is locked: another signs in from the same address meanwhile.
    const other = await newUser();
    expect(
      await authenticate({ ...right, login: other.userName, now: at(start, seconds(1)) }),
    ).toMatchObject({ ok: true });
    expect(await authenticate({ ...right, now: at(start, seconds(60)) })).toMatchObject({
      ok: true,
    });
  });

  it("doubles the lock after each further failure, up to 15 minutes, ignoring locked attempts", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    let now = new Date();
    const [tenth] = (await failTimes(10, user.userName, clientAddress, now)).slice(-1);
    expect(tenth).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 60 });
    const locks = [];
    let lockMs = minutes(1);
    for (let failure = 11; failure <= 16; failure++) {
      // Attempts while locked are refused unchecked and do not count as failures.
      await failTimes(2, user.userName, clientAddress, at(now, lockMs - seconds(1)));
      now = at(now, lockMs);
      const [result] = await failTimes(1, user.userName, clientAddress, now);
      expect(result).toMatchObject({ ok: false, reason: "locked" });
      const retryAfterSeconds = (result as { retryAfterSeconds: number }).retryAfterSeconds;
      locks.push(retryAfterSeconds / 60);
      lockMs = seconds(retryAfterSeconds);
    }
    expect(locks).toEqual([2, 4, 8, 15, 15, 15]);

    // Still locked one second before the last lock ends, even with the right password.
    const right = { login: user.userName, password: testPassword, clientAddress };
    expect(await authenticate({ ...right, now: at(now, minutes(15) - seconds(1)) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterSeconds: 1,
    });
    expect(await authenticate({ ...right, now: at(now, minutes(15)) })).toMatchObject({
      ok: true,
    });
  });

  it("locks an unknown user name the same way, in any letter case", async () => {
    const ghost = uniqueName("ghost");
    const clientAddress = newAddress();
    const start = new Date();
    const results = await failTimes(10, ghost, clientAddress, start);
    expect(results.slice(0, 9)).toEqual(Array(9).fill({ ok: false, reason: "invalid" }));
    expect(results[9]).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 60 });
    expect(
      await authenticate({
        login: ghost.toUpperCase(),
        password: testPassword,
        clientAddress,
        now: at(start, seconds(30)),
      }),
    ).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 30 });
    // Another name from the same address is not locked.
    expect(
      await authenticate({ login: uniqueName("ghost"), password: "x", clientAddress, now: start }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("resets the count of failures after a successful sign-in", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await failTimes(9, user.userName, clientAddress, now);
    const right = { login: user.userName, password: testPassword, clientAddress, now };
    expect(await authenticate(right)).toMatchObject({ ok: true });
    // Without the reset this would be the 10th consecutive failure, and locked.
    expect(await failTimes(1, user.userName, clientAddress, now)).toEqual([
      { ok: false, reason: "invalid" },
    ]);
  });
});

async function insertFailures(clientAddress: string, count: number, failedAt: Date) {
  await getDb()
    .insert(signInFailures)
    .values(Array.from({ length: count }, () => ({ clientAddress, failedAt })));
}

/** The addresses of a user's checked and failed sign-ins, one entry per password checked. */
async function checkedFailures(userId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ clientAddress: accountActivity.clientAddress })
    .from(accountActivity)
    .where(
      and(
        eq(accountActivity.targetUserId, userId),
        eq(accountActivity.kind, "user.sign_in_failed"),
      ),
    );
  return rows.map((row) => row.clientAddress);
}

describe("authenticate: blocking a client address", () => {
  it("blocks an address after 100 failures within 24 hours, even with the right password", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await insertFailures(clientAddress, 99, at(now, -minutes(23 * 60)));
    // The 100th failure is still answered normally…
    expect(
      await authenticate({ login: uniqueName("nobody"), password: "x", clientAddress, now }),
    ).toEqual({ ok: false, reason: "invalid" });
    // …and from then on the address is refused before any password is checked.
    const right = { login: user.userName, password: testPassword, clientAddress, now };
    expect(await authenticate(right)).toEqual({
      ok: false,
      reason: "address_blocked",
      retryAfterSeconds: 3600,
    });
    expect(await authenticate({ ...right, clientAddress: newAddress() })).toMatchObject({
      ok: true,
    });
  });

  it("counts failures from one address across different user names", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await insertFailures(clientAddress, 97, now);
    for (let i = 0; i < 3; i++) await failTimes(1, uniqueName("spray"), clientAddress, now);
    expect(
      await authenticate({ login: user.userName, password: testPassword, clientAddress, now }),
    ).toMatchObject({ ok: false, reason: "address_blocked" });
  });

  it("forgets failures older than 24 hours", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await insertFailures(clientAddress, 150, at(now, -minutes(24 * 60) - seconds(1)));
    await insertFailures(clientAddress, 99, at(now, -minutes(60)));
    // The same failures block a check made 23 hours ago, when they were all recent…
    expect(
      await authenticate({
        login: user.userName,
        password: testPassword,
        clientAddress,
        now: at(now, -minutes(23 * 60)),
      }),
    ).toMatchObject({ ok: false, reason: "address_blocked" });
    // …but no longer one made now.
    expect(
      await authenticate({ login: user.userName, password: testPassword, clientAddress, now }),
    ).toMatchObject({ ok: true });
  });
});

describe("authenticate: locks per user and address", () => {
  it("locks a user only from the address the failures came from", async () => {
    const user = await newUser();
    const [guesser, owner] = [newAddress(), newAddress()];
    const now = new Date();
    await failTimes(10, user.userName, guesser, now);
    const right = { login: user.userName, password: testPassword, now };
    expect(await authenticate({ ...right, clientAddress: guesser })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    // The user signs in from their own address meanwhile…
    expect(await authenticate({ ...right, clientAddress: owner })).toMatchObject({ ok: true });
    // …which clears that address's count only: the guesser stays locked.
    expect(await authenticate({ ...right, clientAddress: guesser })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterSeconds: 60,
    });
  });

  it("does not count successful sign-ins against the address", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await insertFailures(clientAddress, 99, now);
    const right = { login: user.userName, password: testPassword, clientAddress, now };
    for (let i = 0; i < 3; i++) expect(await authenticate(right)).toMatchObject({ ok: true });
  });

  it("answers for a known user exactly as for an unknown name, locked or slowed", async () => {
    const script = async (login: string) => {
      const now = new Date();
      const [first, second, third] = [newAddress(), newAddress(), newAddress()];
      return [
        ...(await failTimes(11, login, first, now)),
        ...(await failTimes(10, login, second, now)),
        ...(await failTimes(1, login, third, now)),
        ...(await failTimes(1, login, third, at(now, seconds(5)))),
      ];
    };
    const user = await newUser();
    const known = await script(user.userName);
    expect(known.at(-2)).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 5 });
    expect(await script(uniqueName("ghost"))).toEqual(known);
  });
});

describe("authenticate: slowing a user down across addresses", () => {
  /** Twenty failures for the login from ten addresses, two each: no address is locked. */
  async function failFromTenAddresses(login: string, now: Date) {
    for (let i = 0; i < 10; i++) await failTimes(2, login, newAddress(), now);
  }

  it("accepts one check per 5 seconds after 20 failures from anywhere, so the user still gets in", async () => {
    const user = await newUser();
    const now = new Date();
    await failFromTenAddresses(user.userName, now);
    const right = { login: user.userName, password: testPassword, clientAddress: newAddress() };
    expect(await authenticate({ ...right, now: at(now, seconds(1)) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterSeconds: 4,
    });
    expect(await authenticate({ ...right, now: at(now, seconds(5)) })).toMatchObject({
      ok: true,
    });
  });

  it("checks one of many guesses arriving together from different addresses", async () => {
    const user = await newUser();
    const now = new Date();
    await failFromTenAddresses(user.userName, now);
    const later = at(now, seconds(5));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        authenticate({
          login: user.userName,
          password: `wrong guess ${i}`,
          clientAddress: newAddress(),
          now: later,
        }),
      ),
    );
    expect(results.filter((result) => result.ok === false && result.reason === "invalid")).toEqual([
      { ok: false, reason: "invalid" },
    ]);
    expect(results.filter((result) => result.ok === false && result.reason === "locked")).toEqual(
      Array(7).fill({ ok: false, reason: "locked", retryAfterSeconds: 5 }),
    );
    expect(await checkedFailures(user.id)).toHaveLength(21);
  });

  it("does not count successful sign-ins towards the slow-down", async () => {
    const user = await newUser();
    const now = new Date();
    await failTimes(1, user.userName, newAddress(), now);
    for (let i = 0; i < 9; i++) await failTimes(2, user.userName, newAddress(), now);
    const right = { login: user.userName, password: testPassword, clientAddress: newAddress() };
    expect(await authenticate({ ...right, now })).toMatchObject({ ok: true });
    expect(await authenticate({ ...right, now })).toMatchObject({ ok: true });
  });

  it("stops slowing after an hour without failures", async () => {
    const user = await newUser();
    const now = new Date();
    await failFromTenAddresses(user.userName, now);
    const clientAddress = newAddress();
    expect(await failTimes(2, user.userName, clientAddress, at(now, minutes(60)))).toEqual(
      Array(2).fill({ ok: false, reason: "invalid" }),
    );
  });
});

describe("authenticate: IPv6 addresses", () => {
  it("locks a user for a whole IPv6 /64 and not for the next one", async () => {
    const user = await newUser();
    const now = new Date();
    for (let i = 1; i <= 10; i++) {
      await failTimes(1, user.userName, `2001:db8:1:2::${i.toString(16)}`, now);
    }
    const right = { login: user.userName, password: testPassword, now };
    expect(
      await authenticate({ ...right, clientAddress: "2001:db8:1:2:ffff:ffff:ffff:ffff" }),
    ).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 60 });
    expect(await authenticate({ ...right, clientAddress: "2001:db8:1:3::1" })).toMatchObject({
      ok: true,
    });
  });

  it("blocks a whole IPv6 /64 after 100 failures from anywhere in it", async () => {
    const user = await newUser();
    const now = new Date();
    await insertFailures(addressPrefix("2001:db8:7:7::"), 95, now);
    for (let i = 1; i <= 5; i++) {
      await failTimes(1, uniqueName("spray"), `2001:db8:7:7:${i}::${i}`, now);
    }
    const right = { login: user.userName, password: testPassword, now };
    expect(await authenticate({ ...right, clientAddress: "2001:db8:7:7::abcd" })).toMatchObject({
      ok: false,
      reason: "address_blocked",
    });
    expect(await authenticate({ ...right, clientAddress: "2001:db8:7:8::abcd" })).toMatchObject({
      ok: true,
    });
  });

  it("counts an IPv4-mapped IPv6 address as its IPv4 address", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    await failTimes(5, user.userName, `::ffff:${clientAddress}`, now);
    const [tenth] = (await failTimes(5, user.userName, clientAddress, now)).slice(-1);
    expect(tenth).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 60 });
  });
});

describe("authenticate: password hashes", () => {
  it("rehashes a stale password hash at a successful sign-in", async () => {
    const user = await newUser();
    const staleHash = await argon2.hash(testPassword, {
      type: argon2.argon2id,
      memoryCost: 1024,
      timeCost: 1,
      parallelism: 1,
    });
    expect(passwordHashIsStale(staleHash)).toBe(true);
    await getDb().update(users).set({ passwordHash: staleHash }).where(eq(users.id, user.id));

    const clientAddress = newAddress();
    await authenticate({ login: user.userName, password: "wrong password!", clientAddress });
    const [afterFailure] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(afterFailure?.passwordHash).toBe(staleHash);

    expect(
      await authenticate({ login: user.userName, password: testPassword, clientAddress }),
    ).toMatchObject({ ok: true });
    const [stored] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(stored?.passwordHash).not.toBe(staleHash);
    expect(passwordHashIsStale(stored!.passwordHash)).toBe(false);
    expect(await verifyPassword(stored!.passwordHash, testPassword)).toBe(true);
    expect(
      await authenticate({ login: user.userName, password: testPassword, clientAddress }),
    ).toMatchObject({ ok: true });
  });
});

describe("authenticate: guesses arriving at once", () => {
  // Twenty simultaneous wrong guesses must be checked one at a time: the 11th and later are
  // answered "locked" unchecked, and the right password after them is refused too. (A right
  // guess inside the burst may be served among the first ten, and a success rightly clears the
  // count, so the burst holds wrong guesses only.)
  it("checks at most 10 passwords of a user when guesses arrive together", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate({
          login: user.userName,
          password: `wrong guess number ${i}`,
          clientAddress,
          now,
        }),
      ),
    );
    const checked = await checkedFailures(user.id);
    expect(checked).toHaveLength(10);
    expect(results.filter((result) => result.ok)).toEqual([]);
    expect(results.filter((result) => !result.ok && result.reason === "locked")).toHaveLength(11);
    expect(
      await authenticate({ login: user.userName, password: testPassword, clientAddress, now }),
    ).toMatchObject({ ok: false, reason: "locked" });
  });

  it("checks at most 10 passwords per address when guesses arrive together from two", async () => {
    const user = await newUser();
    const [first, second] = [newAddress(), newAddress()];
    const now = new Date();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate({
          login: user.userName,
          password: `wrong guess number ${i}`,
          clientAddress: i % 2 ? first : second,
          now,
        }),
      ),
    );
    const checked = await checkedFailures(user.id);
    expect(checked.filter((address) => address === first).length).toBeLessThanOrEqual(10);
    expect(checked.filter((address) => address === second).length).toBeLessThanOrEqual(10);
    const right = { login: user.userName, password: testPassword, now };
    expect(await authenticate({ ...right, clientAddress: first })).toMatchObject({
      reason: "locked",
    });
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type PasswordTokenPurpose, passwordTokens } from "@/db/schema";
import {
  createTestAccount,
  createTestUser,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { renderEmail } from "../email/render-email";
import { InvalidError } from "../errors";
import { setUserActive } from "../users/set-user-active";
import { consumePasswordToken } from "./consume-password-token";
import { issuePasswordToken } from "./issue-password-token";
import { hashToken } from "./token-hash";
import { invalidLinkMessage } from "./token-lifetimes";

withTestDatabase();

// The first of everything (a database, argon2, rendering a message) is slow on a busy machine:
// done here, under the hook's longer timeout, rather than in the first test.
beforeAll(async () => {
  const { admin } = await createTestAccount();
  await createTestUser(admin);
  await renderEmail("password-changed", {
    organizationName: "O",
    recipientName: "R",
    userName: "u",
  });
});

const hourMs = 3_600_000;
const start = new Date("2030-01-01T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

async function newUser() {
  const { admin } = await createTestAccount();
  const { user } = await createTestUser(admin, { userName: uniqueName("tok") });
  return { admin, user };
}

function issue(
  user: { id: string; accountId: string },
  purpose: PasswordTokenPurpose,
  now = start,
) {
  return getDb().transaction((tx) =>
    issuePasswordToken(tx, { accountId: user.accountId, userId: user.id, purpose, now }),
  );
}

function consume(token: string, purpose: PasswordTokenPurpose, now = start) {
  return getDb().transaction((tx) => consumePasswordToken(tx, { token, purpose, now }));
}

async function expectRefused(attempt: Promise<unknown>) {
  const error = await rejectionOf(attempt);
  expect(error).toBeInstanceOf(InvalidError);
  expect(error.message).toBe(invalidLinkMessage);
  expect(error.message).toBe("This link has expired or was already used. Ask for a new one.");
}

describe("issuePasswordToken", () => {
  it("returns 256 random bits, URL-safe, and stores only their SHA-256 hash", async () => {
    const { user } = await newUser();
    const token = await issue(user, "set_password");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await getDb()
      .select()
      .from(passwordTokens)
      .where(eq(passwordTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expiresAt).toEqual(at(72 * hourMs));
    expect(await issue(user, "set_password")).not.toBe(token);
  });

  it("makes a reset link expire after 30 minutes", async () => {
    const { user } = await newUser();
    await issue(user, "reset_password");
    const [row] = await getDb()
      .select()
      .from(passwordTokens)
      .where(eq(passwordTokens.userId, user.id));
    expect(row!.expiresAt).toEqual(at(30 * 60_000));
  });
});

describe("consumePasswordToken", () => {
  it("returns the link's user once, then refuses the same link", async () => {
    const { user } = await newUser();
    const token = await issue(user, "set_password");
    const holder = await consume(token, "set_password", at(1000));
    expect(holder).toMatchObject({ id: user.id, userName: user.userName, email: user.email });
    const [row] = await getDb()
      .select()
      .from(passwordTokens)
      .where(eq(passwordTokens.userId, user.id));
    expect(row!.usedAt).toEqual(at(1000));
    await expectRefused(consume(token, "set_password", at(2000)));
  });

  it("lets only one of two simultaneous uses through", async () => {
    const { user } = await newUser();
    const token = await issue(user, "reset_password");
    const results = await Promise.allSettled([
      consume(token, "reset_password"),
      consume(token, "reset_password"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason.message).toBe(invalidLinkMessage);
  });

  it("accepts a first-password link until 72 hours have passed, not after", async () => {
    const { user } = await newUser();
    const expiring = await issue(user, "set_password");
    await expectRefused(consume(expiring, "set_password", at(72 * hourMs)));
    const fresh = await issue(user, "set_password");
    expect((await consume(fresh, "set_password", at(72 * hourMs - 1))).id).toBe(user.id);
  });

  it("accepts a reset link for 30 minutes, not after", async () => {
    const { user } = await newUser();
    const expiring = await issue(user, "reset_password");
    await expectRefused(consume(expiring, "reset_password", at(30 * 60_000 + 1)));
    const fresh = await issue(user, "reset_password");
    expect((await consume(fresh, "reset_password", at(30 * 60_000 - 1))).id).toBe(user.id);
  });

  it("refuses an older link once a newer one of the same purpose was issued", async () => {
    const { user } = await newUser();
    const older = await issue(user, "set_password");
    const otherPurpose = await issue(user, "reset_password");
    const newer = await issue(user, "set_password");
    await expectRefused(consume(older, "set_password"));
    expect((await consume(newer, "set_password")).id).toBe(user.id);
    // Spending a link ends the user's other unused links too.
    await expectRefused(consume(otherPurpose, "reset_password"));
  });

  it("keeps a link of the other purpose when a new one is issued", async () => {
    const { user } = await newUser();
    const reset = await issue(user, "reset_password");
    await issue(user, "set_password");
    expect((await consume(reset, "reset_password")).id).toBe(user.id);
  });

  it("refuses a link used for the other purpose, leaving it usable for its own", async () => {
    const { user } = await newUser();
    const token = await issue(user, "set_password");
    await expectRefused(consume(token, "reset_password"));
    expect((await consume(token, "set_password")).id).toBe(user.id);
  });

  it("refuses unknown and malformed links and the link of an inactive user alike", async () => {
    const { admin, user } = await newUser();
    await expectRefused(consume("A".repeat(43), "set_password"));
    await expectRefused(consume("", "set_password"));
    await expectRefused(consume("x'; drop table users; --", "set_password"));
    const token = await issue(user, "set_password");
    await setUserActive({ actor: admin, userId: user.id, active: false });
    await expectRefused(consume(token, "set_password"));
  });
});

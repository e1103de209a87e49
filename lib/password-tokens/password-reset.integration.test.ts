import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emails, jobs, users } from "@/db/schema";
import {
  createTestAccount,
  createTestUser,
  rejectionOf,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { authenticate } from "../auth/authenticate";
import { renderEmail } from "../email/render-email";
import { InvalidError } from "../errors";
import { setUserActive } from "../users/set-user-active";
import { passwordResetJobHandlers, passwordResetJobKind } from "./password-reset-job";
import { requestPasswordReset, resetsPerLoginPerHour } from "./request-password-reset";
import { setPasswordWithToken } from "./set-password-with-token";
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

const origin = "https://portal.example.test";
const newPassword = "a brand new passphrase";

beforeEach(async () => {
  await getDb().delete(jobs);
});

/** Runs the queued reset jobs as the dispatcher would, and removes them. */
async function runResetJobs() {
  const queued = await getDb().select().from(jobs).where(eq(jobs.kind, passwordResetJobKind));
  const handler = passwordResetJobHandlers()[passwordResetJobKind]!;
  for (const job of queued) await handler.run(job, { now: new Date() });
  await getDb().delete(jobs).where(eq(jobs.kind, passwordResetJobKind));
  return queued;
}

async function resetEmailsOf(userId: string) {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.userId, userId), eq(emails.kind, "password-reset")));
}

function tokenIn(text: string, path: string): string {
  const match = new RegExp(`${origin}${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in the message.`);
  return match[1]!;
}

async function newUser() {
  const { admin } = await createTestAccount();
  const { user } = await createTestUser(admin, { userName: uniqueName("reset") });
  return { admin, user };
}

describe("requestPasswordReset", () => {
  it("does the same for an unknown address as for a real one: one job, the same shape, no message yet", async () => {
    const { user } = await newUser();
    for (const login of [user.email, `nobody-${uniqueName()}@example.test`]) {
      await requestPasswordReset({ login, clientAddress: "10.20.0.1", origin });
    }
    const queued = await getDb().select().from(jobs);
    expect(queued).toHaveLength(2);
    expect(queued.map((job) => job.kind)).toEqual([passwordResetJobKind, passwordResetJobKind]);
    expect(queued.map((job) => Object.keys(job.payload).sort())).toEqual([
      ["login", "origin"],
      ["login", "origin"],
    ]);
    expect(queued.every((job) => job.accountId === null)).toBe(true);
    expect(await resetEmailsOf(user.id)).toEqual([]);
  });

  it("sends a real user, found by email or user name in any letter case, one link to reset-password", async () => {
    const { user } = await newUser();
    await requestPasswordReset({
      login: ` ${user.userName.toUpperCase()} `,
      clientAddress: "10.20.0.2",
      origin,
    });
    await runResetJobs();
    const [message] = await resetEmailsOf(user.id);
    expect(message).toMatchObject({ status: "queued", toAddress: `Test User <${user.email}>` });
    expect(message!.subject).toMatch(/^Reset your .+ password$/);
    expect(tokenIn(message!.text, "/reset-password")).toHaveLength(43);
    expect(message!.html).toContain(`${origin}/reset-password?token=`);
  });

  it("sends nothing for an unknown login or an inactive user", async () => {
    const { admin, user } = await newUser();
    await setUserActive({ actor: admin, userId: user.id, active: false });
    const resetMessages = async () => {
      const [row] = await getDb()
        .select({ count: sql<number>`count(*)::int` })
        .from(emails)
        .where(eq(emails.kind, "password-reset"));
      return row!.count;
    };
    const before = await resetMessages();
    await requestPasswordReset({ login: user.email, clientAddress: "10.20.0.3", origin });
    await requestPasswordReset({ login: "no-such-user", clientAddress: "10.20.0.3", origin });
    expect(await runResetJobs()).toHaveLength(2);
    expect(await resetMessages()).toBe(before);
  });

  it("queues one message for a request answered twice (a retry after a crash)", async () => {
    const { user } = await newUser();
    await requestPasswordReset({ login: user.email, clientAddress: "10.20.0.4", origin });
    const [job] = await getDb().select().from(jobs);
    const handler = passwordResetJobHandlers()[passwordResetJobKind]!;
    await handler.run(job!, { now: new Date() });
    await handler.run(job!, { now: new Date() });
    expect(await resetEmailsOf(user.id)).toHaveLength(1);
  });

  it(`stops queueing after ${resetsPerLoginPerHour} requests for one login in an hour`, async () => {
    const { user } = await newUser();
    const now = new Date();
    for (let request = 0; request < resetsPerLoginPerHour + 2; request++) {
      await requestPasswordReset({
        login: user.email,
        clientAddress: `10.21.0.${request}`,
        origin,
        now,
      });
    }
    expect(await getDb().select().from(jobs)).toHaveLength(resetsPerLoginPerHour);
    await requestPasswordReset({
      login: user.email,
      clientAddress: "10.21.1.1",
      origin,
      now: new Date(now.getTime() + 3_600_001),
    });
    expect(await getDb().select().from(jobs)).toHaveLength(resetsPerLoginPerHour + 1);
  });
});

describe("setPasswordWithToken", () => {
  async function resetLink(email: string) {
    await requestPasswordReset({ login: email, clientAddress: "10.22.0.1", origin });
    await runResetJobs();
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    const [message] = (await resetEmailsOf(user!.id)).slice(-1);
    return tokenIn(message!.text, "/reset-password");
  }

  it("sets the new password, ends other sessions, tells the user, and spends the link", async () => {
    const { user } = await newUser();
    const token = await resetLink(user.email);
    const [before] = await getDb().select().from(users).where(eq(users.id, user.id));
    const result = await setPasswordWithToken({
      token,
      purpose: "reset_password",
      newPassword,
      clientAddress: "10.22.0.2",
    });
    expect(result).toEqual({ userName: user.userName });
    const [after] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(
      await authenticate({
        login: user.userName,
        password: newPassword,
        clientAddress: "10.22.0.3",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({
        login: user.userName,
        password: testPassword,
        clientAddress: "10.22.0.4",
      }),
    ).toMatchObject({ ok: false });
    const alerts = await getDb()
      .select()
      .from(emails)
      .where(and(eq(emails.userId, user.id), eq(emails.kind, "password-changed")));
    expect(alerts).toHaveLength(1);
    const again = await rejectionOf(
      setPasswordWithToken({ token, purpose: "reset_password", newPassword, clientAddress: "x" }),
    );
    expect(again.message).toBe(invalidLinkMessage);
  });

  it("refuses a weak password without spending the link", async () => {
    const { user } = await newUser();
    const token = await resetLink(user.email);
    for (const weak of ["short", user.email]) {
      const error = await rejectionOf(
        setPasswordWithToken({
          token,
          purpose: "reset_password",
          newPassword: weak,
          clientAddress: "x",
        }),
      );
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors.newPassword).toBeTruthy();
    }
    await setPasswordWithToken({
      token,
      purpose: "reset_password",
      newPassword,
      clientAddress: "x",
    });
  });

  it("refuses a reset link on the first-password page", async () => {
    const { user } = await newUser();
    const token = await resetLink(user.email);
    const error = await rejectionOf(
      setPasswordWithToken({ token, purpose: "set_password", newPassword, clientAddress: "x" }),
    );
    expect(error.message).toBe(invalidLinkMessage);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountActivity, emails, jobs, passwordTokens, users } from "@/db/schema";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { authenticate } from "../auth/authenticate";
import { ConflictError, InvalidError } from "../errors";
import { setPasswordWithToken } from "../password-tokens/set-password-with-token";
import { invalidLinkMessage } from "../password-tokens/token-lifetimes";
import { createUser } from "./create-user";
import { resendLoginInstructions } from "./resend-login-instructions";

withTestDatabase();

// The first of everything (a database, argon2, rendering a message) is slow on a busy machine:
// done here, under the hook's longer timeout, rather than in the first test.
beforeAll(async () => {
  const { admin } = await createTestAccount();
  await createUser({
    actor: admin,
    input: userInput({ newPassword: "", sendLoginInstructions: true }),
    origin: "https://warm.example.test",
  });
});

const origin = "https://portal.example.test";
const chosenPassword = "my very own passphrase";

async function messagesTo(userId: string) {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.userId, userId), eq(emails.kind, "login-instructions")));
}

function setPasswordToken(text: string): string {
  const match = /https:\/\/portal\.example\.test\/set-password\?token=([A-Za-z0-9_-]{43})/.exec(
    text,
  );
  if (!match) throw new Error("No set-password link in the message.");
  return match[1]!;
}

describe("createUser with Send login instructions", () => {
  it("queues exactly one message with a set-password link, and its job, with the user", async () => {
    const { admin, account } = await createTestAccount();
    const user = await createUser({
      actor: admin,
      input: userInput({ newPassword: "", sendLoginInstructions: true, firstName: "Ada" }),
      origin,
    });
    const messages = await messagesTo(user.id);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      accountId: admin.accountId,
      status: "queued",
      toAddress: `Ada User <${user.email}>`,
      subject: `Your ${account.name} account is ready`,
    });
    expect(message!.text).toContain(user.userName);
    expect(message!.text).toContain("72 hours");
    const [job] = await getDb().select().from(jobs).where(eq(jobs.id, message!.jobId!));
    expect(job).toMatchObject({ kind: "email.send", status: "queued" });
    // The link in the message is the stored token's: it sets the password once.
    const token = setPasswordToken(message!.text);
    await setPasswordWithToken({
      token,
      purpose: "set_password",
      newPassword: chosenPassword,
      clientAddress: "10.30.0.1",
    });
    expect(
      await authenticate({
        login: user.userName,
        password: chosenPassword,
        clientAddress: "10.30.0.2",
      }),
    ).toMatchObject({ ok: true });
  });

  it("leaves a user without a password unable to sign in, refused like a wrong password", async () => {
    const { admin } = await createTestAccount();
    const user = await createUser({
      actor: admin,
      input: userInput({ newPassword: "", sendLoginInstructions: true }),
      origin,
    });
    const [stored] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    for (const guess of ["", "a perfectly fine passphrase", "undefined"]) {
      expect(
        await authenticate({ login: user.userName, password: guess, clientAddress: "10.30.1.1" }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("queues nothing when the box is off", async () => {
    const { admin } = await createTestAccount();
    const user = await createUser({ actor: admin, input: userInput(), origin });
    expect(await messagesTo(user.id)).toEqual([]);
  });

  it("still requires a password when the box is off", async () => {
    const { admin } = await createTestAccount();
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ newPassword: "" }), origin }),
    );
    expect((error as InvalidError).fieldErrors).toEqual({ newPassword: "Enter a password." });
  });

  it("queues nothing for a user created inactive", async () => {
    const { admin } = await createTestAccount();
    const user = await createUser({
      actor: admin,
      input: userInput({ newPassword: "", sendLoginInstructions: true, active: false }),
      origin,
    });
    expect(await messagesTo(user.id)).toEqual([]);
  });

  it("queues nothing and keeps no link when the user's creation rolls back", async () => {
    const { admin } = await createTestAccount();
    const userName = uniqueName("rolled");
    const error = await rejectionOf(
      createUser({
        actor: admin,
        input: userInput({
          userName,
          newPassword: "",
          sendLoginInstructions: true,
          groupIds: ["00000000-0000-4000-8000-000000000000"],
        }),
        origin,
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(await getDb().select().from(users).where(eq(users.userName, userName))).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(emails)
        .where(eq(emails.toAddress, `Test User <${userName}@example.test>`)),
    ).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(passwordTokens)
        .where(eq(passwordTokens.accountId, admin.accountId)),
    ).toEqual([]);
  });

  it("creates a user whose address cannot be sent to, recording the message as failed", async () => {
    const { admin } = await createTestAccount();
    const user = await createUser({
      actor: admin,
      // Past the form's check (another caller of the service): the user is still created.
      input: userInput({ email: "not an address", newPassword: "", sendLoginInstructions: true }),
      origin,
    });
    const [message] = await messagesTo(user.id);
    expect(message).toMatchObject({ status: "failed", jobId: null });
    expect(message!.lastError).toContain("not an email address");
  });
});

describe("resendLoginInstructions", () => {
  it("sends a new link, ends the older one, and records it in the activity", async () => {
    const { admin } = await createTestAccount();
    const user = await createUser({
      actor: admin,
      input: userInput({ newPassword: "", sendLoginInstructions: true }),
      origin,
    });
    await resendLoginInstructions({ actor: admin, userId: user.id, origin });
    const [first, second] = (await messagesTo(user.id)).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    const older = setPasswordToken(first!.text);
    const newer = setPasswordToken(second!.text);
    expect(newer).not.toBe(older);
    const refused = await rejectionOf(
      setPasswordWithToken({
        token: older,
        purpose: "set_password",
        newPassword: chosenPassword,
        clientAddress: "x",
      }),
    );
    expect(refused.message).toBe(invalidLinkMessage);
    await setPasswordWithToken({
      token: newer,
      purpose: "set_password",
      newPassword: chosenPassword,
      clientAddress: "x",
    });
    const activity = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(eq(accountActivity.targetUserId, user.id), eq(accountActivity.kind, "user.updated")),
      );
    expect(activity.map((row) => row.details.reason)).toContain("Login instructions sent");
  });

  it("refuses an inactive user and sends nothing", async () => {
    const { admin } = await createTestAccount();
    const [user] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("idle"), active: false },
    ]);
    const error = await rejectionOf(
      resendLoginInstructions({ actor: admin, userId: user!.id, origin }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await messagesTo(user!.id)).toEqual([]);
  });
});

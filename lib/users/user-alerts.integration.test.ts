import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emails, passwordTokens, users } from "@/db/schema";
import {
  createTestAccount,
  createTestUser,
  editInput,
  profileInput,
  rejectionOf,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { renderEmail } from "../email/render-email";
import { InvalidError } from "../errors";
import { issuePasswordToken } from "../password-tokens/issue-password-token";
import { changeOwnPassword } from "./change-own-password";
import { getUser } from "./find-user";
import { listUsers } from "./list-users";
import { setUserActive } from "./set-user-active";
import { updateProfile } from "./update-profile";
import { updateUser } from "./update-user";

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
const newPassword = "another good passphrase";

async function messagesOf(userId: string) {
  return getDb()
    .select()
    .from(emails)
    .where(eq(emails.userId, userId))
    .orderBy(asc(emails.createdAt), asc(emails.id));
}

const kinds = async (userId: string) => (await messagesOf(userId)).map((email) => email.kind);

async function markUndeliverable(userId: string) {
  await getDb()
    .update(users)
    .set({ emailUndeliverableAt: new Date(), emailUndeliverableReason: "Hard bounce" })
    .where(eq(users.id, userId));
}

describe("alerts to the user, queued with the change", () => {
  it("tells a user an Administrator changed their password", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { newPassword }),
      origin,
    });
    const [message] = await messagesOf(user.id);
    expect(message).toMatchObject({ kind: "password-changed", status: "queued" });
    expect(message!.text).toContain(user.userName);
  });

  it("tells a user their role changed, naming both roles", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { role: "administrator" }),
      origin,
    });
    const [message] = await messagesOf(user.id);
    expect(message!.kind).toBe("role-changed");
    expect(message!.text).toMatch(/User[\s\S]*Administrator/);
  });

  it("sends nothing for a save that changes neither password, role nor active state", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { title: "CEO" }),
      origin,
    });
    expect(await messagesOf(user.id)).toEqual([]);
  });

  it("tells a user they were inactivated and reactivated, with a sign-in link", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await setUserActive({ actor: admin, userId: user.id, active: false, origin });
    await setUserActive({ actor: admin, userId: user.id, active: true, origin });
    const messages = await messagesOf(user.id);
    expect(messages.map((email) => email.kind)).toEqual([
      "account-inactivated",
      "account-reactivated",
    ]);
    expect(messages[1]!.html).toContain(`${origin}/sign-in`);
  });

  it("alerts through the form's Active box as through the button", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { active: false }),
      origin,
    });
    expect(await kinds(user.id)).toEqual(["account-inactivated"]);
  });

  it("tells a user who changed their own password", async () => {
    const { admin } = await createTestAccount();
    const { user, actor } = await createTestUser(admin);
    await changeOwnPassword({
      actor,
      input: { currentPassword: testPassword, newPassword, confirmPassword: newPassword },
    });
    expect(await kinds(user.id)).toEqual(["password-changed"]);
  });

  it("queues no alert when the change rolls back", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const error = await rejectionOf(
      updateUser({
        actor: admin,
        userId: user.id,
        input: editInput(user, {
          newPassword,
          role: "administrator",
          active: false,
          groupIds: ["00000000-0000-4000-8000-000000000000"],
        }),
        origin,
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(await messagesOf(user.id)).toEqual([]);
    expect((await getUser({ actor: admin, userId: user.id })).role).toBe("user");
  });
});

describe("the undeliverable mark", () => {
  it("is cleared when an Administrator changes the email", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await markUndeliverable(user.id);
    const marked = await getUser({ actor: admin, userId: user.id });
    expect(marked.emailUndeliverableReason).toBe("Hard bounce");
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(marked, { email: `${uniqueName("new")}@example.test` }),
      origin,
    });
    expect(await getUser({ actor: admin, userId: user.id })).toMatchObject({
      emailUndeliverableAt: null,
      emailUndeliverableReason: "",
    });
  });

  it("shows beside the email in the User List", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const { user: fine } = await createTestUser(admin);
    await markUndeliverable(user.id);
    const page = await listUsers({ actor: admin, query: { status: "active", q: "" } });
    const marks = Object.fromEntries(page.rows.map((row) => [row.id, row.emailUndeliverable]));
    expect(marks[user.id]).toBe(true);
    expect(marks[fine.id]).toBe(false);
  });

  it("stays when the email changes only in letter case", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await markUndeliverable(user.id);
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { email: user.email.toUpperCase() }),
      origin,
    });
    expect((await getUser({ actor: admin, userId: user.id })).emailUndeliverableAt).not.toBeNull();
  });

  it("is cleared when users change their own email", async () => {
    const { admin } = await createTestAccount();
    const { user, actor } = await createTestUser(admin);
    await markUndeliverable(user.id);
    await updateProfile({
      actor,
      input: profileInput(user, {
        email: `${uniqueName("mine")}@example.test`,
        currentPassword: testPassword,
      }),
    });
    expect((await getUser({ actor: admin, userId: user.id })).emailUndeliverableAt).toBeNull();
  });

  it("records an alert to a marked address as failed, and the change still happens", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await markUndeliverable(user.id);
    await setUserActive({ actor: admin, userId: user.id, active: false, origin });
    const [message] = await messagesOf(user.id);
    expect(message).toMatchObject({ kind: "account-inactivated", status: "failed", jobId: null });
    expect((await getUser({ actor: admin, userId: user.id })).active).toBe(false);
  });
});

describe("links sent before", () => {
  it("stop working when the password, the email or the active state changes", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const live = async () =>
      (await getDb().select().from(passwordTokens).where(eq(passwordTokens.userId, user.id)))
        .length;
    const issue = () =>
      getDb().transaction((tx) =>
        issuePasswordToken(tx, {
          accountId: user.accountId,
          userId: user.id,
          purpose: "reset_password",
        }),
      );
    await issue();
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { newPassword }),
      origin,
    });
    expect(await live()).toBe(0);
    await issue();
    const current = await getUser({ actor: admin, userId: user.id });
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(current, { email: `${uniqueName("moved")}@example.test` }),
      origin,
    });
    expect(await live()).toBe(0);
    await issue();
    await setUserActive({ actor: admin, userId: user.id, active: false, origin });
    expect(await live()).toBe(0);
  });
});

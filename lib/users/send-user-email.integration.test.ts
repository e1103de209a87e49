import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emails, users } from "@/db/schema";
import {
  actorFor,
  createTestAccount,
  createTestUser,
  rejectionOf,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { renderEmail } from "../email/render-email";
import { env } from "../env";
import { ForbiddenError, InvalidError } from "../errors";
import { userEmailSchema } from "./schemas";
import { sendUserEmail } from "./send-user-email";

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

const message = { from: "", subject: "Desk phones", body: "Hello,\n\nThey arrive on Monday." };

async function withFromEmails(userId: string, fromEmails: string[]) {
  await getDb()
    .update(users)
    .set({ fromEmails, firstName: "Grace", lastName: "Hopper" })
    .where(eq(users.id, userId));
}

async function stored(emailId: string) {
  const [row] = await getDb().select().from(emails).where(eq(emails.id, emailId));
  return row!;
}

describe("sendUserEmail", () => {
  it("sends from the sender's default Available From Email, named after them", async () => {
    const { admin, account } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await withFromEmails(admin.id, ["sales@example.test", "grace@example.test"]);
    const { emailId } = await sendUserEmail({ actor: admin, userId: user.id, input: message });
    expect(await stored(emailId)).toMatchObject({
      kind: "admin-message",
      status: "queued",
      userId: user.id,
      fromAddress: "Grace Hopper <sales@example.test>",
      replyTo: "",
      toAddress: `Test User <${user.email}>`,
      subject: "Desk phones",
    });
    const row = await stored(emailId);
    expect(row.text).toContain("They arrive on Monday.");
    expect(row.text).toContain(account.name);
  });

  it("sends from another of the sender's addresses when chosen, in any letter case", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await withFromEmails(admin.id, ["sales@example.test", "grace@example.test"]);
    const { emailId } = await sendUserEmail({
      actor: admin,
      userId: user.id,
      input: { ...message, from: "GRACE@example.test" },
    });
    expect((await stored(emailId)).fromAddress).toBe("Grace Hopper <grace@example.test>");
  });

  it("refuses a From address that is not the sender's own", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    await withFromEmails(admin.id, ["sales@example.test"]);
    const error = await rejectionOf(
      sendUserEmail({
        actor: admin,
        userId: user.id,
        input: { ...message, from: "ceo@example.test" },
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors.from).toBe(
      "Choose one of your Available From Email addresses.",
    );
  });

  it("sends from the portal's address, with replies to the sender, when they have none", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const { emailId } = await sendUserEmail({ actor: admin, userId: user.id, input: message });
    const row = await stored(emailId);
    expect(row.fromAddress).toBe(env.EMAIL_FROM);
    expect(row.replyTo).toContain(`<${admin.userName}@example.test>`);
  });

  it("keeps a subject on one line", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const { emailId } = await sendUserEmail({
      actor: admin,
      userId: user.id,
      input: { ...message, subject: "Hi\r\nBcc: everyone@example.test" },
    });
    expect((await stored(emailId)).subject).toBe("Hi Bcc: everyone@example.test");
  });

  it("is refused to a User without Users: Edit", async () => {
    const { admin } = await createTestAccount();
    const { user } = await createTestUser(admin);
    const { user: plain } = await createTestUser(admin);
    const error = await rejectionOf(
      sendUserEmail({ actor: actorFor(plain), userId: user.id, input: message }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
  });

  it("cannot reach a user of another account", async () => {
    const { admin } = await createTestAccount();
    const { admin: stranger } = await createTestAccount();
    const { user } = await createTestUser(stranger);
    const error = await rejectionOf(
      sendUserEmail({ actor: admin, userId: user.id, input: message }),
    );
    expect(error.name).toBe("NotFoundError");
  });
});

describe("userEmailSchema", () => {
  it("names the field of each problem", () => {
    const result = userEmailSchema.safeParse({ subject: " ", body: "x".repeat(10_001) });
    expect(result.success).toBe(false);
    const problems = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path[0], issue.message]),
    );
    expect(problems).toEqual({
      subject: "Enter a subject.",
      body: "Message must be at most 10,000 characters.",
    });
  });
});

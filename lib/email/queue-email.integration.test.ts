import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { emails, jobs, users } from "../../db/schema";
import { createTestAccount, createTestUser } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { env } from "../env";
import { InvalidError } from "../errors";
import { emailJobKinds } from "./email-job-kinds";
import { queueEmail, undeliverableError } from "./queue-email";

withTestDatabase();

let admin: Actor;
beforeAll(async () => {
  ({ admin } = await createTestAccount("Acme Telephony"));
});

const props = {
  organizationName: "Acme Telephony",
  recipientName: "Ada",
  resetUrl: "https://portal.example/reset-password/token",
  expiresInMinutes: 30,
};
const loadEmail = async (id: string) =>
  (await getDb().select().from(emails).where(eq(emails.id, id)))[0];
const jobsFor = async (emailId: string) =>
  (await getDb().select().from(jobs)).filter((job) => job.payload.emailId === emailId);

describe("queueEmail", () => {
  it("stores the rendered message and its send job in the caller's transaction", async () => {
    const { user } = await createTestUser(admin);
    const { emailId } = await getDb().transaction((tx) =>
      queueEmail(tx, {
        accountId: admin.accountId,
        userId: user.id,
        to: `Ada <${user.email}>`,
        template: "password-reset",
        props,
      }),
    );
    const email = await loadEmail(emailId);
    expect(email).toMatchObject({
      accountId: admin.accountId,
      userId: user.id,
      kind: "password-reset",
      toAddress: `Ada <${user.email}>`,
      fromAddress: env.EMAIL_FROM,
      replyTo: "",
      subject: "Reset your Acme Telephony password",
      status: "queued",
      attempts: 0,
      lastError: "",
      providerMessageId: null,
    });
    expect(email?.html).toContain("https://portal.example/reset-password/token");
    expect(email?.text).toContain("https://portal.example/reset-password/token");
    const [job] = await jobsFor(emailId);
    expect(job).toMatchObject({
      kind: emailJobKinds.send,
      accountId: admin.accountId,
      status: "queued",
    });
    expect(email?.jobId).toBe(job?.id);
  });

  it("leaves no message and no job when the caller's transaction rolls back", async () => {
    let emailId = "";
    await expect(
      getDb().transaction(async (tx) => {
        ({ emailId } = await queueEmail(tx, {
          accountId: admin.accountId,
          to: "someone@example.test",
          template: "password-reset",
          props,
        }));
        throw new Error("the user could not be created");
      }),
    ).rejects.toThrow("the user could not be created");
    expect(emailId).not.toBe("");
    expect(await loadEmail(emailId)).toBeUndefined();
    expect(await jobsFor(emailId)).toEqual([]);
  });

  it("records a message to an address marked undeliverable as failed, and queues no job", async () => {
    const { user } = await createTestUser(admin);
    await getDb()
      .update(users)
      .set({ emailUndeliverableAt: new Date(), emailUndeliverableReason: "Bounced" })
      .where(eq(users.id, user.id));
    const { emailId } = await queueEmail(getDb(), {
      accountId: admin.accountId,
      userId: user.id,
      to: user.email.toUpperCase(),
      template: "password-reset",
      props,
    });
    expect(await loadEmail(emailId)).toMatchObject({
      status: "failed",
      lastError: undeliverableError,
      jobId: null,
    });
    expect(await jobsFor(emailId)).toEqual([]);
  });

  it("records a message to a malformed address as failed without refusing the change", async () => {
    const { emailId } = await queueEmail(getDb(), {
      accountId: admin.accountId,
      to: "ada@example.test\r\nBcc: everyone@example.test",
      template: "password-reset",
      props,
    });
    const email = await loadEmail(emailId);
    expect(email?.status).toBe("failed");
    expect(email?.toAddress).toBe("ada@example.test Bcc: everyone@example.test");
    expect(email?.lastError).toMatch(/is not an email address the portal can send to/);
    expect(await jobsFor(emailId)).toEqual([]);
  });

  it("sends from the given sender and refuses one that is not an address", async () => {
    const { emailId } = await queueEmail(getDb(), {
      accountId: admin.accountId,
      to: "ada@example.test",
      from: "Grace Hopper, Ops <grace@example.test>",
      replyTo: "grace@example.test",
      template: "admin-message",
      props: { organizationName: "Acme", senderName: "Grace", subject: "Hi", body: "Hello" },
    });
    expect(await loadEmail(emailId)).toMatchObject({
      fromAddress: '"Grace Hopper, Ops" <grace@example.test>',
      replyTo: "grace@example.test",
    });
    const refused = queueEmail(getDb(), {
      accountId: admin.accountId,
      to: "ada@example.test",
      from: "grace@example.test\r\nBcc: x@example.test",
      template: "admin-message",
      props: { organizationName: "Acme", senderName: "Grace", subject: "Hi", body: "Hello" },
    });
    await expect(refused).rejects.toBeInstanceOf(InvalidError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: { from: "From must be an email address." },
    });
  });
});

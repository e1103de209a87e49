import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { emails, users } from "../../db/schema";
import { createTestAccount, createTestUser } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { InvalidError } from "../errors";
import { queueEmail } from "./queue-email";
import { receiveResendEvent, UnauthenticWebhookError } from "./receive-resend-event";
import { emailIdTag } from "./send-via-resend";
import { svixHeaders } from "./svix-signature";

withTestDatabase();

const secret = `whsec_${Buffer.from("resend-webhook-test-secret-32-bytes").toString("base64")}`;
let admin: Actor;
let other: Actor;
beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
});

async function sentEmailTo(to: string, userId?: string) {
  const { emailId } = await queueEmail(getDb(), {
    accountId: admin.accountId,
    userId,
    to,
    template: "password-changed",
    props: { organizationName: "Acme", recipientName: "Ada", userName: "ada" },
  });
  const providerMessageId = randomUUID();
  await getDb()
    .update(emails)
    .set({ status: "sent", providerMessageId, sentAt: new Date() })
    .where(eq(emails.id, emailId));
  return { emailId, providerMessageId };
}

function signed(event: unknown, options: { id?: string; now?: Date; key?: string } = {}) {
  const body = JSON.stringify(event);
  const headers = new Headers(
    svixHeaders({
      secret: options.key ?? secret,
      id: options.id ?? `msg_${randomUUID()}`,
      body,
      now: options.now,
    }),
  );
  return { headers, body, secret };
}

const event = (type: string, data: Record<string, unknown>) => ({
  type,
  created_at: new Date().toISOString(),
  data,
});
const load = async (id: string) =>
  (await getDb().select().from(emails).where(eq(emails.id, id)))[0];
const loadUser = async (id: string) =>
  (await getDb().select().from(users).where(eq(users.id, id)))[0];

describe("POST /api/webhooks/resend events", () => {
  it("marks a message delivered on a correctly signed delivery event", async () => {
    const { emailId, providerMessageId } = await sentEmailTo("ada@example.test");
    const result = await receiveResendEvent(
      signed(event("email.delivered", { email_id: providerMessageId, to: ["ada@example.test"] })),
    );
    expect(result).toBe("delivered");
    expect((await load(emailId))?.status).toBe("delivered");
  });

  it("marks the message bounced and the account's user with that address undeliverable", async () => {
    const { user } = await createTestUser(admin);
    const { user: elsewhere } = await createTestUser(other);
    const { emailId, providerMessageId } = await sentEmailTo(user.email, user.id);
    const result = await receiveResendEvent(
      signed(
        event("email.bounced", {
          email_id: providerMessageId,
          to: [user.email.toUpperCase(), elsewhere.email],
          bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" },
        }),
      ),
    );
    expect(result).toBe("bounced");
    const reason = "The message bounced: Permanent: General: Mailbox does not exist";
    expect(await load(emailId)).toMatchObject({ status: "bounced", lastError: reason });
    const marked = await loadUser(user.id);
    expect(marked?.emailUndeliverableAt).toBeInstanceOf(Date);
    expect(marked?.emailUndeliverableReason).toBe(reason);
    // Another account's user is not this account's business.
    expect((await loadUser(elsewhere.id))?.emailUndeliverableAt).toBeNull();
  });

  it("finds the message by its tag when a complaint arrives before the send was recorded", async () => {
    const { user } = await createTestUser(admin);
    const { emailId } = await queueEmail(getDb(), {
      accountId: admin.accountId,
      to: user.email,
      template: "password-changed",
      props: { organizationName: "Acme", recipientName: "Ada", userName: "ada" },
    });
    await receiveResendEvent(
      signed(
        event("email.complained", {
          email_id: randomUUID(),
          to: [user.email],
          tags: { [emailIdTag]: emailId },
        }),
      ),
    );
    expect((await load(emailId))?.status).toBe("bounced");
    expect((await loadUser(user.id))?.emailUndeliverableReason).toBe(
      "The recipient reported a message from the portal as spam.",
    );
  });

  it("refuses a bad signature and changes nothing", async () => {
    const { emailId, providerMessageId } = await sentEmailTo("bad@example.test");
    const forged = signed(event("email.delivered", { email_id: providerMessageId }), {
      key: `whsec_${Buffer.from("not-the-secret-at-all-0123456789").toString("base64")}`,
    });
    await expect(receiveResendEvent(forged)).rejects.toThrow("The svix-signature does not match.");
    const tampered = signed(event("email.delivered", { email_id: providerMessageId }));
    await expect(
      receiveResendEvent({ ...tampered, body: tampered.body.replace("delivered", "bounced") }),
    ).rejects.toBeInstanceOf(UnauthenticWebhookError);
    const unsigned = signed(event("email.delivered", { email_id: providerMessageId }));
    unsigned.headers.delete("svix-signature");
    await expect(receiveResendEvent(unsigned)).rejects.toThrow(/headers are required/);
    expect((await load(emailId))?.status).toBe("sent");
  });

  it("refuses an event signed more than five minutes ago", async () => {
    const { emailId, providerMessageId } = await sentEmailTo("stale@example.test");
    const stale = signed(event("email.delivered", { email_id: providerMessageId }), {
      now: new Date(Date.now() - 6 * 60_000),
    });
    await expect(receiveResendEvent(stale)).rejects.toThrow(
      "The svix-timestamp is more than 5 minutes from now.",
    );
    expect((await load(emailId))?.status).toBe("sent");
  });

  it("refuses a replayed event id", async () => {
    const { emailId, providerMessageId } = await sentEmailTo("replay@example.test");
    const delivered = signed(event("email.delivered", { email_id: providerMessageId }));
    await receiveResendEvent(delivered);
    await getDb().update(emails).set({ status: "sent" }).where(eq(emails.id, emailId));
    await expect(receiveResendEvent(delivered)).rejects.toThrow(
      "This svix-id was already received.",
    );
    expect((await load(emailId))?.status).toBe("sent");
  });

  it("takes events it has no use for, and refuses a malformed body", async () => {
    expect(await receiveResendEvent(signed(event("email.opened", { email_id: "x" })))).toBe(
      "ignored",
    );
    expect(
      await receiveResendEvent(signed(event("email.delivered", { email_id: randomUUID() }))),
    ).toBe("ignored");
    await expect(receiveResendEvent(signed({ data: 1 }))).rejects.toBeInstanceOf(InvalidError);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { emails, jobs, users } from "../../db/schema";
import { createTestAccount, createTestUser } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { runDueJobs } from "../jobs/run-due-jobs";
import { emailJobHandlers } from "./email-job-handlers";
import { type FakeResend, startFakeResend } from "./fake-resend-server";
import { queueEmail } from "./queue-email";
import { resendSender } from "./send-via-resend";
import { undeliverableError } from "./undeliverable-address";

withTestDatabase();

let admin: Actor;
let provider: FakeResend;
beforeAll(async () => {
  ({ admin } = await createTestAccount("Acme Telephony"));
  provider = await startFakeResend();
});
afterAll(() => provider.close());
beforeEach(async () => {
  provider.reset();
  await getDb().delete(jobs);
});

const apiKey = "re_test_key";
const resend = (timeoutMs?: number) =>
  ({ kind: "resend", apiKey, baseUrl: provider.baseUrl, timeoutMs }) as const;
const handlers = (timeoutMs?: number) => emailJobHandlers(resend(timeoutMs));
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const load = async (id: string) =>
  (await getDb().select().from(emails).where(eq(emails.id, id)))[0];

async function queued(to = "ada@example.test") {
  const { emailId } = await queueEmail(getDb(), {
    accountId: admin.accountId,
    to,
    template: "role-changed",
    props: {
      organizationName: "Acme Telephony",
      recipientName: "Ada",
      oldRole: "User",
      newRole: "Administrator",
    },
  });
  return emailId;
}

describe("sending through Resend", () => {
  it("posts the exact message with its id as the Idempotency-Key and records the provider's id", async () => {
    const emailId = await queued("Ada Lovelace <ada@example.test>");
    const [outcome] = await runDueJobs({ handlers: handlers() });
    expect(outcome?.outcome).toBe("done");
    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    const stored = await load(emailId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.headers["idempotency-key"]).toBe(emailId);
    expect(request?.body).toMatchObject({
      from: "Switchboard <no-reply@switchboard.example>",
      to: "Ada Lovelace <ada@example.test>",
      subject: "Your Acme Telephony role is now Administrator",
      html: stored?.html,
      text: stored?.text,
    });
    const [providerId] = [...provider.messages.keys()];
    expect(stored).toMatchObject({
      status: "sent",
      attempts: 1,
      lastError: "",
      providerMessageId: providerId,
    });
    expect(stored?.sentAt).toBeInstanceOf(Date);
  });

  it("keeps a message waiting after a 500, with the reason, and sends it once on the retry", async () => {
    const emailId = await queued();
    provider.answerNext({
      status: 500,
      body: { statusCode: 500, name: "internal_server_error", message: "Resend is down" },
    });
    const now = new Date();
    const [first] = await runDueJobs({ now, handlers: handlers() });
    expect(first?.outcome).toBe("retry");
    expect(await load(emailId)).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "Resend answered 500: Resend is down",
    });
    const [second] = await runDueJobs({ now: later(now, 30_000), handlers: handlers() });
    expect(second?.outcome).toBe("done");
    expect(provider.requests).toHaveLength(2);
    expect(provider.messages.size).toBe(1);
    expect(await load(emailId)).toMatchObject({ status: "sent", attempts: 2, lastError: "" });
  });

  it("fails a message whose address the provider refuses, without retrying", async () => {
    const emailId = await queued();
    const refusal =
      "Invalid `to` field. The email address needs to follow the `email@example.com` format.";
    provider.answerNext({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: refusal },
    });
    const [outcome] = await runDueJobs({ handlers: handlers() });
    expect(outcome?.outcome).toBe("dead");
    expect(await load(emailId)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: `Resend answered 422: ${refusal}`,
    });
    expect(await runDueJobs({ now: later(new Date(), 86_400_000), handlers: handlers() })).toEqual(
      [],
    );
    expect(provider.requests).toHaveLength(1);
  });

  it("retries a request that times out, and the provider still holds one message", async () => {
    const emailId = await queued();
    provider.answerNext({ status: 200, delayMs: 400 });
    const now = new Date();
    const [first] = await runDueJobs({ now, handlers: handlers(100) });
    expect(first?.outcome).toBe("retry");
    expect((await load(emailId))?.lastError).toMatch(/^Resend could not be reached/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [second] = await runDueJobs({ now: later(now, 30_000), handlers: handlers(100) });
    expect(second?.outcome).toBe("done");
    expect(provider.messages.size).toBe(1);
    expect((await load(emailId))?.providerMessageId).toBe([...provider.messages.keys()][0]);
  });

  it("never sends twice when a dispatcher dies between the send and its record", async () => {
    const emailId = await queued();
    // The first dispatcher's request reaches the provider; it dies before recording anything.
    const email = await load(emailId);
    if (!email) throw new Error("no email");
    const lost = await resendSender(resend())(email);
    // Its claim lapses and another dispatcher sends the message again.
    const [outcome] = await runDueJobs({ handlers: handlers() });
    expect(outcome?.outcome).toBe("done");
    expect(provider.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      emailId,
      emailId,
    ]);
    expect([...provider.messages.keys()]).toEqual([lost.providerMessageId]);
    expect(await load(emailId)).toMatchObject({
      status: "sent",
      providerMessageId: lost.providerMessageId,
    });
  });

  it("marks a message failed, with the last error, when its retries run out", async () => {
    const emailId = await queued();
    let now = new Date();
    const down = { status: 503, body: { statusCode: 503, message: "Unavailable" } };
    provider.answerNext(down, down, down, down, down, down);
    for (const delay of [30_000, 120_000, 600_000, 3_600_000, 21_600_000]) {
      await runDueJobs({ now, handlers: handlers() });
      now = later(now, delay);
    }
    const [last] = await runDueJobs({ now, handlers: handlers() });
    expect(last?.outcome).toBe("dead");
    expect(await load(emailId)).toMatchObject({
      status: "failed",
      attempts: 6,
      lastError: "Resend answered 503: Unavailable",
    });
  });

  it("sends nothing to an address marked undeliverable after the message was queued", async () => {
    const { user } = await createTestUser(admin);
    const emailId = await queued(user.email);
    await getDb()
      .update(users)
      .set({ emailUndeliverableAt: new Date(), emailUndeliverableReason: "Bounced" })
      .where(eq(users.id, user.id));
    const [outcome] = await runDueJobs({ handlers: handlers() });
    expect(outcome?.outcome).toBe("done");
    expect(provider.requests).toEqual([]);
    expect(await load(emailId)).toMatchObject({ status: "failed", lastError: undeliverableError });
  });
});

describe("the embedded outbox", () => {
  it("stores the message as sent without calling any provider", async () => {
    const emailId = await queued();
    const [outcome] = await runDueJobs({ handlers: emailJobHandlers({ kind: "outbox" }) });
    expect(outcome?.outcome).toBe("done");
    expect(provider.requests).toEqual([]);
    expect(await load(emailId)).toMatchObject({
      status: "sent",
      attempts: 1,
      providerMessageId: `outbox-${emailId}`,
    });
  });
});

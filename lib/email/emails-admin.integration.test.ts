import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { emails, jobs, users } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  createTestUser,
  rejectionOf,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { runDueJobs } from "../jobs/run-due-jobs";
import { clearUndeliverable } from "./clear-undeliverable";
import { emailJobHandlers } from "./email-job-handlers";
import { getEmail } from "./get-email";
import { emailPageSize, listEmails } from "./list-emails";
import { queueEmail } from "./queue-email";
import { retryEmail } from "./retry-email";
import { undeliverableMarkOnEmailChange } from "./undeliverable-mark";

withTestDatabase();

let admin: Actor;
let stranger: Actor;
beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: stranger } = await createTestAccount());
});

const withPermissions = (actor: Actor, ...keys: string[]): Actor => ({
  ...actor,
  overrides: new Map(keys.map((key) => [key, "allow"])) as Actor["overrides"],
});

async function queueTo(to: string, accountId = admin.accountId) {
  const { emailId } = await queueEmail(getDb(), {
    accountId,
    to,
    template: "account-inactivated",
    props: { organizationName: "Acme", recipientName: "Ada" },
  });
  return emailId;
}

async function markUndeliverable(userId: string) {
  await getDb()
    .update(users)
    .set({ emailUndeliverableAt: new Date(), emailUndeliverableReason: "Bounced" })
    .where(eq(users.id, userId));
}

describe("listEmails and getEmail", () => {
  it("pages through the account's messages newest first, without another account's", async () => {
    const { account } = await createTestAccount();
    const owner = { ...admin, accountId: account.id };
    // Stored straight away: rendering is not what this test is about.
    const base = Date.now();
    const rows = await getDb()
      .insert(emails)
      .values(
        Array.from({ length: emailPageSize + 3 }, (_, n) => ({
          accountId: account.id,
          kind: "account-inactivated",
          toAddress: `p${n}@example.test`,
          fromAddress: "portal@example.test",
          subject: `Message ${n}`,
          html: "<p>Hi</p>",
          text: "Hi",
          // Some share a creation time (the id orders those); some differ by microseconds.
          createdAt: sql`${new Date(base - Math.floor(n / 3) * 1000).toISOString()}::timestamptz + ${Math.min(n % 3, 1) * 2} * interval '1 microsecond'`,
        })),
      )
      .returning({ id: emails.id });
    const ids = rows.map((row) => row.id);
    await queueTo("elsewhere@example.test", stranger.accountId);
    const first = await listEmails({ actor: owner });
    expect(first.rows).toHaveLength(emailPageSize);
    const second = await listEmails({ actor: owner, after: first.nextAfter });
    expect(second.nextAfter).toBeUndefined();
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(seen)).toEqual(new Set(ids));
    const times = [...first.rows, ...second.rows].map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listEmails({ actor: owner, after: "not-a-cursor" })).rows).toHaveLength(
      emailPageSize,
    );
  });

  it("shows a waiting message with its attempts, last error and next attempt time", async () => {
    // Only this message is due: the dispatcher claims at most ten at a time.
    await getDb().delete(jobs);
    const emailId = await queueTo("wait@example.test");
    const now = new Date();
    const failing = emailJobHandlers({
      kind: "resend",
      apiKey: "re_x",
      baseUrl: "http://127.0.0.1:1",
    });
    await runDueJobs({ now, handlers: failing });
    const details = await getEmail({ actor: admin, emailId });
    expect(details).toMatchObject({ status: "queued", attempts: 1 });
    expect(details.lastError).toMatch(/^Resend could not be reached/);
    expect(details.job).toMatchObject({ status: "queued", attempts: 1 });
    expect(details.job?.runAt).toEqual(new Date(now.getTime() + 30_000));
  });

  it("refuses people without Organization: View and other accounts' messages", async () => {
    const emailId = await queueTo("private@example.test");
    const { actor: plain } = await createTestUser(admin);
    expect(await rejectionOf(listEmails({ actor: plain }))).toBeInstanceOf(ForbiddenError);
    expect(await rejectionOf(getEmail({ actor: plain, emailId }))).toBeInstanceOf(ForbiddenError);
    const viewer = withPermissions(plain, "organization:view");
    expect((await getEmail({ actor: viewer, emailId })).id).toBe(emailId);
    expect(await rejectionOf(getEmail({ actor: stranger, emailId }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(retryEmail({ actor: viewer, emailId }))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("retryEmail", () => {
  it("queues a failed message again with a new job, and refuses one that is not failed", async () => {
    const emailId = await queueTo("retry@example.test");
    const firstJob = (await getEmail({ actor: admin, emailId })).jobId;
    expect(await rejectionOf(retryEmail({ actor: admin, emailId }))).toBeInstanceOf(ConflictError);
    await getDb().update(emails).set({ status: "failed" }).where(eq(emails.id, emailId));
    await retryEmail({ actor: admin, emailId });
    const retried = await getEmail({ actor: admin, emailId });
    expect(retried.status).toBe("queued");
    expect(retried.jobId).not.toBe(firstJob);
    expect(retried.job).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("refuses while the address is marked undeliverable", async () => {
    const { user } = await createTestUser(admin);
    await markUndeliverable(user.id);
    const emailId = await queueTo(user.email);
    const refusal = await rejectionOf(retryEmail({ actor: admin, emailId }));
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal.message).toMatch(/marked undeliverable/);
  });
});

describe("clearUndeliverable", () => {
  it("clears the mark, records it, and lets messages through again", async () => {
    const { user } = await createTestUser(admin);
    await markUndeliverable(user.id);
    await clearUndeliverable({ actor: admin, userId: user.id });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ emailUndeliverableAt: null, emailUndeliverableReason: "" });
    const emailId = await queueTo(user.email);
    expect((await getEmail({ actor: admin, emailId })).status).toBe("queued");
  });

  it("needs Users: Edit and the right to manage that user", async () => {
    const { user: target, actor: plain } = await createTestUser(admin);
    await markUndeliverable(target.id);
    expect(
      await rejectionOf(clearUndeliverable({ actor: plain, userId: target.id })),
    ).toBeInstanceOf(ForbiddenError);
    const editor = withPermissions(plain, "users:edit");
    const adminRow = actorFor({ ...admin, role: "administrator" });
    const refusal = await rejectionOf(clearUndeliverable({ actor: editor, userId: adminRow.id }));
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect(
      await rejectionOf(clearUndeliverable({ actor: stranger, userId: target.id })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("is cleared by a change of address, not by another letter case of the same one", () => {
    expect(undeliverableMarkOnEmailChange("ada@example.test", "ADA@example.test")).toEqual({});
    expect(undeliverableMarkOnEmailChange("ada@example.test", undefined)).toEqual({});
    expect(undeliverableMarkOnEmailChange("ada@example.test", "ada@new.example")).toEqual({
      emailUndeliverableAt: null,
      emailUndeliverableReason: "",
    });
  });
});

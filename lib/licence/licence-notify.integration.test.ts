import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emails, jobs } from "@/db/schema";
import {
  actorFor,
  createTestAccount,
  createTestUser,
  insertTestUsers,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { renderEmail } from "../email/render-email";
import { acceptLicence } from "./accept-licence";
import { licenceJobHandlers, licenceJobKinds, notifyLicenceBatch } from "./licence-job-handlers";
import { publishLicence } from "./publish-licence";

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
const input = { body: "New terms.", summary: "Clearer terms" };

beforeEach(async () => {
  await getDb().delete(jobs);
});

async function notifyJobs() {
  return getDb().select().from(jobs).where(eq(jobs.kind, licenceJobKinds.notify));
}

/** Runs the queued notify jobs, batch after batch, as the dispatcher would. */
async function runNotifyJobs(): Promise<number> {
  const handler = licenceJobHandlers()[licenceJobKinds.notify]!;
  let runs = 0;
  for (;;) {
    const [job] = await getDb()
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, licenceJobKinds.notify), eq(jobs.status, "queued")))
      .limit(1);
    if (!job) return runs;
    await handler.run(job, { now: new Date() });
    await getDb().update(jobs).set({ status: "done" }).where(eq(jobs.id, job.id));
    runs++;
  }
}

async function licenceMessages(accountId: string) {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.accountId, accountId), eq(emails.kind, "licence-updated")));
}

describe("telling users of a new licence version", () => {
  it("queues one job with the publication and no message yet", async () => {
    const { admin } = await createTestAccount();
    await insertTestUsers(admin.accountId, [{ userName: uniqueName("reader") }]);
    const published = await publishLicence({ actor: admin, input, origin });
    const queued = await notifyJobs();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toEqual({ licenceVersionId: published.id, origin });
    expect(await licenceMessages(admin.accountId)).toEqual([]);
  });

  it("then sends every active user but the publisher one message with the licence link", async () => {
    const { admin } = await createTestAccount();
    const [active, inactive] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("reader") },
      { userName: uniqueName("idle"), active: false },
    ]);
    const published = await publishLicence({ actor: admin, input, origin });
    await runNotifyJobs();
    const messages = await licenceMessages(admin.accountId);
    expect(messages.map((email) => email.userId)).toEqual([active!.id]);
    expect(messages[0]!.html).toContain(`${origin}/licence`);
    expect(messages[0]!.text).toContain(`Version ${published.version} of`);
    expect(messages.some((email) => email.userId === inactive!.id)).toBe(false);
  });

  it("works through a large account in batches, each user told once even when a batch runs twice", async () => {
    const { admin } = await createTestAccount();
    const people = await insertTestUsers(
      admin.accountId,
      Array.from({ length: 7 }, () => ({ userName: uniqueName("many") })),
    );
    const published = await publishLicence({ actor: admin, input, origin });
    // Batches of 3: three batches, the first run twice (a retry after a crash).
    const payload = { licenceVersionId: published.id, origin };
    await notifyLicenceBatch(payload, 3);
    await notifyLicenceBatch(payload, 3);
    let next = (await notifyJobs()).filter((job) => "after" in job.payload);
    expect(next).toHaveLength(1);
    for (let batch = 0; batch < 3 && next.length > 0; batch++) {
      const job = next[0]!;
      await getDb().delete(jobs).where(eq(jobs.id, job.id));
      await notifyLicenceBatch(job.payload as typeof payload, 3);
      next = (await notifyJobs()).filter((queued) => "after" in queued.payload);
    }
    const told = (await licenceMessages(admin.accountId)).map((email) => email.userId).sort();
    expect(told).toEqual(people.map((user) => user.id).sort());
  });

  it("skips users who accepted already and stops for an older version once a newer one is out", async () => {
    const { admin } = await createTestAccount();
    const [early, late] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("early") },
      { userName: uniqueName("late") },
    ]);
    const first = await publishLicence({ actor: admin, input, origin });
    await acceptLicence({ actor: actorFor(early!), versionId: first.id, userAgent: "test" });
    await runNotifyJobs();
    expect((await licenceMessages(admin.accountId)).map((email) => email.userId)).toEqual([
      late!.id,
    ]);
    const second = await publishLicence({ actor: admin, input, origin });
    await notifyLicenceBatch({ licenceVersionId: first.id, origin });
    expect(await licenceMessages(admin.accountId)).toHaveLength(1);
    await notifyLicenceBatch({ licenceVersionId: second.id, origin });
    expect(await licenceMessages(admin.accountId)).toHaveLength(3);
  });
});

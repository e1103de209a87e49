import { and, asc, eq, gt, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emails, licenceAcceptances, licenceVersions, users } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type Job, type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { organizationName } from "@/lib/users/email-recipient";
import { portalUrl } from "@/lib/users/portal-url";
import { queueUserAlert } from "@/lib/users/queue-user-alert";
import { isUuid } from "@/lib/uuid";

// No "server-only" in this module or what it imports: the dispatcher runs it under plain Node.

/** Tells an account's users of a new licence version, a batch of users per job. */
export const licenceJobKinds = { notify: "licence.notify" } as const;

/** Users per batch: one transaction renders and queues this many messages. */
export const licenceNotifyBatchSize = 200;

const uuid = z.string().refine(isUuid);

export const licenceNotifyPayload = z.object({
  licenceVersionId: uuid,
  /** Where the licence link points. */
  origin: z.url({ protocol: /^https?$/ }),
  /** The last user of the batch before (the User List's order): the next batch starts after. */
  after: z.object({ name: z.string(), id: uuid }).optional(),
});
export type LicenceNotifyPayload = z.output<typeof licenceNotifyPayload>;

/**
 * One batch: the active users after the cursor who have not accepted the version, each sent
 * the licence-updated message, and the job for the next batch queued in the same
 * transaction. A message already queued for the version is not queued again (a batch run
 * twice after a crash), nor is one to its publisher; a newer version stops the older's.
 */
export async function notifyLicenceBatch(
  payload: LicenceNotifyPayload,
  batchSize = licenceNotifyBatchSize,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [version] = await tx
      .select()
      .from(licenceVersions)
      .where(eq(licenceVersions.id, payload.licenceVersionId));
    if (!version) return;
    const [newer] = await tx
      .select({ id: licenceVersions.id })
      .from(licenceVersions)
      .where(
        and(
          eq(licenceVersions.accountId, version.accountId),
          gt(licenceVersions.version, version.version),
        ),
      )
      .limit(1);
    if (newer) return;
    const sortKey = sql<string>`lower(${users.userName})`;
    const batch = await tx
      .select({
        id: users.id,
        accountId: users.accountId,
        userName: users.userName,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        sortKey,
      })
      .from(users)
      .where(
        and(
          eq(users.accountId, version.accountId),
          eq(users.active, true),
          payload.after
            ? sql`(${sortKey}, ${users.id}) > (${payload.after.name}, ${payload.after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(sortKey), asc(users.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    const ids = batch.map((user) => user.id);
    const accepted = await tx
      .select({ userId: licenceAcceptances.userId })
      .from(licenceAcceptances)
      .where(
        and(
          eq(licenceAcceptances.licenceVersionId, version.id),
          inArray(licenceAcceptances.userId, ids),
        ),
      );
    const told = await tx
      .select({ userId: emails.userId })
      .from(emails)
      .where(
        and(
          inArray(emails.userId, ids),
          eq(emails.kind, "licence-updated"),
          gte(emails.createdAt, version.publishedAt),
        ),
      );
    const skip = new Set([
      version.publishedBy,
      ...accepted.map((row) => row.userId),
      ...told.map((row) => row.userId),
    ]);
    const organization = await organizationName(tx, version.accountId);
    const licenceUrl = portalUrl(payload.origin, "/licence");
    for (const user of batch) {
      if (skip.has(user.id)) continue;
      await queueUserAlert(tx, {
        user,
        template: "licence-updated",
        props: { licenceVersion: String(version.version), licenceUrl },
        organizationName: organization,
      });
    }
    const last = batch.at(-1)!;
    if (batch.length === batchSize) {
      await enqueueJob(tx, {
        kind: licenceJobKinds.notify,
        accountId: version.accountId,
        payload: { ...payload, after: { name: last.sortKey, id: last.id } },
        uniqueKey: `${licenceJobKinds.notify}:${version.id}:${last.id}`,
      });
    }
  });
}

function payloadOf(job: Job): LicenceNotifyPayload {
  const parsed = licenceNotifyPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job's payload names no licence version.");
  return parsed.data;
}

export function licenceJobHandlers(): JobHandlers {
  return {
    [licenceJobKinds.notify]: { run: (job) => notifyLicenceBatch(payloadOf(job)) },
  };
}

import "server-only";
import { getDb } from "@/db/client";
import { licenceVersions } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { portalOrigin } from "@/lib/users/portal-origin";
import { findCurrentLicence } from "./current-licence";
import { type LicenceNotifyPayload, licenceJobKinds } from "./licence-job-handlers";
import type { PublishLicenceInput } from "./schemas";

export type PublishLicenceOptions = {
  actor: Actor;
  input: PublishLicenceInput;
  /** Where the messages' licence link points; default: the portal's (lib/users/portal-origin). */
  origin?: string;
};

/**
 * Publishes the next version; every user must accept it at their next request. Users are
 * told by email: one job is queued with the version, and it queues the messages in batches
 * (lib/licence/licence-job-handlers.ts), so a large account's publication stays quick.
 */
export async function publishLicence({ actor, input, origin }: PublishLicenceOptions) {
  assertCan(actor, "organization", "edit");
  const linkOrigin = origin ?? (await portalOrigin());
  return getDb().transaction(async (tx) => {
    // Two Administrators publishing at once get consecutive versions, not a collision.
    await lockAccount(tx, actor.accountId);
    const current = await findCurrentLicence(actor.accountId, tx);
    const version = (current?.version ?? 0) + 1;
    const [published] = await tx
      .insert(licenceVersions)
      .values({
        accountId: actor.accountId,
        version,
        body: input.body,
        summary: input.summary,
        publishedBy: actor.id,
      })
      .returning();
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "licence.published",
      actor,
      details: { version, summary: input.summary },
      clientAddress: actor.clientAddress,
    });
    const payload: LicenceNotifyPayload = {
      licenceVersionId: published!.id,
      origin: linkOrigin,
    };
    await enqueueJob(tx, {
      kind: licenceJobKinds.notify,
      accountId: actor.accountId,
      payload,
      uniqueKey: `${licenceJobKinds.notify}:${published!.id}:start`,
    });
    return published!;
  });
}

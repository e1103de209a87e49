import "server-only";
import { getDb } from "@/db/client";
import { licenceAcceptances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { findCurrentLicence } from "./current-licence";

/** Records the actor's acceptance of the current version (a no-op when already accepted). */
export async function acceptLicence({
  actor,
  versionId,
  userAgent,
}: {
  actor: Actor;
  versionId: string;
  userAgent: string;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const current = await findCurrentLicence(actor.accountId, tx);
    // A newer version published while the page was open must be read before it is accepted.
    if (!current || current.id !== versionId) {
      throw new ConflictError(
        "A newer version of the licence was published. Read it and accept again.",
      );
    }
    const inserted = await tx
      .insert(licenceAcceptances)
      .values({
        accountId: actor.accountId,
        userId: actor.id,
        licenceVersionId: current.id,
        clientAddress: actor.clientAddress,
        userAgent: userAgent.slice(0, 500),
      })
      .onConflictDoNothing()
      .returning({ id: licenceAcceptances.id });
    if (inserted.length === 0) return;
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "licence.accepted",
      actor,
      target: actor,
      details: { version: current.version },
      clientAddress: actor.clientAddress,
    });
  });
}

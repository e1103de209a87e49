import "server-only";
import { getDb } from "@/db/client";
import { licenceVersions } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findCurrentLicence } from "./current-licence";
import type { PublishLicenceInput } from "./schemas";

/** Publishes the next version; every user must accept it at their next request. */
export async function publishLicence({
  actor,
  input,
}: {
  actor: Actor;
  input: PublishLicenceInput;
}) {
  assertCan(actor, "organization", "edit");
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
    return published!;
  });
}

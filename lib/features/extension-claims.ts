import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type ExtensionOwnerKind, instanceExtensions } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

export type ClaimExtensionOptions = {
  instanceId: string;
  extension: string;
  ownerKind: ExtensionOwnerKind;
  ownerId: string;
  /** How the refusal names the owner: "ring group Sales", "the seat of jsmith". */
  ownerLabel: string;
  /** The form field a refusal is shown beside. */
  field: string;
};

export function extensionTakenMessage(extension: string, ownerLabel: string): string {
  return `Extension ${extension} is already used by ${ownerLabel}.`;
}

// A claim can vanish between the insert that found it and the read of its owner (its owner
// deleted meanwhile); the insert is then simply tried again.
const attempts = 3;

/**
 * Takes an extension of an instance for one owner, whatever kind of thing the owner is.
 * The table's primary key decides between concurrent claims: PostgreSQL makes a second
 * insert of the same key wait for the first transaction, then skip it once that commits,
 * so exactly one claimant gets a row back. Claiming again for the same owner keeps the
 * claim (and refreshes its label, for a renamed ring group).
 */
export async function claimExtension(tx: Executor, options: ClaimExtensionOptions): Promise<void> {
  const { instanceId, extension, ownerKind, ownerId, ownerLabel, field } = options;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const [claimed] = await tx
      .insert(instanceExtensions)
      .values({ instanceId, extension, ownerKind, ownerId, ownerLabel })
      .onConflictDoNothing()
      .returning({ ownerId: instanceExtensions.ownerId });
    if (claimed) return;
    const [holder] = await tx
      .select({ ownerId: instanceExtensions.ownerId, ownerLabel: instanceExtensions.ownerLabel })
      .from(instanceExtensions)
      .where(
        and(
          eq(instanceExtensions.instanceId, instanceId),
          eq(instanceExtensions.extension, extension),
        ),
      );
    if (!holder) continue;
    if (holder.ownerId !== ownerId) {
      throw new ConflictError(extensionTakenMessage(extension, holder.ownerLabel), field);
    }
    if (holder.ownerLabel !== ownerLabel) {
      await tx
        .update(instanceExtensions)
        .set({ ownerLabel })
        .where(
          and(
            eq(instanceExtensions.instanceId, instanceId),
            eq(instanceExtensions.extension, extension),
          ),
        );
    }
    return;
  }
  throw new ConflictError(`Extension ${extension} is changing hands: save again.`, field);
}

/**
 * Gives back every extension an owner holds (a deleted feature or seat), or all but
 * `except` (the one it keeps after an edit). Call it in the transaction of that change.
 */
export async function releaseExtensionsOf(
  tx: Executor,
  ownerId: string,
  options: { except?: string } = {},
): Promise<void> {
  await tx
    .delete(instanceExtensions)
    .where(
      and(
        eq(instanceExtensions.ownerId, ownerId),
        options.except === undefined ? undefined : ne(instanceExtensions.extension, options.except),
      ),
    );
}

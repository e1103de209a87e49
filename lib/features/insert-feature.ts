import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, features, seats } from "@/db/schema";
import { enforcePlanLimit } from "@/lib/billing/enforce-plan-limits";
import { resourceOfFeatureKind } from "@/lib/billing/usage";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { claimExtension } from "./extension-claims";
import { extensionField, extensionOwnerLabel, featureColumns } from "./feature-columns";
import { findFeatureInstance } from "./find-feature";
import type { FeatureKind } from "./kinds";
import { assertRingGroupMembers } from "./ring-group-members";
import { type FeatureValues, parseFeatureFields } from "./schemas";
import { writeUniqueFeature } from "./unique-feature-values";

export type InsertFeatureOptions<K extends FeatureKind = FeatureKind> = {
  accountId: string;
  instanceId: string;
  kind: K;
  /** The kind's fields, as its schema gives them (they are checked again here). */
  input: FeatureValues<K> | Record<string, unknown>;
  /** The seat it belongs to, or none (a spare). */
  seatId?: string | null;
};

/**
 * Creates a feature in the caller's transaction: maps its fields to columns, keeps phone
 * numbers and MAC addresses unique in the account and claims its extension in the
 * instance, within what the account's plan allows. No permission check: the calling service
 * (feature or seat) makes its own.
 */
export async function insertFeature<K extends FeatureKind>(
  tx: Executor,
  { accountId, instanceId, kind, input, seatId = null }: InsertFeatureOptions<K>,
): Promise<Feature> {
  const parsed = parseFeatureFields(kind, input);
  if (!parsed.ok) throw new InvalidError("Check the highlighted fields.", parsed.fieldErrors);
  const instance = await findFeatureInstance(tx, accountId, instanceId);
  if (seatId) {
    const [seat] = await tx
      .select({ id: seats.id })
      .from(seats)
      .where(
        and(
          eq(seats.id, seatId),
          eq(seats.instanceId, instance.id),
          eq(seats.accountId, accountId),
        ),
      );
    if (!seat) throw new NotFoundError("This seat is not in the feature's instance.");
  }
  if (kind === "ring_group") {
    const { members } = parsed.value as FeatureValues<"ring_group">;
    await assertRingGroupMembers(tx, { instanceId: instance.id, members });
  }
  const resource = resourceOfFeatureKind(kind);
  if (resource) await enforcePlanLimit(tx, { accountId, resource });
  const columns = featureColumns(kind, parsed.value);
  const [feature] = await writeUniqueFeature(tx, accountId, columns, (savepoint) =>
    savepoint
      .insert(features)
      .values({ ...columns, accountId, instanceId: instance.id, seatId })
      .returning(),
  );
  if (feature!.extension) {
    await claimExtension(tx, {
      instanceId: instance.id,
      extension: feature!.extension,
      ownerKind: kind as Exclude<FeatureKind, "phone_number" | "device" | "fax_machine">,
      ownerId: feature!.id,
      ownerLabel: extensionOwnerLabel(feature!),
      field: extensionField(kind),
    });
  }
  return feature!;
}

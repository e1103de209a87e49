import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { features } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { InvalidError } from "@/lib/errors";
import { claimExtension, releaseExtensionsOf } from "./extension-claims";
import { featureChanges } from "./feature-changes";
import { extensionField, extensionOwnerLabel, featureColumns } from "./feature-columns";
import { findFeatureInstance, findInstanceFeature } from "./find-feature";
import { type FeatureKind, featureKindLabels } from "./kinds";
import { type FeatureDetails, readFeatureDetails } from "./read-feature-details";
import { assertRingGroupMembers } from "./ring-group-members";
import { type FeatureValues, featureEditSchemas } from "./schemas";
import { keepSeatExtensionClaimed } from "./seat-extension-claim";
import { writeUniqueFeature } from "./unique-feature-values";

export type UpdateFeatureOptions = {
  actor: Actor;
  instanceId: string;
  featureId: string;
  /** The kind the form was for; it must be the feature's. */
  kind: FeatureKind;
  /** The kind's edit form, parsed by its schema (checked again here). */
  input: Record<string, unknown>;
  /**
   * Checks the stored feature (as getFeature shows it) inside the write's transaction,
   * before anything changes (the REST API's If-Match: throwing refuses the write, so no
   * other save can slip in between).
   */
  precondition?: (before: FeatureDetails) => void;
};

function parseEdit(kind: FeatureKind, input: Record<string, unknown>): FeatureValues {
  const schema = featureEditSchemas[kind] as unknown as z.ZodType<FeatureValues>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  throw new InvalidError("Check the highlighted fields.", fieldErrors);
}

/**
 * Saves a feature's fields. A new extension is claimed before the old one is given back,
 * both in this transaction, so the feature never holds none and a taken one changes nothing.
 */
export async function updateFeature({
  actor,
  instanceId,
  featureId,
  kind,
  input,
  precondition,
}: UpdateFeatureOptions) {
  assertCan(actor, "features", "edit");
  return getDb().transaction(async (tx) => {
    const instance = await findFeatureInstance(tx, actor.accountId, instanceId);
    const before = await findInstanceFeature(tx, {
      accountId: actor.accountId,
      instanceId: instance.id,
      featureId,
      forUpdate: true,
    });
    if (precondition) precondition(await readFeatureDetails(tx, instance, before));
    if (before.kind !== kind) {
      throw new InvalidError(
        `This feature is a ${featureKindLabels[before.kind].toLowerCase()}, not a ${featureKindLabels[kind].toLowerCase()}.`,
      );
    }
    const values = parseEdit(kind, input);
    // An empty voicemail PIN on the edit form keeps the one the box has (it is never shown).
    if (kind === "voicemail_box" && (values as FeatureValues<"voicemail_box">).pin === "") {
      (values as FeatureValues<"voicemail_box">).pin = String(before.settings.pin ?? "");
    }
    if (kind === "ring_group") {
      const { members } = values as FeatureValues<"ring_group">;
      await assertRingGroupMembers(tx, { instanceId: instance.id, members });
    }
    const columns = featureColumns(kind, values);
    const [after] = await writeUniqueFeature(tx, actor.accountId, columns, (savepoint) =>
      savepoint
        .update(features)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(features.id, before.id))
        .returning(),
    );
    if (after!.extension) {
      await claimExtension(tx, {
        instanceId: instance.id,
        extension: after!.extension,
        ownerKind: kind as "conference_room" | "ring_group" | "voicemail_box",
        ownerId: after!.id,
        ownerLabel: extensionOwnerLabel(after!),
        field: extensionField(kind),
      });
    }
    await releaseExtensionsOf(tx, after!.id, { except: after!.extension ?? undefined });
    if (before.extension && before.extension !== after!.extension) {
      await keepSeatExtensionClaimed(tx, { instanceId: instance.id, extension: before.extension });
    }
    const changes = featureChanges(before, after!);
    if (changes.length > 0) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "feature.updated",
        actor,
        targetLabel: after!.name,
        targetId: after!.id,
        details: { instance: instance.name, kind, feature: after!.name, changes },
        clientAddress: actor.clientAddress,
      });
    }
    return after!;
  });
}

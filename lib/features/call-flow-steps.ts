import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, seats } from "@/db/schema";

/** The call flow step that goes to a feature, for the kinds a call flow can go to. */
export function callFlowStepTo(
  feature: Pick<Feature, "id" | "kind" | "extension">,
): Record<string, string> | undefined {
  if (feature.kind === "ring_group") return { type: "ring_group", ringGroupId: feature.id };
  if (feature.kind === "voicemail_box" && feature.extension) {
    return { type: "voicemail", mailboxNumber: feature.extension };
  }
  return undefined;
}

/**
 * Takes the steps that go to a deleted ring group or mailbox out of its instance's call
 * flows, in the delete's transaction, so no call flow points at something gone.
 */
export async function removeCallFlowStepsTo(
  tx: Executor,
  feature: Pick<Feature, "id" | "kind" | "extension" | "instanceId">,
): Promise<void> {
  const step = callFlowStepTo(feature);
  if (!step) return;
  const pattern = JSON.stringify(step);
  await tx
    .update(seats)
    .set({
      callFlow: sql`coalesce((select jsonb_agg(step) from jsonb_array_elements(${seats.callFlow}) as step where not step @> ${pattern}::jsonb), '[]'::jsonb)`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(seats.instanceId, feature.instanceId),
        sql`${seats.callFlow} @> ${JSON.stringify([step])}::jsonb`,
      ),
    );
}

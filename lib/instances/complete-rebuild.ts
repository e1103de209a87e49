import { eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

// No "server-only" here: the rebuild's background job runs this under plain Node (see
// lib/jobs/job-handler.ts), where that marker throws.

export type RebuildOutcome = "rebuilt" | "failed";

export type CompleteRebuildOptions = {
  instanceId: string;
  rebuildId: string;
  outcome: RebuildOutcome;
  /** Why it failed, as the provisioning back end put it. */
  error?: string;
  now?: Date;
  /** A transaction to join (the inbound event's, so a refused report leaves no trace). */
  db?: Executor;
};

/** `completed: false`: this rebuild's outcome was already recorded; nothing changed. */
export type CompleteRebuildResult = { completed: boolean };

const errorLimit = 2000;

function failureText(error: string | undefined): string {
  const text = error?.trim() || "The provisioning service reported a failure without a reason.";
  return text.length > errorLimit ? `${text.slice(0, errorLimit - 1)}…` : text;
}

/**
 * Records how a rebuild ended: Active with a new last-rebuilt time, or Failed with the
 * error shown on the instance. No actor: the report comes from the provisioning back end
 * (signed, /api/provisioning/events) or the embedded stand-in's job. A report naming another
 * rebuild than the instance's current one is refused and changes nothing.
 */
export async function completeRebuild({
  instanceId,
  rebuildId,
  outcome,
  error,
  now = new Date(),
  db = getDb(),
}: CompleteRebuildOptions): Promise<CompleteRebuildResult> {
  if (!isUuid(instanceId)) throw new NotFoundError("This instance does not exist.");
  return db.transaction(async (tx) => {
    const [instance] = await tx
      .select()
      .from(instances)
      .where(eq(instances.id, instanceId))
      .for("update");
    if (!instance) throw new NotFoundError("This instance does not exist.");
    if (!instance.rebuildId || instance.rebuildId !== rebuildId) {
      throw new ConflictError("This is not the instance's current rebuild; nothing was changed.");
    }
    // The same report again (a retried delivery): the first one counted.
    if (instance.status !== "rebuilding") return { completed: false };
    const failed = outcome === "failed";
    const reason = failed ? failureText(error) : "";
    await tx
      .update(instances)
      .set(
        failed
          ? { status: "failed", rebuildError: reason }
          : { status: "active", rebuildError: "", lastRebuiltAt: now },
      )
      .where(eq(instances.id, instance.id));
    await recordActivity(tx, {
      accountId: instance.accountId,
      kind: failed ? "instance.rebuild_failed" : "instance.rebuilt",
      targetLabel: instance.name,
      targetId: instance.id,
      details: {
        instance: instance.name,
        rebuildId,
        ...(failed ? { error: reason, summary: `Error: ${reason}` } : {}),
      },
    });
    return { completed: true };
  });
}

import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { inboundEvents } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { type CompleteRebuildResult, completeRebuild } from "@/lib/instances/complete-rebuild";
import { isUuid } from "@/lib/uuid";
import { verifySignature } from "./signature";

const source = "provisioning";
// Replays are refused by id while their timestamp could still pass; older ids can go.
const keepIdsMs = 60 * 60_000;

/** A report that is not provably the provisioning back end's, fresh and first: 401. */
export class UnauthenticEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnauthenticEventError";
  }
}

const provisioningEvent = z.object(
  {
    type: z.enum(["instance.rebuilt", "instance.rebuild_failed"], {
      error: 'type must be "instance.rebuilt" or "instance.rebuild_failed".',
    }),
    instanceId: z
      .string({ error: "instanceId must be an instance's id." })
      .refine(isUuid, "instanceId must be an instance's id."),
    rebuildId: z
      .string({ error: "rebuildId must be the id sent with the rebuild request." })
      .refine(isUuid, "rebuildId must be the id sent with the rebuild request."),
    error: z
      .string({ error: "error must be text." })
      .max(10_000, "error must be at most 10,000 characters.")
      .optional(),
  },
  { error: "The body must be a JSON object." },
);

function parseEvent(body: string) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvalidError("The body must be JSON.");
  }
  const parsed = provisioningEvent.safeParse(json);
  if (!parsed.success) {
    throw new InvalidError(parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  return parsed.data;
}

export type ReceiveProvisioningEventOptions = {
  headers: Headers;
  /** The raw body, exactly as signed. */
  body: string;
  secret: string;
  now?: Date;
};

/**
 * Accepts the provisioning back end's report of a rebuild: signed with the shared secret,
 * fresh, never seen before (its webhook-id is kept), naming the instance's current rebuild.
 * The id is kept in the transaction of the change, so a refused report leaves nothing behind.
 */
export async function receiveProvisioningEvent({
  headers,
  body,
  secret,
  now = new Date(),
}: ReceiveProvisioningEventOptions): Promise<CompleteRebuildResult> {
  const check = verifySignature({ secret, headers, body, now });
  if (!check.ok) throw new UnauthenticEventError(check.reason);
  const event = parseEvent(body);
  return getDb().transaction(async (tx) => {
    const [fresh] = await tx
      .insert(inboundEvents)
      .values({ source, eventId: check.id, receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    if (!fresh) throw new UnauthenticEventError("This webhook-id was already received.");
    await tx
      .delete(inboundEvents)
      .where(
        and(
          eq(inboundEvents.source, source),
          lt(inboundEvents.receivedAt, new Date(now.getTime() - keepIdsMs)),
        ),
      );
    return completeRebuild({
      instanceId: event.instanceId,
      rebuildId: event.rebuildId,
      outcome: event.type === "instance.rebuilt" ? "rebuilt" : "failed",
      error: event.error,
      now,
      db: tx,
    });
  });
}

import { z } from "zod";
import type { ActivityListRow } from "@/lib/activity/list-activity";
import { activityKinds } from "@/lib/activity/schemas";

const person = z
  .object({
    label: z
      .string()
      .meta({ description: "The user name at the time (a group's name for groups)." }),
    userId: z
      .uuid()
      .nullable()
      .meta({ description: "The user, while they still exist in the account." }),
  })
  .nullable();

/** A row of GET /activity: one change, sign-in or refusal, as the Account Activity page lists it. */
export const activityResourceSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(activityKinds),
    actor: person.meta({ description: "Who did it; null for the system." }),
    actorToken: z
      .string()
      .nullable()
      .meta({ description: "The name of the API token it came through, if it did." }),
    target: person.meta({ description: "Whom or what it was about." }),
    details: z.record(z.string(), z.unknown()).meta({
      description: "What changed: `changes: [{ field, before, after }]` and per-kind facts.",
    }),
    clientAddress: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ActivityEntry" });

export type ActivityResource = z.infer<typeof activityResourceSchema>;

export function toActivityResource(row: ActivityListRow): ActivityResource {
  return {
    id: row.id,
    kind: row.kind,
    actor:
      row.actorLabel || row.actorUserId ? { label: row.actorLabel, userId: row.actorUserId } : null,
    actorToken: row.actorTokenLabel || null,
    target:
      row.targetLabel || row.targetUserId
        ? { label: row.targetLabel, userId: row.targetUserId }
        : null,
    details: row.details,
    clientAddress: row.clientAddress,
    createdAt: row.createdAt.toISOString(),
  };
}

import { z } from "zod";
import { activityKinds } from "@/db/schema/activity";

export type { ActivityDetails, ActivityKind } from "@/db/schema/activity";
// For the pages, which never import db/ themselves.
export { activityKinds };

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const activityQuerySchema = z.object({
  /** Part of a name, a user name or an email (see lib/activity/person-filter.ts). */
  actor: z.string().trim().max(254).catch(""),
  target: z.string().trim().max(254).catch(""),
  kind: z.enum(activityKinds).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ActivityQuery = z.output<typeof activityQuerySchema>;

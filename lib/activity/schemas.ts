import { z } from "zod";
import { activityKinds } from "@/db/schema/activity";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const activityQuerySchema = z.object({
  actor: z.string().trim().max(64).catch(""),
  target: z.string().trim().max(64).catch(""),
  kind: z.enum(activityKinds).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ActivityQuery = z.output<typeof activityQuerySchema>;

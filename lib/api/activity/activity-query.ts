import { z } from "zod";
import { activityQuerySchema } from "@/lib/activity/schemas";
import { limitParam } from "../paging";

// The Account Activity filters' own field schemas, without the page's forgiving fallbacks:
// the API names a malformed filter instead of ignoring it.
const page = activityQuerySchema.shape;
// A real calendar day: "2024-13-45" has the page's shape but is no date.
const day = z.iso.date({ error: "Use a day as YYYY-MM-DD." });

export const activityListQuerySchema = z
  .object({
    limit: limitParam,
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, "Not a cursor of this list.")
      .transform(Number)
      .optional(),
    actor: page.actor.unwrap().default("").meta({
      description:
        "Whose changes: the user name, email or full name of a user, else part of the names of users, else of recorded names.",
    }),
    target: page.target
      .unwrap()
      .default("")
      .meta({ description: "Whom they were about: as actor." }),
    kind: page.kind.unwrap(),
    from: day.optional().meta({ description: "The first day (UTC), YYYY-MM-DD." }),
    to: day.optional().meta({ description: "The last day (UTC), YYYY-MM-DD, included." }),
  })
  .strict();

import { z } from "zod";

/** `?limit=` of every list: 1 to 200, 50 when absent. */
export const limitParam = z.coerce
  .number({ error: "limit must be a whole number from 1 to 200." })
  .int("limit must be a whole number from 1 to 200.")
  .min(1, "limit must be a whole number from 1 to 200.")
  .max(200, "limit must be a whole number from 1 to 200.")
  .default(50);

/** `?cursor=`: the `nextCursor` of the page before, opaque to clients. */
export const cursorParam = z.string().max(500).optional();

/** What every list answers: a page of items and the cursor of the next page, if any. */
export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as ?cursor= for the next page." }),
    })
    .meta({ id });
}

export function queryObject(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query.entries());
}

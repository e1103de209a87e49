import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Field errors, named like the body's fields." }),
    permission: z.string().optional().meta({ description: "The missing module action." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** The refusals every operation may answer. */
export const commonErrors: ZodOpenApiResponsesObject = {
  "401": problem("No token, or an unknown, revoked or expired one."),
  "403": problem("The token's scopes or its owner's permissions do not allow it."),
  "429": problem("Too many requests for this token: see Retry-After."),
};

export const notFound = { "404": problem("Not found in the token's account.") };
export const invalid = {
  "400": problem("Malformed JSON."),
  "422": problem("Invalid fields, or unknown fields (refused)."),
};
export const conflict = { "409": problem("Conflicts with what is stored (a name in use).") };
export const preconditionFailed = {
  "412": problem("If-Match names an older version of the resource."),
};
export const idempotencyHeader = z.string().max(255).optional().meta({
  description:
    "Same key and body within 24 h replays the first answer; another body: 422; still running: 409.",
});
export const ifMatchHeader = z
  .string()
  .optional()
  .meta({ description: "The ETag you read: the write is refused with 412 if it changed since." });

export const idParams = z.object({ id: z.uuid().meta({ description: "The resource's id." }) });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An operation with the refusals every operation may answer added. */
export function operation(op: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return { ...op, responses: { ...op.responses, ...commonErrors } };
}

import {
  BadRequestError,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  PreconditionFailedError,
} from "@/lib/errors";

export const scimErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

/** RFC 7644 §3.12's `scimType` values this service answers with. */
export type ScimType =
  | "invalidFilter"
  | "invalidSyntax"
  | "invalidPath"
  | "invalidValue"
  | "noTarget"
  | "uniqueness"
  | "mutability"
  | "tooMany";

/** A refusal in SCIM's own terms, for what the domain errors do not say (filters, paths). */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
    this.name = "ScimError";
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType) {
  return {
    schemas: [scimErrorSchema],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

export function scimErrorResponse(status: number, detail: string, scimType?: ScimType): Response {
  return Response.json(scimErrorBody(status, detail, scimType), {
    status,
    headers: { "content-type": "application/scim+json", "cache-control": "no-store" },
  });
}

/**
 * The one table from errors to SCIM answers (RFC 7644 §3.12). Field errors are named with
 * the SCIM attribute they came from, so an identity provider's log says what to fix.
 */
export function scimErrorFor(error: unknown, attributeOf: (field: string) => string): Response {
  if (error instanceof ScimError)
    return scimErrorResponse(error.status, error.message, error.scimType);
  if (error instanceof InvalidError) {
    const fields = Object.entries(error.fieldErrors).map(
      ([field, message]) => `${attributeOf(field)}: ${message}`,
    );
    return scimErrorResponse(
      400,
      fields.length > 0 ? fields.join(" ") : error.message,
      "invalidValue",
    );
  }
  if (error instanceof ConflictError) {
    const detail = error.field ? `${attributeOf(error.field)}: ${error.message}` : error.message;
    return scimErrorResponse(409, detail, "uniqueness");
  }
  if (error instanceof NotFoundError) return scimErrorResponse(404, error.message);
  if (error instanceof ForbiddenError) return scimErrorResponse(403, error.message);
  if (error instanceof PreconditionFailedError) return scimErrorResponse(412, error.message);
  if (error instanceof BadRequestError)
    return scimErrorResponse(400, error.message, "invalidSyntax");
  if (error instanceof DomainError) return scimErrorResponse(400, error.message);
  throw error;
}

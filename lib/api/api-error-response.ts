import {
  BadRequestError,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  PreconditionFailedError,
} from "@/lib/errors";
import { problem } from "@/lib/http/problem";

/**
 * The one table from domain errors to HTTP answers (RFC 9457 problem+json). Field errors
 * travel as `errors: [{ field, message }]`, named like the JSON body's fields.
 */
export function apiErrorResponse(error: unknown): Response {
  if (error instanceof InvalidError) {
    return problem(422, "Unprocessable Content", error.message, {
      errors: Object.entries(error.fieldErrors).map(([field, message]) => ({ field, message })),
    });
  }
  if (error instanceof ConflictError) {
    return problem(
      409,
      "Conflict",
      error.message,
      error.field ? { errors: [{ field: error.field, message: error.message }] } : {},
    );
  }
  if (error instanceof NotFoundError) return problem(404, "Not Found", error.message);
  if (error instanceof ForbiddenError) {
    return problem(
      403,
      "Forbidden",
      error.message,
      error.permission ? { permission: error.permission } : {},
    );
  }
  if (error instanceof PreconditionFailedError) {
    return problem(412, "Precondition Failed", error.message);
  }
  if (error instanceof BadRequestError) return problem(400, "Bad Request", error.message);
  if (error instanceof DomainError) return problem(400, "Bad Request", error.message);
  throw error;
}

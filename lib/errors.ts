import type { PermissionKey } from "@/lib/auth/modules";

// Typed domain errors. Services throw them; lib/actions and lib/http map them to
// form errors and HTTP responses in exactly one place each.
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {}

export class NotFoundError extends DomainError {
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/**
 * A refusal. `permission` names the missing module action when that is the reason, so
 * the "Not allowed" page and form messages can say what to ask an Administrator for.
 */
export class ForbiddenError extends DomainError {
  constructor(
    message = "You are not allowed to do that.",
    readonly permission?: PermissionKey,
  ) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A uniqueness or state conflict, optionally tied to one form field. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class InvalidError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "InvalidError";
  }
}

/** A conditional write (If-Match) whose resource has changed since the client read it. */
export class PreconditionFailedError extends DomainError {
  constructor(message = "The resource has changed since you read it: read it again.") {
    super(message);
    this.name = "PreconditionFailedError";
  }
}

/** A request the server cannot even read (malformed JSON, a body of the wrong shape). */
export class BadRequestError extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = "BadRequestError";
  }
}

// node-postgres and PGlite both report SQLSTATE and constraint names; drizzle may wrap them.
type PgErrorLike = { code?: string; constraint?: string; cause?: unknown };

/** The violated unique index's name, when the error is a unique violation. */
export function uniqueViolation(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as PgErrorLike;
    if (candidate.code === "23505") return candidate.constraint ?? "";
    current = candidate.cause;
  }
  return undefined;
}

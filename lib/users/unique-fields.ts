import "server-only";
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

type UniqueField = "userName" | "email";

// The same words whether the name is used in this account or another: nothing tells
// which organizations exist or who belongs to them.
const messages: Record<UniqueField, string> = {
  userName: "This user name is already in use.",
  email: "This email is already in use.",
};

/** A user name or email that some user, in any account, already has. */
export class NameInUseError extends ConflictError {
  constructor(
    readonly field: UniqueField,
    readonly value: string,
  ) {
    super(messages[field], field);
    this.name = "NameInUseError";
  }
}

/** Friendly uniqueness check before a write (the unique indexes still decide races). */
export async function assertUniqueUserFields(
  db: Executor,
  fields: { userName?: string; email?: string },
  exceptUserId?: string,
): Promise<void> {
  const clauses = [];
  if (fields.userName)
    clauses.push(eq(sql`lower(${users.userName})`, fields.userName.toLowerCase()));
  if (fields.email) clauses.push(eq(sql`lower(${users.email})`, fields.email.toLowerCase()));
  if (clauses.length === 0) return;
  const taken = await db
    .select({ userName: users.userName, email: users.email })
    .from(users)
    .where(and(or(...clauses), exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .limit(2);
  for (const row of taken) {
    if (fields.userName && row.userName.toLowerCase() === fields.userName.toLowerCase()) {
      throw new NameInUseError("userName", fields.userName);
    }
    if (fields.email && row.email.toLowerCase() === fields.email.toLowerCase()) {
      throw new NameInUseError("email", fields.email);
    }
  }
}

/** Turns a unique-index violation from a concurrent write into the same field error. */
export function rethrowUniqueViolation(
  error: unknown,
  fields: { userName?: string; email?: string },
): never {
  const index = uniqueViolation(error);
  if (index === "users_user_name_key") throw new NameInUseError("userName", fields.userName ?? "");
  if (index === "users_email_key") throw new NameInUseError("email", fields.email ?? "");
  if (index === "users_account_external_id_key") {
    throw new ConflictError("Another user of this account has this externalId.", "externalId");
  }
  if (index === "users_account_scim_user_name_key") {
    throw new ConflictError("Another user of this account has this userName.", "userName");
  }
  throw error;
}

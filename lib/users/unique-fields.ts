import "server-only";
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

const messages = {
  userName: "This user name is taken.",
  email: "This email is already used by another user.",
};

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
      throw new ConflictError(messages.userName, "userName");
    }
    if (fields.email && row.email.toLowerCase() === fields.email.toLowerCase()) {
      throw new ConflictError(messages.email, "email");
    }
  }
}

/** Turns a unique-index violation from a concurrent write into the same field error. */
export function rethrowUniqueViolation(error: unknown): never {
  const index = uniqueViolation(error);
  if (index === "users_user_name_key") throw new ConflictError(messages.userName, "userName");
  if (index === "users_email_key") throw new ConflictError(messages.email, "email");
  throw error;
}

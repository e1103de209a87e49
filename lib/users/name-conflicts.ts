import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { FieldErrors } from "@/lib/errors";
import { findAccountUser } from "./find-user";
import { withNameInUseLimit } from "./name-in-use-limit";
import { assertUniqueUserFields, NameInUseError } from "./unique-fields";

export type NameConflictsOptions = {
  actor: Actor;
  userName?: string;
  email?: string;
  /** The user being edited: their own name is no conflict. */
  exceptUserId?: string;
};

/**
 * The "already in use" errors of a form the schema refused for other reasons, so they
 * come in the same Save. Counted against the same hourly limit as a refused save.
 */
export async function nameConflicts({
  actor,
  userName,
  email,
  exceptUserId,
}: NameConflictsOptions): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  // The user being edited must be one of the actor's account: an id from elsewhere would
  // tell whose name it is by the missing refusal.
  const except = exceptUserId
    ? (await findAccountUser(getDb(), actor.accountId, exceptUserId)).id
    : undefined;
  for (const [field, value] of [
    ["userName", userName],
    ["email", email],
  ] as const) {
    if (!value) continue;
    try {
      await withNameInUseLimit({
        actor,
        run: () => assertUniqueUserFields(getDb(), { [field]: value }, except),
      });
    } catch (error) {
      if (!(error instanceof NameInUseError)) throw error;
      errors[field] = error.message;
    }
  }
  return errors;
}

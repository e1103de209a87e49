import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { loadPermissions } from "@/lib/auth/load-permissions";
import { assertCan, effectivePermissions } from "@/lib/auth/permissions";
import { findAccountUser } from "@/lib/users/find-user";

/** A user's effective permissions with their sources ("Display Permissions"). */
export async function getUserPermissions({ actor, userId }: { actor: Actor; userId: string }) {
  if (userId !== actor.id) assertCan(actor, "permissions", "view");
  const db = getDb();
  const user = await findAccountUser(db, actor.accountId, userId);
  const loaded = await loadPermissions(user.id, db);
  return { user, modules: effectivePermissions({ role: user.role, ...loaded }) };
}

import type { Actor } from "@/lib/auth/actor";
import { type PermissionKey, permissionLabel } from "@/lib/auth/modules";
import { canKey } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

/** The actions among `keys` the actor does not hold, and so may not hand out. */
export function ungrantable(actor: Actor, keys: Iterable<PermissionKey>): PermissionKey[] {
  return [...keys].filter((key) => !canKey(actor, key));
}

/** Nobody can hand out an action they do not hold themselves. */
export function assertMayGrant(actor: Actor, keys: Iterable<PermissionKey>): void {
  const missing = ungrantable(actor, keys);
  if (missing.length > 0) {
    throw new ForbiddenError(
      `You cannot grant ${missing.map(permissionLabel).join(", ")}: you do not have ${
        missing.length === 1 ? "it" : "them"
      } yourself.`,
    );
  }
}

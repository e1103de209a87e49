import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { canKey } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

/** Nobody can hand out an action they do not hold themselves. */
export function assertMayGrant(actor: Actor, keys: Iterable<PermissionKey>): void {
  for (const key of keys) {
    if (!canKey(actor, key)) {
      throw new ForbiddenError(`You cannot grant "${key}" because you do not have it yourself.`);
    }
  }
}

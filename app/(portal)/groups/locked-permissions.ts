import type { Actor } from "@/lib/auth/actor";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";
import { canKey } from "@/lib/auth/permissions";

/** The actions this actor may not hand out, shown disabled in permission lists. */
export function lockedPermissions(actor: Actor): PermissionKey[] {
  return allPermissionKeys.filter((key) => !canKey(actor, key));
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupPermissions, groups } from "@/db/schema";
import { isPermissionKey, type PermissionKey } from "@/lib/auth/modules";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** A group of the account; another account's group is simply not found. */
export async function findAccountGroup(db: Executor, accountId: string, groupId: string) {
  if (!isUuid(groupId)) throw new NotFoundError("This group does not exist.");
  const [group] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.accountId, accountId)));
  if (!group) throw new NotFoundError("This group does not exist.");
  return group;
}

export async function groupPermissionKeys(db: Executor, groupId: string): Promise<PermissionKey[]> {
  const rows = await db
    .select({ module: groupPermissions.module, action: groupPermissions.action })
    .from(groupPermissions)
    .where(eq(groupPermissions.groupId, groupId));
  return rows.map((row) => `${row.module}:${row.action}`).filter(isPermissionKey);
}

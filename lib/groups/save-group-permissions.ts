import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { groupPermissions } from "@/db/schema";
import type { PermissionKey } from "@/lib/auth/modules";

/** Makes the group's grants exactly `next`; returns what was added and removed. */
export async function saveGroupPermissions(
  tx: Transaction,
  groupId: string,
  previous: PermissionKey[],
  next: PermissionKey[],
) {
  await tx.delete(groupPermissions).where(eq(groupPermissions.groupId, groupId));
  if (next.length > 0) {
    await tx.insert(groupPermissions).values(
      next.map((key) => {
        const [module = "", action = ""] = key.split(":");
        return { groupId, module, action };
      }),
    );
  }
  return {
    added: next.filter((key) => !previous.includes(key)),
    removed: previous.filter((key) => !next.includes(key)),
  };
}

import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { groups } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

const taken = () => new ConflictError("A group with this name already exists.", "name");

/** Group names are unique per account, case-insensitively. */
export async function assertGroupNameFree(
  db: Executor,
  accountId: string,
  name: string,
  exceptGroupId?: string,
) {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.accountId, accountId),
        eq(sql`lower(${groups.name})`, name.toLowerCase()),
        exceptGroupId ? ne(groups.id, exceptGroupId) : undefined,
      ),
    )
    .limit(1);
  if (row) throw taken();
}

/** Turns a unique-index violation from a concurrent write into the same field error. */
export function rethrowGroupNameTaken(error: unknown): never {
  const index = uniqueViolation(error);
  if (index === "groups_account_name_key") throw taken();
  if (index === "groups_account_external_id_key") {
    throw new ConflictError("Another group of this account has this externalId.", "externalId");
  }
  throw error;
}

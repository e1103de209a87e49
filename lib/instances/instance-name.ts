import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { instances } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

const taken = () => new ConflictError("An instance with this name already exists.", "name");

/** Instance names are unique per account, case-insensitively. */
export async function assertInstanceNameFree(
  db: Executor,
  accountId: string,
  name: string,
  exceptInstanceId?: string,
) {
  const [row] = await db
    .select({ id: instances.id })
    .from(instances)
    .where(
      and(
        eq(instances.accountId, accountId),
        eq(sql`lower(${instances.name})`, name.toLowerCase()),
        exceptInstanceId ? ne(instances.id, exceptInstanceId) : undefined,
      ),
    )
    .limit(1);
  if (row) throw taken();
}

/** Two saves racing for one name: the index refuses the second, read as the same conflict. */
export function rethrowInstanceNameTaken(error: unknown): never {
  if (uniqueViolation(error) === "instances_account_name_key") throw taken();
  throw error;
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

/** Refuses a change that would leave the account without an active Administrator (call lockAccount first). */
export async function assertAnotherActiveAdministrator(
  tx: Transaction,
  accountId: string,
  userId: string,
  message: string,
): Promise<void> {
  const [row] = await tx
    .select({ others: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.accountId, accountId),
        eq(users.role, "administrator"),
        eq(users.active, true),
        sql`${users.id} <> ${userId}`,
      ),
    );
  if ((row?.others ?? 0) === 0) throw new ConflictError(message);
}

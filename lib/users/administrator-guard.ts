import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

/**
 * Serializes every change that could remove an account's last active Administrator:
 * the account row is the lock, so two concurrent demotions cannot both see "one left".
 * Call it first in the transaction, before reading the target user.
 */
export async function lockAccount(tx: Transaction, accountId: string): Promise<void> {
  await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
}

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

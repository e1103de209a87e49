import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts } from "@/db/schema";

/**
 * Serializes changes that must see each other within one account (the last
 * Administrator, licence version numbers): the account row is the lock. Call it
 * first in the transaction, before reading what the change depends on.
 */
export async function lockAccount(tx: Transaction, accountId: string): Promise<void> {
  await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
}

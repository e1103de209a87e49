import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { passwordTokens } from "@/db/schema";

/**
 * Ends every unused link of a user, in the caller's transaction: after their password or
 * email changed, or they were inactivated, a link sent before must not work any more.
 */
export async function revokePasswordTokens(tx: Executor, userId: string): Promise<void> {
  await tx
    .delete(passwordTokens)
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
}

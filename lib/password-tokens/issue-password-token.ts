import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type PasswordTokenPurpose, passwordTokens } from "@/db/schema";
import { hashToken, newRawToken } from "./token-hash";
import { passwordTokenLifetimeMs } from "./token-lifetimes";

// No "server-only": the password-reset job (plain Node) issues links too.

export type IssuePasswordTokenOptions = {
  accountId: string;
  userId: string;
  purpose: PasswordTokenPurpose;
  /** The clock; tests move it. */
  now?: Date;
};

/**
 * Makes a single-use link secret for the user, in the caller's transaction, and returns it:
 * the only time it exists in clear. The user's earlier links for the same purpose stop
 * working, so only the newest message sent to them counts.
 */
export async function issuePasswordToken(
  tx: Executor,
  { accountId, userId, purpose, now = new Date() }: IssuePasswordTokenOptions,
): Promise<string> {
  await tx
    .delete(passwordTokens)
    .where(and(eq(passwordTokens.userId, userId), eq(passwordTokens.purpose, purpose)));
  const token = newRawToken();
  await tx.insert(passwordTokens).values({
    accountId,
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + passwordTokenLifetimeMs[purpose]),
    createdAt: now,
  });
  return token;
}

import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { type PasswordTokenPurpose, passwordTokens } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { invalidLinkMessage } from "./token-lifetimes";
import { findTokenUser, type TokenUser } from "./token-user";

export type ConsumePasswordTokenOptions = {
  token: string;
  purpose: PasswordTokenPurpose;
  /** The clock; tests move it. */
  now?: Date;
};

/**
 * Spends a link: its row is locked and marked used in the caller's transaction, so two
 * uses at once find one of them refused. The user's other unused links go too: once a
 * password is chosen, older messages are out of date. Expired, used, unknown, meant for
 * the other purpose or for an inactive user: one and the same refusal.
 */
export async function consumePasswordToken(
  tx: Transaction,
  { token, purpose, now = new Date() }: ConsumePasswordTokenOptions,
): Promise<TokenUser> {
  const user = await findTokenUser(tx, { token, purpose, now, forUpdate: true });
  if (!user) throw new InvalidError(invalidLinkMessage, { token: invalidLinkMessage });
  await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, user.tokenId));
  await tx
    .delete(passwordTokens)
    .where(
      and(
        eq(passwordTokens.userId, user.id),
        ne(passwordTokens.id, user.tokenId),
        isNull(passwordTokens.usedAt),
      ),
    );
  return user;
}

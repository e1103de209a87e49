import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, mayChangeUser } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { findAccountApiToken } from "./find-api-token";

export type RevokeApiTokenOptions = { actor: Actor; tokenId: string };

export type RevokeApiTokenResult = {
  /** False when the token was revoked already: nothing changed. */
  revoked: boolean;
  name: string;
  revokedAt: Date;
};

/**
 * Revokes a token: the next request that brings it is refused (authentication reads
 * revoked_at on every request). A token acts with its creator's rights, so revoking it is
 * a change to that person: a delegate cannot revoke an Administrator's token.
 */
export async function revokeApiToken({
  actor,
  tokenId,
}: RevokeApiTokenOptions): Promise<RevokeApiTokenResult> {
  assertCan(actor, "integrations", "manage");
  return getDb().transaction(async (tx) => {
    // Locked, so two people revoking at once record one revocation, not two.
    const token = await findAccountApiToken(tx, actor.accountId, tokenId, { forUpdate: true });
    if (!mayChangeUser(actor, { role: token.createdByRole })) {
      throw new ForbiddenError("Only an Administrator can revoke a token an Administrator made.");
    }
    if (token.revokedAt) return { revoked: false, name: token.name, revokedAt: token.revokedAt };
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, token.id))
      .returning({ revokedAt: apiTokens.revokedAt });
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "api_token.revoked",
      actor,
      targetLabel: token.name,
      details: { name: token.name, createdBy: token.createdByUserName },
      clientAddress: actor.clientAddress,
    });
    return { revoked: true, name: token.name, revokedAt: row!.revokedAt! };
  });
}

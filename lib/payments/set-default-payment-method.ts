import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { cardLabel } from "./card-label";

/** Makes a saved card the one payment forms choose first. */
export async function setDefaultPaymentMethod({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "billing", "manage");
  if (!isUuid(id)) throw new NotFoundError("No such card.");
  return getDb().transaction(async (tx) => {
    // Every card of the account locked: two people choosing different defaults take turns.
    const cards = await tx
      .select()
      .from(paymentMethods)
      .where(eq(paymentMethods.accountId, actor.accountId))
      .for("update");
    const method = cards.find((card) => card.id === id);
    if (!method) throw new NotFoundError("No such card.");
    if (method.isDefault) return method;
    // Cleared first: the unique index allows one default per account at any moment.
    await tx
      .update(paymentMethods)
      .set({ isDefault: false })
      .where(
        and(eq(paymentMethods.accountId, actor.accountId), eq(paymentMethods.isDefault, true)),
      );
    const [updated] = await tx
      .update(paymentMethods)
      .set({ isDefault: true })
      .where(eq(paymentMethods.id, id))
      .returning();
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "payment_method.default_changed",
      actor,
      targetLabel: cardLabel(method),
      targetId: method.id,
      clientAddress: actor.clientAddress,
    });
    return updated!;
  });
}

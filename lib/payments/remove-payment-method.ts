import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods, payments } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { cardLabel } from "./card-label";
import { paymentProvider } from "./payment-provider-for";

/**
 * Removes a saved card; when it was the default, the newest other card becomes the default.
 * Payments made with it keep its label. The provider is told afterwards: if that fails the
 * card is still gone from the portal, and nothing can charge it.
 */
export async function removePaymentMethod({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "billing", "manage");
  if (!isUuid(id)) throw new NotFoundError("No such card.");
  const removed = await getDb().transaction(async (tx) => {
    const [charging] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.accountId, actor.accountId),
          eq(payments.paymentMethodId, id),
          eq(payments.status, "pending"),
        ),
      )
      .limit(1);
    if (charging) {
      // The provider must be asked about that charge with this card's token until it answers.
      throw new ConflictError(
        "A payment with this card is being processed: remove it once it has finished.",
      );
    }
    const [method] = await tx
      .delete(paymentMethods)
      .where(and(eq(paymentMethods.id, id), eq(paymentMethods.accountId, actor.accountId)))
      .returning();
    if (!method) throw new NotFoundError("No such card.");
    if (method.isDefault) {
      const [next] = await tx
        .select({ id: paymentMethods.id })
        .from(paymentMethods)
        .where(and(eq(paymentMethods.accountId, actor.accountId), ne(paymentMethods.id, id)))
        .orderBy(desc(paymentMethods.createdAt))
        .limit(1);
      if (next) {
        await tx
          .update(paymentMethods)
          .set({ isDefault: true })
          .where(eq(paymentMethods.id, next.id));
      }
    }
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "payment_method.removed",
      actor,
      targetLabel: cardLabel(method),
      targetId: method.id,
      clientAddress: actor.clientAddress,
    });
    return method;
  });
  try {
    await paymentProvider().forgetCard({
      accountId: actor.accountId,
      token: removed.providerToken,
    });
  } catch (error) {
    console.error(`The payment provider was not told that card ${removed.id} was removed:`, error);
  }
  return removed;
}

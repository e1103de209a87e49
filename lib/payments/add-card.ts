import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { lockSubscription } from "@/lib/billing/subscription-row";
import { ConflictError, InvalidError } from "@/lib/errors";
import { cardExpiry, cardLabel } from "./card-label";
import { PaymentProviderUnavailableError } from "./payment-provider";
import { paymentProvider } from "./payment-provider-for";

export type AddCardOptions = {
  actor: Actor;
  /** The provider's reference from the link back to the portal. */
  reference: string;
};

/**
 * Saves the card a finished setup on the provider's page describes (token, brand, last four,
 * expiry: never the number). Following the same link back twice saves it once. The first card
 * becomes the default.
 */
export async function addCard({ actor, reference }: AddCardOptions) {
  assertCan(actor, "billing", "manage");
  if (!reference || reference.length > 4096) {
    throw new InvalidError("This card setup link is not valid.");
  }
  let card: Awaited<ReturnType<ReturnType<typeof paymentProvider>["completeCardSetup"]>>;
  const provider = paymentProvider();
  try {
    card = await provider.completeCardSetup({ accountId: actor.accountId, reference });
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw new ConflictError(error.message);
    throw error;
  }
  return getDb().transaction(async (tx) => {
    // Cards of one account are added in turn, so two first cards cannot both be the default.
    await lockSubscription(tx, actor.accountId);
    const [existing] = await tx
      .select()
      .from(paymentMethods)
      .where(
        and(
          eq(paymentMethods.accountId, actor.accountId),
          eq(paymentMethods.providerToken, card.token),
        ),
      );
    if (existing) return { method: existing, added: false };
    const [hasDefault] = await tx
      .select({ id: paymentMethods.id })
      .from(paymentMethods)
      .where(
        and(eq(paymentMethods.accountId, actor.accountId), eq(paymentMethods.isDefault, true)),
      );
    const [method] = await tx
      .insert(paymentMethods)
      .values({
        accountId: actor.accountId,
        provider: provider.name,
        providerToken: card.token,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        holderName: card.holderName,
        isDefault: !hasDefault,
        createdByLabel: actor.userName,
      })
      .returning();
    if (!method) throw new Error("The card was not saved.");
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "payment_method.added",
      actor,
      targetLabel: cardLabel(method),
      targetId: method.id,
      details: { summary: `${cardLabel(method)}, expires ${cardExpiry(method)}.` },
      clientAddress: actor.clientAddress,
    });
    return { method, added: true };
  });
}

import type { PaymentMethod } from "@/db/schema";

const brandLabels: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
};

export function brandLabel(brand: string): string {
  return brandLabels[brand] ?? (brand ? brand[0]!.toUpperCase() + brand.slice(1) : "Card");
}

type CardFacts = Pick<PaymentMethod, "brand" | "last4" | "expMonth" | "expYear">;

/** "Visa •••• 4242": how a saved card is named everywhere, and kept on its payments. */
export function cardLabel(card: Pick<CardFacts, "brand" | "last4">): string {
  return `${brandLabel(card.brand)} •••• ${card.last4}`;
}

/** "08/2030" */
export function cardExpiry(card: Pick<CardFacts, "expMonth" | "expYear">): string {
  return `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`;
}

/** A card works through the last day of its expiry month (UTC: the provider's view). */
export function cardExpired(
  card: Pick<CardFacts, "expMonth" | "expYear">,
  now = new Date(),
): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return card.expYear < year || (card.expYear === year && card.expMonth < month);
}

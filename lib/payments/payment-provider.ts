import type { PaymentProviderName } from "@/db/schema/payments";

// The one seam between the portal and whoever holds the cards. Card numbers are typed on the
// provider's own hosted page (Stripe Checkout in setup mode; the embedded test provider's page
// under /test-provider) and never pass through the portal: it only sees what a provider says
// about a card (token, brand, last four digits, expiry) and the outcome of a charge.

/** A card as the provider describes it after the person typed it on the provider's page. */
export type ProvidedCard = {
  /** The provider's reusable reference to the card (Stripe: "pm_…"). */
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holderName: string;
};

export type BeginCardSetupInput = {
  accountId: string;
  /** The account's customer at the provider, when one was made before ("" the first time). */
  customerRef: string;
  /** The customer's email, for the provider's records (Stripe shows it on its page). */
  email: string;
  /**
   * Where the provider sends the browser back once the card is saved. It contains the literal
   * "{SETUP_REFERENCE}", which the provider replaces with its reference to the setup.
   */
  returnUrl: string;
  /** Where the provider sends the browser back when the person gives up. */
  cancelUrl: string;
};

export type BeganCardSetup = {
  /** The provider's hosted page the browser is sent to. */
  redirectUrl: string;
  /** The account's customer at the provider (new or as given): store it for next time. */
  customerRef: string;
};

export type CompleteCardSetupInput = {
  accountId: string;
  /** What the provider put in place of "{SETUP_REFERENCE}" in the return URL. */
  reference: string;
};

export type ChargeInput = {
  accountId: string;
  customerRef: string;
  /** The saved card's token. */
  token: string;
  amountMinor: number;
  currency: string;
  /** The payment's id: the provider answers a repeated request as it answered the first. */
  idempotencyKey: string;
  /** "Invoice INV-2026-11-0001", shown on the provider's dashboard and statements. */
  description: string;
};

export type ChargeOutcome =
  | { status: "succeeded"; providerPaymentId: string }
  | {
      status: "declined";
      /** The provider's code ("card_declined", "insufficient_funds", "expired_card", …). */
      code: string;
      /** Why, as the person paying should read it. */
      reason: string;
      providerPaymentId: string;
    };

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  beginCardSetup(input: BeginCardSetupInput): Promise<BeganCardSetup>;
  /**
   * The card saved by a finished setup. Throws InvalidError when the reference is unknown,
   * unfinished, or belongs to another account.
   */
  completeCardSetup(input: CompleteCardSetupInput): Promise<ProvidedCard>;
  charge(input: ChargeInput): Promise<ChargeOutcome>;
  /** Tells the provider the card is no longer wanted (Stripe: detach it from the customer). */
  forgetCard(input: { accountId: string; token: string }): Promise<void>;
}

/**
 * Thrown when the provider could not be reached or failed. For a card setup nothing was saved;
 * for a charge it is not known whether money was taken: ask again under the same key.
 */
export class PaymentProviderUnavailableError extends Error {
  constructor(message = "The payment provider did not answer. Nothing was charged; try again.") {
    super(message);
    this.name = "PaymentProviderUnavailableError";
  }
}

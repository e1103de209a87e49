// No "server-only": the payments.settle job (plain Node) charges through the provider too.
import Stripe from "stripe";
import { InvalidError } from "@/lib/errors";
import {
  type BeginCardSetupInput,
  type ChargeInput,
  type ChargeOutcome,
  type CompleteCardSetupInput,
  type PaymentProvider,
  PaymentProviderUnavailableError,
  type ProvidedCard,
} from "../payment-provider";

export type StripeProviderOptions = {
  secretKey: string;
  /** Another API address than https://api.stripe.com (tests: a local stand-in). */
  apiUrl?: string;
  /**
   * Retries of a request that failed on the way (connection, 409, 5xx), each with the same
   * Idempotency-Key, so Stripe answers a retried charge with the first answer instead of
   * charging twice. With the timeout, the worst case (3 × 15 s and the back-off) stays under
   * the minute a pending payment's charge is left alone (chargeLeaseMs in payable-invoice.ts).
   */
  maxNetworkRetries?: number;
  timeoutMs?: number;
};

/**
 * Stripe: cards are added on Stripe Checkout in setup mode, saved to the account's customer,
 * and charged off-session with a PaymentIntent confirmed at once.
 */
export function stripeProvider({
  secretKey,
  apiUrl,
  maxNetworkRetries = 2,
  timeoutMs = 15_000,
}: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(secretKey, {
    ...apiAddress(apiUrl),
    maxNetworkRetries,
    timeout: timeoutMs,
    // Stripe's telemetry header reports the previous request's timing: nothing it needs.
    telemetry: false,
  });

  return {
    name: "stripe",

    async beginCardSetup({
      accountId,
      customerRef,
      email,
      returnUrl,
      cancelUrl,
    }: BeginCardSetupInput) {
      return reachStripe(async () => {
        const customer =
          customerRef ||
          (await stripe.customers.create({ email: email || undefined, metadata: { accountId } }))
            .id;
        const session = await stripe.checkout.sessions.create({
          mode: "setup",
          customer,
          // Setup mode needs a currency to choose the payment methods it offers; cards only,
          // since the portal saves and shows cards.
          currency: "usd",
          allowed_payment_method_types: ["card"],
          success_url: returnUrl.replaceAll("{SETUP_REFERENCE}", "{CHECKOUT_SESSION_ID}"),
          cancel_url: cancelUrl,
          client_reference_id: accountId,
          metadata: { accountId },
          setup_intent_data: { metadata: { accountId } },
        });
        if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL.");
        return { redirectUrl: session.url, customerRef: customer };
      });
    },

    async completeCardSetup({ accountId, reference }: CompleteCardSetupInput) {
      if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(reference)) {
        throw new InvalidError("This card setup link is not valid.");
      }
      const session = await reachStripe(() =>
        stripe.checkout.sessions.retrieve(reference, { expand: ["setup_intent.payment_method"] }),
      ).catch((error: unknown) => {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
          throw new InvalidError("This card setup link is not valid.");
        }
        throw error;
      });
      if (session.client_reference_id !== accountId) {
        throw new InvalidError("This card setup was not started by your account.");
      }
      const intent = session.setup_intent;
      const method =
        typeof intent === "object" && intent?.status === "succeeded" ? intent.payment_method : null;
      if (session.mode !== "setup" || session.status !== "complete" || !method) {
        throw new InvalidError("This card setup was not finished: add the card again.");
      }
      if (typeof method === "string" || !method.card) {
        throw new InvalidError("Only cards can be saved: add a card.");
      }
      return {
        token: method.id,
        brand: method.card.brand,
        last4: method.card.last4,
        expMonth: method.card.exp_month,
        expYear: method.card.exp_year,
        holderName: method.billing_details?.name ?? "",
      } satisfies ProvidedCard;
    },

    async charge(input: ChargeInput): Promise<ChargeOutcome> {
      try {
        const intent = await reachStripe(() =>
          stripe.paymentIntents.create(
            {
              amount: input.amountMinor,
              currency: input.currency.toLowerCase(),
              ...(input.customerRef ? { customer: input.customerRef } : {}),
              payment_method: input.token,
              off_session: true,
              confirm: true,
              description: input.description,
              metadata: { accountId: input.accountId },
            },
            { idempotencyKey: input.idempotencyKey },
          ),
        );
        if (intent.status === "succeeded") {
          return { status: "succeeded", providerPaymentId: intent.id };
        }
        // Off-session card payments either succeed or fail with a card error; a bank asking
        // for the cardholder (3-D Secure) is the one answer that can still come back as a status.
        return {
          status: "declined",
          code:
            intent.last_payment_error?.decline_code ||
            intent.last_payment_error?.code ||
            (intent.status === "requires_action" ? "authentication_required" : intent.status),
          reason:
            intent.last_payment_error?.message ||
            (intent.status === "requires_action"
              ? "Your bank asks you to confirm this payment, which cannot be done here. Use another card."
              : "The payment did not complete."),
          providerPaymentId: intent.id,
        };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          return {
            status: "declined",
            // The SDK gives a card error without an issuer's reason an empty decline_code.
            code: error.decline_code || error.code || "card_declined",
            reason: error.message,
            providerPaymentId: error.payment_intent?.id ?? error.charge ?? "",
          };
        }
        throw error;
      }
    },

    async forgetCard({ token }: { accountId: string; token: string }) {
      await reachStripe(() => stripe.paymentMethods.detach(token));
    },
  };
}

/** The SDK's host, port and protocol for an API address ("http://127.0.0.1:4010"). */
function apiAddress(apiUrl: string | undefined) {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    host: url.hostname,
    port: url.port || (protocol === "http" ? 80 : 443),
    protocol,
  } as const;
}

/**
 * Runs a request, turning "Stripe did not answer" (no connection, a timeout, its 5xx, a rate
 * limit, a concurrent request with the same key, a refused key) into
 * PaymentProviderUnavailableError; Stripe's answers about the request itself pass through.
 */
async function reachStripe<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      error instanceof Stripe.errors.StripeAuthenticationError ||
      (error instanceof Stripe.errors.StripeError &&
        ((error.statusCode ?? 0) >= 500 || error.statusCode === 409))
    ) {
      if (error instanceof Stripe.errors.StripeAuthenticationError) {
        console.error("Stripe refused STRIPE_SECRET_KEY:", error.message);
      }
      throw new PaymentProviderUnavailableError();
    }
    throw error;
  }
}

// No "server-only": the payments.settle job (plain Node) charges through the provider too.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { testProviderCharges } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import type {
  BeginCardSetupInput,
  ChargeInput,
  ChargeOutcome,
  CompleteCardSetupInput,
  PaymentProvider,
} from "../payment-provider";
import { testDeclines } from "./test-cards";
import { testProviderSetupUrl } from "./test-provider-setup";
import {
  type CardToken,
  readTestProviderValue,
  sameOriginPath,
  setupExpiry,
  signTestProviderValue,
} from "./test-provider-signing";

/**
 * The default payment provider: it stands in for an external one, served by this same server.
 * The card is typed on its own page under /test-provider (never on the portal's), which
 * accepts Stripe's test card numbers only; it answers charges as those cards do in Stripe's
 * test mode. Nothing but its record of charges is stored: setup links, references and card
 * tokens are signed values carrying what they need.
 */
export const testProvider: PaymentProvider = {
  name: "test",

  async beginCardSetup({ accountId, customerRef, returnUrl, cancelUrl }: BeginCardSetupInput) {
    const session = signTestProviderValue("session", {
      exp: setupExpiry(),
      accountId,
      returnUrl: pathOnThisServer(returnUrl),
      cancelUrl: pathOnThisServer(cancelUrl),
    });
    return {
      redirectUrl: testProviderSetupUrl(session),
      customerRef: customerRef || `cus_test_${accountId.replaceAll("-", "")}`,
    };
  },

  async completeCardSetup({ accountId, reference }: CompleteCardSetupInput) {
    const setup = readTestProviderValue("reference", reference);
    if (!setup) throw new InvalidError("This card setup link is not valid.");
    if (setup.accountId !== accountId) {
      throw new InvalidError("This card setup was not started by your account.");
    }
    const token = signTestProviderValue("token", {
      setupId: setup.setupId,
      accountId,
      brand: setup.brand,
      last4: setup.last4,
      behaviour: setup.behaviour,
    });
    return {
      token,
      brand: setup.brand,
      last4: setup.last4,
      expMonth: setup.expMonth,
      expYear: setup.expYear,
      holderName: setup.holderName,
    };
  },

  async charge(input: ChargeInput): Promise<ChargeOutcome> {
    const card = cardOf(input.accountId, input.token);
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw new InvalidError("The amount to charge must be a positive whole number.");
    }
    const currency = input.currency.toLowerCase();
    const providerPaymentId = `ch_test_${crypto.randomBytes(12).toString("base64url")}`;
    const outcome: ChargeOutcome =
      card.behaviour === "succeeds"
        ? { status: "succeeded", providerPaymentId }
        : { status: "declined", ...testDeclines[card.behaviour], providerPaymentId };
    // The first request with a key decides; a repeat (a retry, a concurrent double) reads it.
    const db = getDb();
    await db
      .insert(testProviderCharges)
      .values({
        idempotencyKey: input.idempotencyKey,
        token: input.token,
        amountMinor: input.amountMinor,
        currency,
        outcome,
      })
      .onConflictDoNothing({ target: testProviderCharges.idempotencyKey });
    const [first] = await db
      .select()
      .from(testProviderCharges)
      .where(eq(testProviderCharges.idempotencyKey, input.idempotencyKey));
    if (!first) throw new Error("The test provider lost its record of a charge.");
    if (
      first.token !== input.token ||
      first.amountMinor !== input.amountMinor ||
      first.currency !== currency
    ) {
      // As Stripe answers the reuse of a key: a bug in the caller, never a second charge.
      throw new Error(
        "Keys for idempotent requests can only be used with the same parameters they were first used with.",
      );
    }
    return first.outcome as ChargeOutcome;
  },

  // The card lives only in its token: there is nothing to forget.
  async forgetCard() {},
};

/** The card a token describes, if this provider signed it for this account. */
function cardOf(accountId: string, token: string): CardToken {
  const card = readTestProviderValue("token", token);
  if (!card || card.accountId !== accountId) {
    throw new InvalidError("This card is not one of your account's cards.");
  }
  return card;
}

/**
 * The path of a link back to the portal. The test provider is served by the portal's own
 * server, so an absolute URL's origin is dropped (a forged Host header then cannot send the
 * browser elsewhere); anything that is not a path here is refused.
 */
function pathOnThisServer(url: string): string {
  const path = url.replace(/^https?:\/\/[^/?#\\]*/i, "") || "/";
  const parsed = sameOriginPath.safeParse(path);
  if (!parsed.success) throw new Error(`The test provider cannot send the browser to ${url}.`);
  return parsed.data;
}

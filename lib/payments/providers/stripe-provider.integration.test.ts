import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { rejectionOf } from "@/tests/support/fixtures";
import { PaymentProviderUnavailableError } from "../payment-provider";
import { type FakeStripe, startFakeStripe } from "./fake-stripe-server";
import { stripeProvider } from "./stripe-provider";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const secretKey = "sk_test_switchboard";
const accountId = "0b5c3f0e-8d2a-4f7e-9a61-1f2e3d4c5b6a";
const origin = "https://portal.example";
const provider = (options: { maxNetworkRetries?: number; apiUrl?: string } = {}) =>
  stripeProvider({ secretKey, apiUrl: fake.apiUrl, maxNetworkRetries: 0, ...options });

const setupInput = (customerRef = "") => ({
  accountId,
  customerRef,
  email: "billing@acme.example",
  returnUrl: `${origin}/billing/payment-methods/added?reference={SETUP_REFERENCE}`,
  cancelUrl: `${origin}/billing/payment-methods`,
});

/** A card saved on a finished Checkout Session, as the customer `customerRef`. */
async function savedCard() {
  const began = await provider().beginCardSetup(setupInput("cus_existing"));
  const sessionId = began.redirectUrl.split("/").pop() ?? "";
  const { paymentMethodId } = fake.completeSession(sessionId, {
    brand: "visa",
    last4: "4242",
    expMonth: 8,
    expYear: 2031,
    name: "Ada Lovelace",
  });
  fake.reset();
  return paymentMethodId;
}

const chargeInput = (token: string) => ({
  accountId,
  customerRef: "cus_existing",
  token,
  amountMinor: 4_900,
  currency: "USD",
  idempotencyKey: randomUUID(),
  description: "Invoice INV-2026-11-0001",
});

describe("adding a card on Stripe Checkout", () => {
  it("makes the account's customer, then a setup-mode Checkout Session that returns with its id", async () => {
    const began = await provider().beginCardSetup(setupInput());
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /v1/customers",
      "POST /v1/checkout/sessions",
    ]);
    const [customer, session] = fake.requests;
    expect(customer?.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(customer?.params).toEqual({
      email: "billing@acme.example",
      "metadata[accountId]": accountId,
    });
    expect(began.customerRef).toMatch(/^cus_/);
    expect(session?.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(session?.params).toEqual({
      mode: "setup",
      customer: began.customerRef,
      currency: "usd",
      "allowed_payment_method_types[0]": "card",
      success_url: `${origin}/billing/payment-methods/added?reference={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/billing/payment-methods`,
      client_reference_id: accountId,
      "metadata[accountId]": accountId,
      "setup_intent_data[metadata][accountId]": accountId,
    });
    expect(began.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
  });

  it("reuses the customer the account already has", async () => {
    const began = await provider().beginCardSetup(setupInput("cus_existing"));
    expect(began.customerRef).toBe("cus_existing");
    expect(fake.requests.map((request) => request.path)).toEqual(["/v1/checkout/sessions"]);
    expect(fake.requests[0]?.params.customer).toBe("cus_existing");
  });

  it("reads the saved card from the finished session, expanding its SetupIntent's PaymentMethod", async () => {
    const began = await provider().beginCardSetup(setupInput("cus_existing"));
    const reference = began.redirectUrl.split("/").pop() ?? "";
    const { paymentMethodId } = fake.completeSession(reference, {
      brand: "mastercard",
      last4: "4444",
      expMonth: 3,
      expYear: 2030,
      name: "Ada Lovelace",
    });
    fake.reset();
    const card = await provider().completeCardSetup({ accountId, reference });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/v1/checkout/sessions/${reference}`,
      params: { "expand[0]": "setup_intent.payment_method" },
    });
    expect(card).toEqual({
      token: paymentMethodId,
      brand: "mastercard",
      last4: "4444",
      expMonth: 3,
      expYear: 2030,
      holderName: "Ada Lovelace",
    });
  });

  it("refuses another account's session, an unfinished one, an unknown one and a malformed one", async () => {
    const began = await provider().beginCardSetup(setupInput("cus_existing"));
    const reference = began.redirectUrl.split("/").pop() ?? "";

    const unfinished = await rejectionOf(provider().completeCardSetup({ accountId, reference }));
    expect(unfinished).toBeInstanceOf(InvalidError);
    expect(unfinished.message).toBe("This card setup was not finished: add the card again.");

    fake.completeSession(reference, {
      brand: "visa",
      last4: "4242",
      expMonth: 1,
      expYear: 2032,
      name: null,
    });
    const foreign = await rejectionOf(
      provider().completeCardSetup({ accountId: randomUUID(), reference }),
    );
    expect(foreign).toBeInstanceOf(InvalidError);
    expect(foreign.message).toBe("This card setup was not started by your account.");

    const unknown = await rejectionOf(
      provider().completeCardSetup({ accountId, reference: "cs_test_unknown" }),
    );
    expect(unknown).toBeInstanceOf(InvalidError);
    expect(unknown.message).toBe("This card setup link is not valid.");

    fake.reset();
    const malformed = await rejectionOf(
      provider().completeCardSetup({ accountId, reference: "../../v1/customers" }),
    );
    expect(malformed).toBeInstanceOf(InvalidError);
    expect(fake.requests).toHaveLength(0);

    // A card without a name on it is saved with an empty one.
    expect(await provider().completeCardSetup({ accountId, reference })).toMatchObject({
      last4: "4242",
      holderName: "",
    });
  });
});

describe("charging a saved card", () => {
  it("confirms an off-session PaymentIntent for the customer's card, keyed by the payment's id", async () => {
    const token = await savedCard();
    const input = chargeInput(token);
    const outcome = await provider().charge(input);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/payment_intents");
    expect(request?.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(request?.headers["idempotency-key"]).toBe(input.idempotencyKey);
    expect(request?.params).toEqual({
      amount: "4900",
      currency: "usd",
      customer: "cus_existing",
      payment_method: token,
      off_session: "true",
      confirm: "true",
      description: "Invoice INV-2026-11-0001",
      "metadata[accountId]": accountId,
    });
    expect(outcome).toEqual({
      status: "succeeded",
      providerPaymentId: expect.stringMatching(/^pi_/),
    });
    // Asked again with the same key, Stripe answers as it first did.
    expect(await provider().charge(input)).toEqual(outcome);
  });

  it("reports a card decline with Stripe's code and message", async () => {
    const token = await savedCard();
    fake.declineCard(token, {
      code: "card_declined",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
    const outcome = await provider().charge(chargeInput(token));
    expect(outcome).toEqual({
      status: "declined",
      code: "insufficient_funds",
      reason: "Your card has insufficient funds.",
      providerPaymentId: expect.stringMatching(/^pi_/),
    });

    const expired = await savedCard();
    fake.declineCard(expired, { code: "expired_card", message: "Your card has expired." });
    expect(await provider().charge(chargeInput(expired))).toMatchObject({
      status: "declined",
      code: "expired_card",
      reason: "Your card has expired.",
    });

    // A bank asking for the cardholder, who is not there to answer.
    fake.answerNext({
      status: 200,
      body: {
        id: "pi_needs_action",
        object: "payment_intent",
        status: "requires_action",
        last_payment_error: null,
      },
    });
    expect(await provider().charge(chargeInput(token))).toEqual({
      status: "declined",
      code: "authentication_required",
      reason:
        "Your bank asks you to confirm this payment, which cannot be done here. Use another card.",
      providerPaymentId: "pi_needs_action",
    });
  });

  it("says the provider is unavailable when Stripe fails or cannot be reached", async () => {
    const token = await savedCard();
    fake.answerNext({
      status: 500,
      body: { error: { type: "api_error", message: "An unknown error occurred" } },
    });
    const failed = await rejectionOf(provider().charge(chargeInput(token)));
    expect(failed).toBeInstanceOf(PaymentProviderUnavailableError);

    const closedPort = await unusedPort();
    const unreachable = await rejectionOf(
      provider({ apiUrl: `http://127.0.0.1:${closedPort}` }).charge(chargeInput(token)),
    );
    expect(unreachable).toBeInstanceOf(PaymentProviderUnavailableError);

    fake.answerNext({ status: 503, body: { error: { type: "api_error", message: "Down" } } });
    const setup = await rejectionOf(provider().beginCardSetup(setupInput("cus_existing")));
    expect(setup).toBeInstanceOf(PaymentProviderUnavailableError);
  });

  it("retries a failed charge with the same Idempotency-Key", async () => {
    const token = await savedCard();
    fake.answerNext({
      status: 500,
      body: { error: { type: "api_error", message: "An unknown error occurred" } },
    });
    const input = chargeInput(token);
    const outcome = await provider({ maxNetworkRetries: 2 }).charge(input);
    expect(outcome.status).toBe("succeeded");
    expect(fake.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      input.idempotencyKey,
      input.idempotencyKey,
    ]);
  });
});

describe("removing a card", () => {
  it("detaches the PaymentMethod from the customer", async () => {
    const token = await savedCard();
    await provider().forgetCard({ accountId, token });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: `/v1/payment_methods/${token}/detach`,
    });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${secretKey}`);
  });
});

/** A port on 127.0.0.1 nothing listens on (taken, then released). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("No port.");
  return address.port;
}

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  type ActivityKind,
  accountActivity,
  emails,
  invoices,
  jobs,
  paymentMethods,
  payments,
  testProviderCharges,
  webhookDeliveries,
} from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { issueInvoice } from "../billing/issue-invoice";
import { voidInvoice } from "../billing/void-invoice";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { delegateOf } from "../features/feature-test-fixtures";
import { jobHandlers } from "../jobs/handlers";
import { createWebhookEndpoint } from "../webhooks/create-webhook-endpoint";
import { availableCredit } from "./account-credit";
import { applyAccountCredit } from "./apply-account-credit";
import { payInvoice } from "./pay-invoice";
import {
  type ChargeInput,
  type ChargeOutcome,
  type PaymentProvider,
  PaymentProviderUnavailableError,
} from "./payment-provider";
import { signTestProviderValue } from "./providers/test-provider-signing";
import { recordManualPayment } from "./record-manual-payment";
import { removePaymentMethod } from "./remove-payment-method";
import { manualPaymentSchema } from "./schemas";
import { setDefaultPaymentMethod } from "./set-default-payment-method";

withTestDatabase();

/**
 * A provider that records each charge it is asked for and answers like a real one: the same
 * idempotency key gets the first answer back without charging again.
 */
function recordingProvider(answer: (input: ChargeInput) => ChargeOutcome | Promise<ChargeOutcome>) {
  const charged = new Map<string, ChargeOutcome>();
  const requests: ChargeInput[] = [];
  const provider: PaymentProvider = {
    name: "test",
    beginCardSetup: () => Promise.reject(new Error("not used")),
    completeCardSetup: () => Promise.reject(new Error("not used")),
    forgetCard: () => Promise.resolve(),
    async charge(input) {
      requests.push(input);
      const earlier = charged.get(input.idempotencyKey);
      if (earlier) return earlier;
      const outcome = await answer(input);
      charged.set(input.idempotencyKey, outcome);
      return outcome;
    },
  };
  return { provider, requests, charges: () => charged.size };
}

const approve = (): ChargeOutcome => ({
  status: "succeeded",
  providerPaymentId: `ch_${randomUUID()}`,
});

async function accountWithInvoice() {
  const { admin } = await createTestAccount();
  const { invoice } = await issueInvoice({ accountId: admin.accountId, at: new Date() });
  return { admin, invoice };
}

async function saveCard(actor: Actor, overrides: Partial<typeof paymentMethods.$inferInsert> = {}) {
  const [card] = await getDb()
    .insert(paymentMethods)
    .values({
      accountId: actor.accountId,
      provider: "test",
      providerToken: `tok_${randomUUID()}`,
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: new Date().getUTCFullYear() + 3,
      isDefault: false,
      ...overrides,
    })
    .returning();
  return card!;
}

const invoiceRow = async (id: string) =>
  (await getDb().select().from(invoices).where(eq(invoices.id, id)))[0]!;

const paymentsOf = (invoiceId: string) =>
  getDb().select().from(payments).where(eq(payments.invoiceId, invoiceId));

const activityKinds = async (accountId: string) =>
  (
    await getDb()
      .select({ kind: accountActivity.kind })
      .from(accountActivity)
      .where(eq(accountActivity.accountId, accountId))
  ).map((row) => row.kind);

const count = (kinds: ActivityKind[], kind: ActivityKind) =>
  kinds.filter((each) => each === kind).length;

const manual = (values: Record<string, string>) =>
  manualPaymentSchema.parse({
    kind: "cheque",
    reference: "1042",
    receivedOn: "2026-11-01",
    idempotencyKey: randomUUID(),
    ...values,
  });

describe("payInvoice", () => {
  it("charges the amount due once with the card and marks the invoice paid, with a receipt", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin);
    const { provider, requests } = recordingProvider(approve);
    const key = randomUUID();
    const { payment } = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: key },
      provider,
    });
    expect(payment).toMatchObject({
      status: "succeeded",
      kind: "card",
      amountMinor: invoice.totalMinor,
      appliedMinor: invoice.totalMinor,
      methodLabel: "Visa •••• 4242",
      idempotencyKey: key,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      token: card.providerToken,
      amountMinor: invoice.totalMinor,
      currency: "USD",
      idempotencyKey: payment.id,
      description: `Invoice ${invoice.number}`,
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
    const kinds = await activityKinds(admin.accountId);
    expect(count(kinds, "payment.succeeded")).toBe(1);
    expect(count(kinds, "invoice.paid")).toBe(1);
    const receipts = await getDb()
      .select()
      .from(emails)
      .where(and(eq(emails.accountId, admin.accountId), eq(emails.kind, "payment-receipt")));
    expect(receipts).toHaveLength(1);

    // The same form posted again finds the payment: nothing more is charged.
    const again = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: key },
      provider,
    });
    expect(again.payment.id).toBe(payment.id);
    expect(requests).toHaveLength(1);
    // A new form on a paid invoice is refused.
    const refused = await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
        provider,
      }),
    );
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/is paid: nothing is due/);
  });

  it("charges once when the same form is submitted twice at the same moment", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { provider, requests } = recordingProvider(async () => {
      await held;
      return approve();
    });
    const input = { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() };
    const first = payInvoice({ actor: admin, input, provider });
    const second = payInvoice({ actor: admin, input, provider });
    const settledSecond = await second;
    release();
    const settledFirst = await first;
    expect(requests).toHaveLength(1);
    expect(settledSecond.inProgress).toBe(true);
    expect(settledFirst.payment.status).toBe("succeeded");
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
  });

  it("charges once when two forms (two tabs) pay the same invoice at the same moment", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin);
    const { provider, charges } = recordingProvider(approve);
    const attempt = () =>
      payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
        provider,
      }).then(
        (result) => result,
        (error: Error) => error,
      );
    const results = await Promise.all([attempt(), attempt()]);
    expect(charges()).toBe(1);
    const refusals = results.filter((result) => result instanceof ConflictError);
    expect(refusals).toHaveLength(1);
    const succeeded = (await paymentsOf(invoice.id)).filter((p) => p.status === "succeeded");
    expect(succeeded).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
  });

  it("leaves the invoice open and says why when the card is declined", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin, { last4: "0002" });
    const { provider } = recordingProvider(() => ({
      status: "declined",
      code: "card_declined",
      reason: "Your card was declined.",
      providerPaymentId: "ch_declined",
    }));
    const { payment } = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      provider,
    });
    expect(payment).toMatchObject({
      status: "declined",
      declineReason: "Your card was declined.",
      appliedMinor: 0,
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({
      status: "open",
      amountDueMinor: invoice.totalMinor,
    });
    const kinds = await activityKinds(admin.accountId);
    expect(count(kinds, "payment.declined")).toBe(1);
    expect(count(kinds, "invoice.paid")).toBe(0);
    // Another card can pay it right away.
    const good = await saveCard(admin);
    const paid = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: good.id, idempotencyKey: randomUUID() },
      provider: recordingProvider(approve).provider,
    });
    expect(paid.payment.status).toBe("succeeded");
  });

  it("asks again under the same payment id when the provider's answer was lost", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin);
    let down = true;
    const { provider, requests, charges } = recordingProvider(() => {
      if (down) throw new PaymentProviderUnavailableError();
      return approve();
    });
    const refused = await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
        provider,
      }),
    );
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/did not answer/);
    const [pending] = await paymentsOf(invoice.id);
    expect(pending).toMatchObject({ status: "pending", chargeStartedAt: null });

    down = false;
    // A new form (reloaded page): the pending payment is taken over, not doubled.
    const { payment } = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      provider,
    });
    expect(payment.id).toBe(pending!.id);
    expect(payment.status).toBe("succeeded");
    expect(requests.map((request) => request.idempotencyKey)).toEqual([pending!.id, pending!.id]);
    expect(charges()).toBe(1);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
  });

  it("finishes in the background, once, a charge whose answer was lost", async () => {
    const { admin, invoice } = await accountWithInvoice();
    // A card of the embedded test provider, which answers the background job.
    const token = signTestProviderValue("token", {
      setupId: randomUUID(),
      accountId: admin.accountId,
      brand: "visa",
      last4: "4242",
      behaviour: "succeeds",
    });
    const card = await saveCard(admin, { providerToken: token });
    const { provider } = recordingProvider(() => {
      throw new PaymentProviderUnavailableError();
    });
    await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
        provider,
      }),
    );
    const [pending] = await paymentsOf(invoice.id);
    expect(pending?.status).toBe("pending");
    // The card cannot be removed while the provider may still charge it.
    expect((await rejectionOf(removePaymentMethod({ actor: admin, id: card.id }))).message).toMatch(
      /being processed/,
    );
    const [job] = await getDb()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `payments.settle:${pending!.id}`));
    expect(job!.runAt.getTime()).toBeGreaterThan(pending!.createdAt.getTime() + 60_000);
    const later = { now: new Date(Date.now() + 70_000) };
    await jobHandlers["payments.settle"]!.run(job!, later);
    await jobHandlers["payments.settle"]!.run(job!, later);
    const [settled] = await paymentsOf(invoice.id);
    expect(settled).toMatchObject({
      id: pending!.id,
      status: "succeeded",
      actorLabel: admin.userName,
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
    const charges = await getDb()
      .select()
      .from(testProviderCharges)
      .where(eq(testProviderCharges.idempotencyKey, pending!.id));
    expect(charges).toHaveLength(1);
    expect(count(await activityKinds(admin.accountId), "payment.succeeded")).toBe(1);
  });

  it("leaves a charge in progress to its request: the job looks again later", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await saveCard(admin);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { provider } = recordingProvider(async () => {
      await held;
      return approve();
    });
    const paying = payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      provider,
    });
    let pending: typeof payments.$inferSelect | undefined;
    while (!pending) [pending] = await paymentsOf(invoice.id);
    const [job] = await getDb()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `payments.settle:${pending.id}`));
    await expect(jobHandlers["payments.settle"]!.run(job!, { now: new Date() })).rejects.toThrow(
      /in progress/,
    );
    release();
    expect((await paying).payment.status).toBe("succeeded");
    // Settled in time: the job finds nothing to do.
    await jobHandlers["payments.settle"]!.run(job!, { now: new Date(Date.now() + 70_000) });
  });

  it("refuses another account's invoice or card, an expired card, and a User without Billing: Manage", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const other = await accountWithInvoice();
    const foreignCard = await saveCard(other.admin);
    const { provider, requests } = recordingProvider(approve);
    const pay = (actor: Actor, invoiceId: string, paymentMethodId: string) =>
      rejectionOf(
        payInvoice({
          actor,
          input: { invoiceId, paymentMethodId, idempotencyKey: randomUUID() },
          provider,
        }),
      );
    const card = await saveCard(admin);
    expect(await pay(admin, other.invoice.id, card.id)).toBeInstanceOf(NotFoundError);
    const foreign = await pay(admin, invoice.id, foreignCard.id);
    expect(foreign).toBeInstanceOf(InvalidError);
    expect((foreign as InvalidError).fieldErrors.paymentMethodId).toMatch(/no longer saved/);
    const expired = await saveCard(admin, { last4: "1111", expMonth: 1, expYear: 2020 });
    const expiredRefusal = await pay(admin, invoice.id, expired.id);
    expect(expiredRefusal.message).toMatch(/Visa •••• 1111 expired at the end of 01\/2020/);
    const viewer = delegateOf(admin, ["billing:view"]);
    expect(await pay(viewer, invoice.id, card.id)).toBeInstanceOf(ForbiddenError);
    expect(requests).toHaveLength(0);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });
});

describe("billing events", () => {
  it("are sent to webhook endpoints subscribed to invoices and payments, not to others", async () => {
    const { admin } = await createTestAccount();
    const subscribe = (eventTypes: ("invoice.*" | "payment.*" | "user.*")[]) =>
      createWebhookEndpoint({
        actor: admin,
        input: { url: "http://127.0.0.1:9/hook", description: "", eventTypes },
        urlCheck: { allowPrivate: true },
      });
    const billing = await subscribe(["invoice.*", "payment.*"]);
    const users = await subscribe(["user.*"]);
    const { invoice } = await issueInvoice({ accountId: admin.accountId, at: new Date() });
    const card = await saveCard(admin);
    await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      provider: recordingProvider(approve).provider,
    });
    const sent = async (endpointId: string) =>
      (
        await getDb()
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.endpointId, endpointId))
      ).map((delivery) => delivery.eventType);
    expect((await sent(billing.endpoint.id)).sort()).toEqual([
      "invoice.issued",
      "invoice.paid",
      "payment.succeeded",
    ]);
    expect(await sent(users.endpoint.id)).toEqual([]);
  });
});

describe("manual payments and account credit", () => {
  it("records a cheque against an invoice, then the rest, and the invoice is paid", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const part = Math.floor(invoice.totalMinor / 3);
    const dollars = (minor: number) =>
      `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
    const first = await recordManualPayment({
      actor: admin,
      input: manual({ invoiceId: invoice.id, amount: dollars(part) }),
    });
    expect(first.payment).toMatchObject({
      kind: "cheque",
      status: "succeeded",
      amountMinor: part,
      appliedMinor: part,
      methodLabel: "Cheque 1042",
      receivedOn: "2026-11-01",
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({
      status: "open",
      amountDueMinor: invoice.totalMinor - part,
    });
    // More than is due is refused, naming the amount due.
    const tooMuch = await rejectionOf(
      recordManualPayment({
        actor: admin,
        input: manual({ invoiceId: invoice.id, amount: dollars(invoice.totalMinor) }),
      }),
    );
    expect((tooMuch as InvalidError).fieldErrors.amount).toMatch(/has \$[\d,.]+ due/);
    // Voiding a partly paid invoice would orphan the cheque.
    expect(
      (await rejectionOf(voidInvoice({ actor: admin, invoiceId: invoice.id }))).message,
    ).toMatch(/has payments against it/);
    const rest = manual({
      invoiceId: invoice.id,
      kind: "transfer",
      reference: "TR-88",
      amount: dollars(invoice.totalMinor - part),
    });
    await recordManualPayment({ actor: admin, input: rest });
    // The same form twice records it once.
    const repeat = await recordManualPayment({ actor: admin, input: rest });
    expect(repeat.recorded).toBe(false);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
    expect(await paymentsOf(invoice.id)).toHaveLength(2);
  });

  it("keeps money without an invoice as credit and applies it to an invoice once", async () => {
    const { admin, invoice } = await accountWithInvoice();
    await recordManualPayment({
      actor: admin,
      input: manual({ invoiceId: "", kind: "transfer", reference: "WIRE-1", amount: "10.00" }),
    });
    expect(await availableCredit(getDb(), admin.accountId)).toBe(1_000);
    const key = randomUUID();
    const applied = await Promise.all([
      applyAccountCredit({ actor: admin, invoiceId: invoice.id, idempotencyKey: key }),
      applyAccountCredit({ actor: admin, invoiceId: invoice.id, idempotencyKey: key }),
    ]);
    expect(applied[0].id).toBe(applied[1].id);
    expect(applied[0]).toMatchObject({ kind: "credit", amountMinor: 1_000, appliedMinor: 1_000 });
    expect(await availableCredit(getDb(), admin.accountId)).toBe(0);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(invoice.totalMinor - 1_000);
    const none = await rejectionOf(
      applyAccountCredit({ actor: admin, invoiceId: invoice.id, idempotencyKey: randomUUID() }),
    );
    expect(none.message).toBe("The account has no credit to apply.");
  });

  it("refuses a day in the future, bad amounts, and a User without Billing: Manage", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const future = await rejectionOf(
      recordManualPayment({
        actor: admin,
        input: manual({ invoiceId: invoice.id, amount: "1.00", receivedOn: "2999-01-01" }),
      }),
    );
    expect((future as InvalidError).fieldErrors.receivedOn).toMatch(/cannot be in the future/);
    const parsed = manualPaymentSchema.safeParse({
      kind: "cheque",
      amount: "1.005",
      receivedOn: "2026-02-30",
      reference: "",
      idempotencyKey: randomUUID(),
    });
    const messages = Object.fromEntries(
      (parsed.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]),
    );
    expect(messages).toMatchObject({
      amount: "Enter an amount in dollars and cents, such as 120.50.",
      receivedOn: "Enter a real date.",
      reference: "Enter the cheque number or the transfer's reference.",
    });
    const viewer = delegateOf(admin, ["billing:view"]);
    expect(
      await rejectionOf(
        recordManualPayment({
          actor: viewer,
          input: manual({ invoiceId: invoice.id, amount: "1.00" }),
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe("payment methods", () => {
  it("keeps one default: choosing another moves it, removing the default promotes the newest", async () => {
    const { admin } = await createTestAccount();
    const first = await saveCard(admin, { isDefault: true, createdAt: new Date("2026-01-01") });
    const second = await saveCard(admin, {
      last4: "4444",
      brand: "mastercard",
      createdAt: new Date("2026-02-01"),
    });
    const third = await saveCard(admin, {
      last4: "0005",
      brand: "amex",
      createdAt: new Date("2026-03-01"),
    });
    await Promise.all([
      setDefaultPaymentMethod({ actor: admin, id: second.id }),
      setDefaultPaymentMethod({ actor: admin, id: third.id }),
    ]);
    const defaults = await getDb()
      .select()
      .from(paymentMethods)
      .where(
        and(eq(paymentMethods.accountId, admin.accountId), eq(paymentMethods.isDefault, true)),
      );
    expect(defaults).toHaveLength(1);
    await removePaymentMethod({ actor: admin, id: defaults[0]!.id });
    const [next] = await getDb()
      .select()
      .from(paymentMethods)
      .where(
        and(eq(paymentMethods.accountId, admin.accountId), eq(paymentMethods.isDefault, true)),
      );
    const remaining = [first, second, third].filter((card) => card.id !== defaults[0]!.id);
    const newest = remaining.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    expect(next?.id).toBe(newest?.id);
    const kinds = await activityKinds(admin.accountId);
    expect(count(kinds, "payment_method.removed")).toBe(1);
  });

  it("cannot touch another account's card", async () => {
    const { admin } = await createTestAccount();
    const other = await createTestAccount();
    const card = await saveCard(other.admin, { isDefault: true });
    expect(await rejectionOf(removePaymentMethod({ actor: admin, id: card.id }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await rejectionOf(setDefaultPaymentMethod({ actor: admin, id: card.id })),
    ).toBeInstanceOf(NotFoundError);
    const viewer = delegateOf(other.admin, ["billing:view"]);
    expect(await rejectionOf(removePaymentMethod({ actor: viewer, id: card.id }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await getDb().select().from(paymentMethods).where(eq(paymentMethods.id, card.id)),
    ).toHaveLength(1);
  });
});

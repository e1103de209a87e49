import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, paymentMethods, payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { voidInvoice } from "@/lib/billing/void-invoice";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { delegateOf } from "@/lib/features/feature-test-fixtures";
import { createTestAccount, rejectionOf } from "@/tests/support/fixtures";
import { withTestDatabase } from "@/tests/support/test-database";
import { availableCredit } from "./account-credit";
import { addCard } from "./add-card";
import { applyAccountCredit } from "./apply-account-credit";
import { payInvoice } from "./pay-invoice";
import {
  type ChargeInput,
  type ChargeOutcome,
  type PaymentProvider,
  PaymentProviderUnavailableError,
} from "./payment-provider";
import { testProvider } from "./providers/test-provider";
import { submitCardSetup } from "./providers/test-provider-setup";
import { setupExpiry, signTestProviderValue } from "./providers/test-provider-signing";
import { recordManualPayment } from "./record-manual-payment";
import { removePaymentMethod } from "./remove-payment-method";
import { manualPaymentSchema, parseAmountMinor } from "./schemas";
import { setDefaultPaymentMethod } from "./set-default-payment-method";
import { startAddingCard } from "./start-adding-card";

withTestDatabase();

// Attacks on the payment surfaces as an outsider, a delegate or a careless person would make
// them. Tests whose comment says "was a finding" cover holes this pass found and that were
// closed since.

const origin = "http://127.0.0.1:3000";
const onPostgres = Boolean(process.env.DATABASE_URL);
const futureExpiry = `12/${String(new Date().getUTCFullYear() + 3).slice(2)}`;

async function accountWithInvoice(at = new Date()) {
  const { admin } = await createTestAccount();
  const { invoice } = await issueInvoice({ accountId: admin.accountId, at });
  expect(invoice.amountDueMinor).toBeGreaterThan(0);
  return { admin, invoice };
}

/** A reference the test provider's hosted page sends back after a card was typed on it. */
async function setupReference(accountId: string, number = "4242424242424242") {
  const began = await testProvider.beginCardSetup({
    accountId,
    customerRef: "",
    email: "billing@example.test",
    returnUrl: `${origin}/billing/payment-methods/added?reference={SETUP_REFERENCE}`,
    cancelUrl: `${origin}/billing/payment-methods`,
  });
  const session = new URL(began.redirectUrl, origin).searchParams.get("session") ?? "";
  const { location, saved } = submitCardSetup({
    session,
    number,
    expiry: futureExpiry,
    cvc: "123",
    name: "Ada Lovelace",
  });
  expect(saved).toBe(true);
  return new URL(location, origin).searchParams.get("reference") ?? "";
}

/** A card saved through the real flow: hosted page, reference, addCard. */
async function addRealCard(actor: Actor, number = "4242424242424242") {
  const { method } = await addCard({
    actor,
    reference: await setupReference(actor.accountId, number),
  });
  return method;
}

const invoiceRow = async (id: string) =>
  (await getDb().select().from(invoices).where(eq(invoices.id, id)))[0]!;

const paymentsOf = (invoiceId: string) =>
  getDb().select().from(payments).where(eq(payments.invoiceId, invoiceId));

const manual = (values: Record<string, string>) =>
  manualPaymentSchema.parse({
    kind: "cheque",
    reference: "1042",
    receivedOn: "2026-11-01",
    idempotencyKey: randomUUID(),
    ...values,
  });

const dollars = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

/** A provider that answers after `ms`, counting charges by key as a real one would. */
function slowProvider(ms: number, fail?: () => Error | undefined) {
  const charged = new Map<string, ChargeOutcome>();
  const requests: ChargeInput[] = [];
  const provider: PaymentProvider = {
    name: "test",
    beginCardSetup: () => Promise.reject(new Error("not used")),
    completeCardSetup: () => Promise.reject(new Error("not used")),
    forgetCard: () => Promise.resolve(),
    async charge(input) {
      requests.push(input);
      await new Promise((resolve) => setTimeout(resolve, ms));
      const error = fail?.();
      if (error) throw error;
      const earlier = charged.get(input.idempotencyKey);
      if (earlier) return earlier;
      const outcome: ChargeOutcome = {
        status: "succeeded",
        providerPaymentId: `ch_${randomUUID()}`,
      };
      charged.set(input.idempotencyKey, outcome);
      return outcome;
    },
  };
  return { provider, requests, charges: () => charged.size };
}

describe("another account's things and people without Billing: Manage", () => {
  it("finds nothing of another account: invoice, card, or payment key", async () => {
    const victim = await accountWithInvoice();
    const victimCard = await addRealCard(victim.admin);
    const attacker = await accountWithInvoice();
    const attackerCard = await addRealCard(attacker.admin);

    // The victim's invoice with the attacker's card, and the attacker's invoice with the victim's card.
    expect(
      await rejectionOf(
        payInvoice({
          actor: attacker.admin,
          input: {
            invoiceId: victim.invoice.id,
            paymentMethodId: attackerCard.id,
            idempotencyKey: randomUUID(),
          },
        }),
      ),
    ).toBeInstanceOf(NotFoundError);
    const foreignCard = await rejectionOf(
      payInvoice({
        actor: attacker.admin,
        input: {
          invoiceId: attacker.invoice.id,
          paymentMethodId: victimCard.id,
          idempotencyKey: randomUUID(),
        },
      }),
    );
    expect(foreignCard).toBeInstanceOf(InvalidError);
    for (const attempt of [
      () =>
        recordManualPayment({
          actor: attacker.admin,
          input: manual({ invoiceId: victim.invoice.id, amount: "1.00" }),
        }),
      () =>
        applyAccountCredit({
          actor: attacker.admin,
          invoiceId: victim.invoice.id,
          idempotencyKey: randomUUID(),
        }),
      () => voidInvoice({ actor: attacker.admin, invoiceId: victim.invoice.id }),
      () => removePaymentMethod({ actor: attacker.admin, id: victimCard.id }),
      () => setDefaultPaymentMethod({ actor: attacker.admin, id: victimCard.id }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }

    // The victim's payment key, reused by the attacker, is only the attacker's own key.
    const { payment } = await payInvoice({
      actor: victim.admin,
      input: {
        invoiceId: victim.invoice.id,
        paymentMethodId: victimCard.id,
        idempotencyKey: "victim-key-0000000001",
      },
    });
    const { payment: theirs } = await recordManualPayment({
      actor: attacker.admin,
      input: manual({ invoiceId: "", amount: "5.00", idempotencyKey: "victim-key-0000000001" }),
    });
    expect(theirs.id).not.toBe(payment.id);
    expect(theirs.accountId).toBe(attacker.admin.accountId);

    expect((await invoiceRow(victim.invoice.id)).status).toBe("paid");
    expect(
      await getDb().select().from(paymentMethods).where(eq(paymentMethods.id, victimCard.id)),
    ).toHaveLength(1);
    expect(await paymentsOf(attacker.invoice.id)).toEqual([]);
  });

  it("refuses every change to a delegate with Billing: View or with nothing", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await addRealCard(admin);
    await recordManualPayment({ actor: admin, input: manual({ invoiceId: "", amount: "3.00" }) });
    const reference = await setupReference(admin.accountId, "5555555555554444");
    for (const actor of [delegateOf(admin, ["billing:view"]), delegateOf(admin, [])]) {
      for (const attempt of [
        () =>
          payInvoice({
            actor,
            input: {
              invoiceId: invoice.id,
              paymentMethodId: card.id,
              idempotencyKey: randomUUID(),
            },
          }),
        () => recordManualPayment({ actor, input: manual({ invoiceId: "", amount: "1.00" }) }),
        () => applyAccountCredit({ actor, invoiceId: invoice.id, idempotencyKey: randomUUID() }),
        () => voidInvoice({ actor, invoiceId: invoice.id }),
        () => addCard({ actor, reference }),
        () => startAddingCard({ actor, origin }),
        () => removePaymentMethod({ actor, id: card.id }),
        () => setDefaultPaymentMethod({ actor, id: card.id }),
      ]) {
        expect(await rejectionOf(attempt())).toBeInstanceOf(ForbiddenError);
      }
    }
    expect(await invoiceRow(invoice.id)).toMatchObject({
      status: "open",
      amountDueMinor: invoice.totalMinor,
    });
    expect(await availableCredit(getDb(), admin.accountId)).toBe(300);
    expect(
      await getDb()
        .select()
        .from(paymentMethods)
        .where(eq(paymentMethods.accountId, admin.accountId)),
    ).toHaveLength(1);
  });
});

describe("amounts and dates typed into the manual payment form", () => {
  const amountError = (amount: string) =>
    manualPaymentSchema.safeParse({
      kind: "cheque",
      amount,
      reference: "1",
      receivedOn: "2026-01-01",
      idempotencyKey: randomUUID(),
    }).success;

  it("refuses negative, zero, fractional-cent, huge, exponent, hex and non-ASCII amounts", () => {
    for (const amount of [
      "-5",
      "-0.01",
      "0",
      "0.00",
      "$0",
      "1.005",
      "0.001",
      "1000000.01",
      "999999999.99",
      "1e3",
      "1E2",
      "0x10",
      "Infinity",
      "NaN",
      "١٠٠", // Arabic-Indic digits
      "１００", // full-width digits
      "1\u00a0000",
      "+5",
      "5.",
      ".5",
      "$-5",
      "",
      "   ",
    ]) {
      expect(amountError(amount), amount).toBe(false);
    }
    expect(parseAmountMinor("$1,234.50")).toBe(123_450);
    expect(parseAmountMinor("1000000")).toBe(100_000_000);
  });

  it('refuses a comma that is not a thousands separator ("12,34" is not $1,234.00)', () => {
    // Was a finding, now closed: every comma is dropped, so a decimal comma multiplies the amount by 100.
    for (const amount of ["12,34", "1,2,3", "1,,000", ",5", "5,", "1,000,0"]) {
      expect(parseAmountMinor(amount), amount).toBeUndefined();
    }
  });

  it("refuses impossible, malformed and ancient dates, and a day after today", async () => {
    const parse = (receivedOn: string) =>
      manualPaymentSchema.safeParse({
        kind: "cheque",
        amount: "1",
        reference: "1",
        receivedOn,
        idempotencyKey: randomUUID(),
      }).success;
    for (const day of [
      "2026-02-30",
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "1999-12-31",
      "0001-01-01",
      "2026-1-1",
      "2026-01-01T00:00",
      "٢٠٢٦-٠١-٠١",
      "+02026-01-01",
    ]) {
      expect(parse(day), day).toBe(false);
    }
    expect(parse("2028-02-29")).toBe(true);

    const { admin } = await createTestAccount();
    const error = await rejectionOf(
      recordManualPayment({
        actor: admin,
        input: manual({ invoiceId: "", amount: "1.00", receivedOn: "2999-01-01" }),
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(await availableCredit(getDb(), admin.accountId)).toBe(0);
  });
});

describe("payment keys", () => {
  it("refuses a card payment key already used for another invoice", async () => {
    const { admin } = await createTestAccount();
    const { invoice: first } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 0, 15)),
    });
    const { invoice: second } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 1, 15)),
    });
    const card = await addRealCard(admin);
    const idempotencyKey = randomUUID();
    await payInvoice({
      actor: admin,
      input: { invoiceId: first.id, paymentMethodId: card.id, idempotencyKey },
    });
    const error = await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId: second.id, paymentMethodId: card.id, idempotencyKey },
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((await invoiceRow(second.id)).status).toBe("open");
  });

  it("refuses a credit key already used on another invoice instead of claiming it applied", async () => {
    // Was a finding, now closed: applyAccountCredit returns whatever payment has the key, of any invoice or kind,
    // and the page then says "$X of account credit applied" while nothing happened to this one.
    const { admin } = await createTestAccount();
    const { invoice: first } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 0, 15)),
    });
    const { invoice: second } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 1, 15)),
    });
    await recordManualPayment({
      actor: admin,
      input: manual({ invoiceId: "", amount: dollars(first.totalMinor + second.totalMinor) }),
    });
    const idempotencyKey = randomUUID();
    await applyAccountCredit({ actor: admin, invoiceId: first.id, idempotencyKey });
    const error = await rejectionOf(
      applyAccountCredit({ actor: admin, invoiceId: second.id, idempotencyKey }),
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("answers a declined charge's retry with the same key by the decline, charging nothing more", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const declining = await addRealCard(admin, "4000000000000002");
    const idempotencyKey = randomUUID();
    const input = { invoiceId: invoice.id, paymentMethodId: declining.id, idempotencyKey };
    const first = await payInvoice({ actor: admin, input });
    expect(first.payment).toMatchObject({ status: "declined", appliedMinor: 0 });
    const again = await payInvoice({ actor: admin, input });
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.payment.status).toBe("declined");
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({
      status: "open",
      amountDueMinor: invoice.totalMinor,
    });

    // A new form (a new key) with a good card pays it.
    const good = await addRealCard(admin);
    const paid = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: good.id, idempotencyKey: randomUUID() },
    });
    expect(paid.payment.status).toBe("succeeded");
    expect((await invoiceRow(invoice.id)).status).toBe("paid");
  });

  it("refuses an expired card even when its token is genuine", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await addRealCard(admin);
    await getDb()
      .update(paymentMethods)
      .set({ expMonth: 1, expYear: 2020 })
      .where(eq(paymentMethods.id, card.id));
    const error = await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(await paymentsOf(invoice.id)).toEqual([]);
  });
});

describe("the test provider's signed values", () => {
  it("refuses a reference of another account, of another kind, re-signed or expired", async () => {
    const { admin } = await createTestAccount();
    const { admin: other } = await createTestAccount();
    const theirs = await setupReference(other.accountId);
    expect(await rejectionOf(addCard({ actor: admin, reference: theirs }))).toBeInstanceOf(
      InvalidError,
    );

    // A token or session is never a reference, even with the reference's own payload.
    const payload = {
      exp: setupExpiry(),
      setupId: "swap",
      accountId: admin.accountId,
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: 2099,
      holderName: "",
      behaviour: "succeeds" as const,
    };
    const token = signTestProviderValue("token", payload);
    const asReference = `seti_test_${token.slice("tok_test_".length)}`;
    expect(await rejectionOf(addCard({ actor: admin, reference: asReference }))).toBeInstanceOf(
      InvalidError,
    );
    const expired = signTestProviderValue("reference", {
      ...payload,
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    expect(await rejectionOf(addCard({ actor: admin, reference: expired }))).toBeInstanceOf(
      InvalidError,
    );
    expect(
      await rejectionOf(addCard({ actor: admin, reference: `${theirs.slice(0, -2)}AA` })),
    ).toBeInstanceOf(InvalidError);
    expect(
      await getDb()
        .select()
        .from(paymentMethods)
        .where(eq(paymentMethods.accountId, admin.accountId)),
    ).toEqual([]);
  });

  it("saves a reference followed twice (or twice at once) as one card", async () => {
    const { admin } = await createTestAccount();
    const reference = await setupReference(admin.accountId);
    const results = await Promise.all([
      addCard({ actor: admin, reference }),
      addCard({ actor: admin, reference }),
    ]);
    expect(results.filter((result) => result.added)).toHaveLength(1);
    const again = await addCard({ actor: admin, reference });
    expect(again.added).toBe(false);
    expect(
      await getDb()
        .select()
        .from(paymentMethods)
        .where(eq(paymentMethods.accountId, admin.accountId)),
    ).toHaveLength(1);
  });

  it("refuses to charge another account's card token, even under that account's invoice key", async () => {
    const { admin } = await createTestAccount();
    const { admin: other } = await createTestAccount();
    const otherCard = await addRealCard(other);
    const error = await rejectionOf(
      testProvider.charge({
        accountId: admin.accountId,
        customerRef: "",
        token: otherCard.providerToken,
        amountMinor: 100,
        currency: "USD",
        idempotencyKey: randomUUID(),
        description: "Invoice X",
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
  });

  it("sends the browser back only to this server, however the return address is written", async () => {
    const { account } = await createTestAccount();
    for (const returnUrl of [
      "//evil.example/x",
      "/\\evil.example/x",
      "https://portal.example//evil.example/x",
      "https://portal.example/%2F%2Fevil.example",
      "https://portal.example/%252F%252Fevil.example",
      "javascript:alert(1)",
      "https://portal.example\\@evil.example/",
      "/\t/evil.example",
    ]) {
      const began = testProvider
        .beginCardSetup({
          accountId: account.id,
          customerRef: "",
          email: "",
          returnUrl,
          cancelUrl: "/billing/payment-methods",
        })
        .then(
          (result) => result.redirectUrl,
          () => "refused",
        );
      const outcome = await began;
      if (outcome === "refused") continue;
      // Accepted: the card form's answer must still go to a path on this server.
      const session = new URL(outcome, origin).searchParams.get("session") ?? "";
      const { location } = submitCardSetup({
        session,
        number: "4242424242424242",
        expiry: futureExpiry,
        cvc: "123",
        name: "A",
      });
      expect(location, returnUrl).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, origin).origin, returnUrl).toBe(origin);
    }
  });

  it("keeps a card number typed into the wrong field out of the page's address", () => {
    // Was a finding, now closed: after a refusal the page is sent back the typed expiry and name in its query
    // string, so a card number pasted into either lands in the address bar, history and logs.
    const session = signTestProviderValue("session", {
      exp: setupExpiry(),
      accountId: randomUUID(),
      returnUrl: "/billing/payment-methods/added?reference={SETUP_REFERENCE}",
      cancelUrl: "/billing/payment-methods",
    });
    const inExpiry = submitCardSetup({
      session,
      number: "",
      expiry: "4242 4242 4242 4242",
      cvc: "",
      name: "",
    });
    const inName = submitCardSetup({
      session,
      number: "",
      expiry: "",
      cvc: "",
      name: "4242424242424242 123",
    });
    for (const { location } of [inExpiry, inName]) {
      const params = new URL(location, origin).searchParams;
      params.delete("session");
      expect(params.toString().replace(/\D/g, "")).not.toContain("4242424242424242");
    }
  });
});

describe("racing payments of one invoice", () => {
  it("never applies money twice: card, cheque, credit and void at the same moment", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { admin, invoice } = await accountWithInvoice();
      const card = await addRealCard(admin);
      await recordManualPayment({
        actor: admin,
        input: manual({ invoiceId: "", amount: dollars(invoice.totalMinor) }),
      });
      const slow = slowProvider(50);
      const results = await Promise.allSettled([
        payInvoice({
          actor: admin,
          input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
          provider: slow.provider,
        }),
        recordManualPayment({
          actor: admin,
          input: manual({ invoiceId: invoice.id, amount: dollars(invoice.totalMinor) }),
        }),
        applyAccountCredit({ actor: admin, invoiceId: invoice.id, idempotencyKey: randomUUID() }),
        voidInvoice({ actor: admin, invoiceId: invoice.id }),
        applyAccountCredit({ actor: admin, invoiceId: invoice.id, idempotencyKey: randomUUID() }),
      ]);
      for (const result of results) {
        if (result.status === "rejected") {
          expect(result.reason).toBeInstanceOf(ConflictError);
        }
      }
      const row = await invoiceRow(invoice.id);
      const rows = await paymentsOf(invoice.id);
      const applied = rows
        .filter((payment) => payment.status === "succeeded")
        .reduce((sum, payment) => sum + payment.appliedMinor, 0);
      expect(row.amountDueMinor).toBeGreaterThanOrEqual(0);
      if (row.status === "void") expect(applied).toBe(0);
      else expect(applied).toBe(row.totalMinor - row.amountDueMinor);
      // Card money beyond what was due is credit; credit used is never more than there was.
      const fromMoney = rows.filter(
        (payment) => payment.status === "succeeded" && payment.kind !== "credit",
      );
      const unapplied = fromMoney.reduce(
        (sum, payment) => sum + payment.amountMinor - payment.appliedMinor,
        0,
      );
      const creditUsed = rows
        .filter((payment) => payment.kind === "credit")
        .reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(await availableCredit(getDb(), admin.accountId)).toBe(
        invoice.totalMinor + unapplied - creditUsed,
      );
      expect(creditUsed).toBeLessThanOrEqual(invoice.totalMinor);
      expect(slow.charges()).toBeLessThanOrEqual(1);
    }
  });

  it("spends credit once when two invoices apply it at the same moment", async () => {
    const { admin } = await createTestAccount();
    const { invoice: first } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 0, 15)),
    });
    const { invoice: second } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date(Date.UTC(2026, 1, 15)),
    });
    await recordManualPayment({
      actor: admin,
      input: manual({ invoiceId: "", amount: dollars(first.totalMinor) }),
    });
    const results = await Promise.allSettled([
      applyAccountCredit({ actor: admin, invoiceId: first.id, idempotencyKey: randomUUID() }),
      applyAccountCredit({ actor: admin, invoiceId: second.id, idempotencyKey: randomUUID() }),
    ]);
    const spent = results
      .filter((result) => result.status === "fulfilled")
      .reduce((sum, result) => sum + result.value.amountMinor, 0);
    expect(spent).toBe(first.totalMinor);
    expect(await availableCredit(getDb(), admin.accountId)).toBe(0);
    const due =
      (await invoiceRow(first.id)).amountDueMinor + (await invoiceRow(second.id)).amountDueMinor;
    expect(due).toBe(first.totalMinor + second.totalMinor - first.totalMinor);
  });

  it.runIf(onPostgres)(
    "answers one payment key posted to two places at once with a refusal, not a database error",
    async () => {
      // Was a finding, now closed: the key check and the insert are guarded by different locks (the invoice's
      // or, without an invoice, the subscription's), so the loser hits the unique index and
      // the person sees a server error instead of "already recorded".
      const { admin, invoice } = await accountWithInvoice();
      for (let round = 0; round < 3; round += 1) {
        const idempotencyKey = randomUUID();
        const outcomes = await Promise.allSettled([
          recordManualPayment({
            actor: admin,
            input: manual({ invoiceId: invoice.id, amount: "0.01", idempotencyKey }),
          }),
          recordManualPayment({
            actor: admin,
            input: manual({ invoiceId: "", amount: "0.01", idempotencyKey }),
          }),
        ]);
        for (const outcome of outcomes) {
          if (outcome.status === "rejected") {
            expect(outcome.reason).toBeInstanceOf(ConflictError);
          }
        }
      }
    },
  );
});

describe("a card charge whose answer is unknown", () => {
  /** Leaves a pending card payment behind as an outage does: the provider never answered. */
  async function outage(admin: Actor, invoiceId: string, paymentMethodId: string) {
    const down = slowProvider(0, () => new PaymentProviderUnavailableError());
    const error = await rejectionOf(
      payInvoice({
        actor: admin,
        input: { invoiceId, paymentMethodId, idempotencyKey: randomUUID() },
        provider: down.provider,
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    const [pending] = await paymentsOf(invoiceId);
    expect(pending).toMatchObject({ status: "pending", chargeStartedAt: null });
    return pending!;
  }

  it("still lets the invoice be paid by card when its pending payment's card is removed", async () => {
    // Was a finding (removing the card bricked card payment of the invoice for good): a card
    // with an unsettled charge cannot be removed, and a charge without its card settles as declined.
    const { admin, invoice } = await accountWithInvoice();
    const card = await addRealCard(admin);
    await outage(admin, invoice.id, card.id);
    const removal = await removePaymentMethod({ actor: admin, id: card.id }).catch((e) => e);
    if (removal instanceof Error) expect(removal).toBeInstanceOf(ConflictError);
    const other = await addRealCard(admin, "5555555555554444");
    // The first post may only finish the pending charge; a second one then pays.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if ((await invoiceRow(invoice.id)).status === "paid") break;
      await payInvoice({
        actor: admin,
        input: { invoiceId: invoice.id, paymentMethodId: other.id, idempotencyKey: randomUUID() },
      });
    }
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
    expect(await paymentsOf(invoice.id)).not.toContainEqual(
      expect.objectContaining({ status: "pending" }),
    );
  });

  it("does not let a cheque pay the invoice while a card charge of it may have gone through", async () => {
    // Was a finding: after the provider did not answer, the lease was released and a cheque,
    // credit or void of the invoice was accepted; the settle job then charged the card for an
    // invoice already paid. Any unsettled card charge now holds the invoice.
    const { admin, invoice } = await accountWithInvoice();
    const card = await addRealCard(admin);
    await outage(admin, invoice.id, card.id);
    const error = await rejectionOf(
      recordManualPayment({
        actor: admin,
        input: manual({ invoiceId: invoice.id, amount: dollars(invoice.totalMinor) }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("settles the unknown charge first: a retried Pay finishes it once, and only then is the invoice paid", async () => {
    const { admin, invoice } = await accountWithInvoice();
    const card = await addRealCard(admin);
    const pending = await outage(admin, invoice.id, card.id);
    // Neither a cheque, credit nor a void can move the amount due meanwhile.
    expect(await rejectionOf(voidInvoice({ actor: admin, invoiceId: invoice.id }))).toBeInstanceOf(
      ConflictError,
    );
    const live = slowProvider(0);
    const { payment } = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: card.id, idempotencyKey: randomUUID() },
      provider: live.provider,
    });
    expect(payment.id).toBe(pending.id);
    expect(live.charges()).toBe(1);
    expect(payment).toMatchObject({ status: "succeeded", appliedMinor: invoice.totalMinor });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountDueMinor: 0 });
    expect(await availableCredit(getDb(), admin.accountId)).toBe(0);
  });
});

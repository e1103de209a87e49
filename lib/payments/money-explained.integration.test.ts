import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { invoices, paymentMethods } from "../../db/schema";
import { createTestAccount } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { issueInvoice } from "../billing/issue-invoice";
import { listLedger } from "../billing/ledger";
import { ledgerQuerySchema } from "../billing/ledger-schemas";
import { voidInvoice } from "../billing/void-invoice";
import { availableCredit } from "./account-credit";
import { applyAccountCredit } from "./apply-account-credit";
import { payInvoice } from "./pay-invoice";
import type { PaymentProvider } from "./payment-provider";
import { recordManualPayment } from "./record-manual-payment";
import { manualPaymentSchema } from "./schemas";

withTestDatabase();

// "An account's money is always explainable to the cent": whatever happens, the ledger's
// balance is what the open invoices still ask for less the credit the account holds.

const approving: PaymentProvider = {
  name: "test",
  beginCardSetup: () => Promise.reject(new Error("not used")),
  completeCardSetup: () => Promise.reject(new Error("not used")),
  forgetCard: () => Promise.resolve(),
  charge: async ({ amountMinor }) =>
    amountMinor % 7 === 0
      ? {
          status: "declined",
          code: "card_declined",
          reason: "Your card was declined.",
          providerPaymentId: "ch_x",
        }
      : { status: "succeeded", providerPaymentId: `ch_${randomUUID()}` },
};

const dollars = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

type Step =
  | { kind: "issue"; month: number }
  | { kind: "cheque"; invoice: number; share: number }
  | { kind: "credit"; minor: number }
  | { kind: "apply"; invoice: number }
  | { kind: "card"; invoice: number }
  | { kind: "void"; invoice: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("issue" as const), month: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant("cheque" as const),
    invoice: fc.nat(5),
    share: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant("credit" as const), minor: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant("apply" as const), invoice: fc.nat(5) }),
  fc.record({ kind: fc.constant("card" as const), invoice: fc.nat(5) }),
  fc.record({ kind: fc.constant("void" as const), invoice: fc.nat(5) }),
);

async function run(actor: Actor, cardId: string, issued: string[], each: Step) {
  const pick = (index: number) => issued[index % Math.max(1, issued.length)];
  const invoiceId = pick("invoice" in each ? each.invoice : 0);
  const manual = (values: Record<string, string>) =>
    manualPaymentSchema.parse({
      kind: "cheque",
      reference: "1",
      receivedOn: "2026-01-01",
      idempotencyKey: randomUUID(),
      ...values,
    });
  // Refusals (nothing due, a void of a paid invoice…) are part of the game: they change nothing.
  const attempt = (work: () => Promise<unknown>) => work().catch(() => undefined);
  switch (each.kind) {
    case "issue": {
      const { invoice } = await issueInvoice({
        accountId: actor.accountId,
        at: new Date(Date.UTC(2026, each.month, 15)),
      });
      if (!issued.includes(invoice.id)) issued.push(invoice.id);
      return;
    }
    case "credit":
      await recordManualPayment({
        actor,
        input: manual({ invoiceId: "", amount: dollars(each.minor) }),
      });
      return;
    case "cheque": {
      if (!invoiceId) return;
      const [invoice] = await getDb().select().from(invoices).where(eq(invoices.id, invoiceId));
      const amount = Math.max(1, Math.floor(((invoice?.amountDueMinor ?? 0) * each.share) / 100));
      await attempt(() =>
        recordManualPayment({ actor, input: manual({ invoiceId, amount: dollars(amount) }) }),
      );
      return;
    }
    case "apply":
      if (invoiceId) {
        await attempt(() => applyAccountCredit({ actor, invoiceId, idempotencyKey: randomUUID() }));
      }
      return;
    case "card":
      if (invoiceId) {
        await attempt(() =>
          payInvoice({
            actor,
            input: { invoiceId, paymentMethodId: cardId, idempotencyKey: randomUUID() },
            provider: approving,
          }),
        );
      }
      return;
    case "void":
      if (invoiceId) await attempt(() => voidInvoice({ actor, invoiceId }));
      return;
  }
}

describe("the money of an account", () => {
  it("balances to the cent: ledger balance = open amounts due − available credit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { admin } = await createTestAccount();
        const [card] = await getDb()
          .insert(paymentMethods)
          .values({
            accountId: admin.accountId,
            provider: "test",
            providerToken: `tok_${randomUUID()}`,
            brand: "visa",
            last4: "4242",
            expMonth: 12,
            expYear: 2099,
            isDefault: true,
          })
          .returning();
        const issued: string[] = [];
        for (const each of steps) {
          await run(admin, card!.id, issued, each);
          const rows = await getDb()
            .select()
            .from(invoices)
            .where(eq(invoices.accountId, admin.accountId));
          for (const invoice of rows) {
            expect(invoice.amountDueMinor).toBeGreaterThanOrEqual(0);
            expect(invoice.amountDueMinor).toBeLessThanOrEqual(invoice.totalMinor);
            expect(invoice.status === "paid").toBe(
              invoice.amountDueMinor === 0 && invoice.status !== "void",
            );
          }
          const due = rows
            .filter((invoice) => invoice.status === "open")
            .reduce((sum, invoice) => sum + invoice.amountDueMinor, 0);
          const credit = await availableCredit(getDb(), admin.accountId);
          const ledger = await listLedger({ actor: admin, query: ledgerQuerySchema.parse({}) });
          expect(ledger.balanceMinor).toBe(due - credit);
          const last = ledger.entries.at(-1);
          expect(last?.balanceMinor ?? 0).toBe(ledger.balanceMinor);
        }
      }),
      { numRuns: 12 },
    );
  });
});

import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accounts, emails, invoices, payments } from "../../db/schema";
import type { PaymentKind, PaymentStatus } from "../../db/schema/payments";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { issueInvoice } from "../billing/issue-invoice";
import { ConflictError, NotFoundError } from "../errors";
import { queuePaymentReceipt } from "./queue-payment-receipt";

withTestDatabase();

const receiptsOf = (accountId: string) =>
  getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.accountId, accountId), eq(emails.kind, "payment-receipt")));

type PaymentRow = {
  accountId: string;
  invoiceId?: string | null;
  kind?: PaymentKind;
  status?: PaymentStatus;
  amountMinor: number;
  methodLabel?: string;
  reference?: string;
  receivedOn?: string;
};

async function insertPayment(row: PaymentRow) {
  const [payment] = await getDb()
    .insert(payments)
    .values({
      kind: "card",
      status: "succeeded",
      currency: "USD",
      receivedOn: "2026-11-30",
      idempotencyKey: crypto.randomUUID(),
      ...row,
    })
    .returning();
  if (!payment) throw new Error("The payment was not inserted.");
  return payment;
}

/** An account with the November invoice issued ($48.00: the Administrator and one user). */
async function accountWithInvoice({ billingEmail = "" } = {}) {
  const { account, admin } = await createTestAccount(uniqueName("Acme"));
  await getDb().update(accounts).set({ billingEmail }).where(eq(accounts.id, account.id));
  await insertTestUsers(account.id, [{ userName: uniqueName("user"), role: "user" }]);
  const { invoice } = await issueInvoice({
    accountId: account.id,
    at: new Date("2026-11-15T12:00:00Z"),
  });
  return { account, admin, invoice };
}

const receipt = (paymentId: string) =>
  getDb().transaction((tx) => queuePaymentReceipt(tx, paymentId));

describe("queuePaymentReceipt", () => {
  it("sends the receipt of a card payment with its amount, card, date and what is still due", async () => {
    const { account, admin, invoice } = await accountWithInvoice();
    // Part of the invoice paid: the payment service lowers what is due in the same transaction.
    await getDb()
      .update(invoices)
      .set({ amountDueMinor: 1_800 })
      .where(eq(invoices.id, invoice.id));
    const payment = await insertPayment({
      accountId: account.id,
      invoiceId: invoice.id,
      amountMinor: 3_000,
      methodLabel: "Visa •••• 4242",
    });

    await receipt(payment.id);

    const messages = await receiptsOf(account.id);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      userId: admin.id,
      subject: `${account.name} payment receipt: $30.00 for invoice ${invoice.number}`,
      status: "queued",
    });
    expect(message?.text).toMatch(/Amount paid +\$30\.00/);
    expect(message?.text).toMatch(/Paid with +Visa •••• 4242/);
    expect(message?.text).toMatch(/Date +Nov 30, 2026/);
    expect(message?.text).toMatch(new RegExp(`Applied to +Invoice ${invoice.number}`));
    expect(message?.text).toMatch(/Still due on the invoice +\$18\.00/);
    expect(message?.text).toContain(`/billing/invoices/${invoice.id}`);
  });

  it("sends the receipt of a cheque kept as account credit, without an invoice", async () => {
    const { account } = await accountWithInvoice();
    const payment = await insertPayment({
      accountId: account.id,
      kind: "cheque",
      amountMinor: 12_550,
      methodLabel: "Cheque 1042",
      reference: "1042",
      receivedOn: "2026-12-02",
    });

    await receipt(payment.id);

    const [message, ...others] = await receiptsOf(account.id);
    expect(others).toHaveLength(0);
    expect(message?.subject).toBe(`${account.name} payment receipt: $125.50 as account credit`);
    expect(message?.text).toMatch(/Amount paid +\$125\.50/);
    expect(message?.text).toMatch(/Paid with +Cheque 1042/);
    expect(message?.text).toMatch(/Date +Dec 2, 2026/);
    expect(message?.text).toMatch(/Applied to +Account credit/);
    expect(message?.text).not.toContain("Still due");
    expect(message?.text).toContain("/billing/activity");
  });

  it("names the method from the payment's kind and reference when it has no label", async () => {
    const { account, invoice } = await accountWithInvoice();
    const payment = await insertPayment({
      accountId: account.id,
      invoiceId: invoice.id,
      kind: "transfer",
      amountMinor: 4_800,
      reference: "SEPA-77",
    });
    await receipt(payment.id);
    const [message] = await receiptsOf(account.id);
    expect(message?.text).toMatch(/Paid with +Bank transfer SEPA-77/);
  });

  it("sends it only to the billing email when the account has one", async () => {
    const { account, invoice } = await accountWithInvoice({ billingEmail: "ap@acme.example" });
    await insertTestUsers(account.id, [{ userName: uniqueName("admin"), role: "administrator" }]);
    const payment = await insertPayment({
      accountId: account.id,
      invoiceId: invoice.id,
      amountMinor: 4_800,
      methodLabel: "Mastercard •••• 4444",
    });
    await receipt(payment.id);
    const messages = await receiptsOf(account.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ toAddress: "ap@acme.example", userId: null });
  });

  it("sends one receipt per active Administrator", async () => {
    const { account, admin, invoice } = await accountWithInvoice();
    const [second] = await insertTestUsers(account.id, [
      { userName: uniqueName("admin"), role: "administrator" },
      { userName: uniqueName("gone"), role: "administrator", active: false },
    ]);
    const payment = await insertPayment({
      accountId: account.id,
      invoiceId: invoice.id,
      amountMinor: 4_800,
      methodLabel: "Visa •••• 4242",
    });
    await receipt(payment.id);
    const messages = await receiptsOf(account.id);
    expect(messages.map((message) => message.userId).sort()).toEqual([admin.id, second?.id].sort());
  });

  it("refuses a payment that did not succeed, and queues nothing", async () => {
    const { account, invoice } = await accountWithInvoice();
    for (const status of ["pending", "declined"] as const) {
      const payment = await insertPayment({
        accountId: account.id,
        invoiceId: invoice.id,
        status,
        amountMinor: 4_800,
        methodLabel: "Visa •••• 0002",
      });
      expect(await rejectionOf(receipt(payment.id))).toBeInstanceOf(ConflictError);
    }
    expect(await rejectionOf(receipt(crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
    expect(await receiptsOf(account.id)).toHaveLength(0);
  });
});

import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accounts, invoices, payments } from "../../db/schema";
import { delegateOf } from "../../lib/features/feature-test-fixtures";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { ForbiddenError } from "../errors";
import { listLedger } from "./ledger";
import { ledgerCsv } from "./ledger-csv";
import { type LedgerQuery, ledgerQuerySchema } from "./ledger-schemas";

withTestDatabase();

type NewInvoice = typeof invoices.$inferInsert;
type NewPayment = typeof payments.$inferInsert;

async function newAccount(timeZone = "UTC") {
  const { admin } = await createTestAccount();
  await getDb().update(accounts).set({ timeZone }).where(eq(accounts.id, admin.accountId));
  return admin;
}

async function insertInvoice(
  accountId: string,
  values: Pick<NewInvoice, "number" | "totalMinor" | "issuedAt"> & Partial<NewInvoice>,
) {
  const period = values.number.slice(4, 11);
  const [invoice] = await getDb()
    .insert(invoices)
    .values({
      accountId,
      periodStart: `${period}-01`,
      periodEnd: `${period}-28`,
      currency: "USD",
      subtotalMinor: values.totalMinor,
      taxRateBasisPoints: 0,
      taxMinor: 0,
      amountDueMinor: values.totalMinor,
      ...values,
    })
    .returning();
  return invoice!;
}

async function insertPayment(
  accountId: string,
  values: Pick<NewPayment, "kind" | "amountMinor"> & Partial<NewPayment>,
) {
  const [payment] = await getDb()
    .insert(payments)
    .values({
      accountId,
      status: "succeeded",
      currency: "USD",
      idempotencyKey: crypto.randomUUID(),
      receivedOn: "2026-11-01",
      ...values,
    })
    .returning();
  return payment!;
}

const query = (input: Record<string, string> = {}): LedgerQuery => ledgerQuerySchema.parse(input);

/**
 * An account in New York with two months of billing: October paid by card (late on Oct 31
 * there, already Nov 1 in UTC), November partly by cheque and by credit from a transfer,
 * December issued and voided; plus a declined card and a pending cheque, which moved nothing.
 */
async function billedAccount() {
  const admin = await newAccount("America/New_York");
  const { accountId } = admin;
  const october = await insertInvoice(accountId, {
    number: "INV-2026-10-0001",
    totalMinor: 12_000,
    issuedAt: new Date("2026-10-01T04:00:00Z"),
  });
  const november = await insertInvoice(accountId, {
    number: "INV-2026-11-0001",
    totalMinor: 15_050,
    issuedAt: new Date("2026-11-01T04:00:00Z"),
  });
  await insertInvoice(accountId, {
    number: "INV-2026-12-0001",
    totalMinor: 8_000,
    issuedAt: new Date("2026-12-01T05:00:00Z"),
    status: "void",
    voidedAt: new Date("2026-12-02T15:00:00Z"),
    voidedMinor: 8_000,
    amountDueMinor: 0,
  });
  await insertPayment(accountId, {
    kind: "card",
    amountMinor: 12_000,
    invoiceId: october.id,
    methodLabel: "Visa •••• 4242",
    settledAt: new Date("2026-11-01T03:30:00Z"),
  });
  await insertPayment(accountId, {
    kind: "card",
    status: "declined",
    amountMinor: 15_050,
    invoiceId: november.id,
    methodLabel: "Mastercard •••• 0002",
    declineReason: "Insufficient funds",
    settledAt: new Date("2026-11-05T12:00:00Z"),
  });
  await insertPayment(accountId, {
    kind: "cheque",
    amountMinor: 5_025,
    invoiceId: november.id,
    methodLabel: "Cheque 1042",
    reference: "1042",
    settledAt: new Date("2026-11-10T14:00:00Z"),
  });
  await insertPayment(accountId, {
    kind: "cheque",
    status: "pending",
    amountMinor: 1_000,
    reference: "1043",
  });
  // No settledAt: the entry falls back on when it was recorded.
  await insertPayment(accountId, {
    kind: "transfer",
    amountMinor: 3_000,
    reference: "ABC",
    createdAt: new Date("2026-11-12T16:00:00Z"),
  });
  await insertPayment(accountId, {
    kind: "credit",
    amountMinor: 3_000,
    invoiceId: november.id,
    methodLabel: "Account credit",
    settledAt: new Date("2026-11-13T16:00:00Z"),
  });
  return admin;
}

const shapeOf = (ledger: Awaited<ReturnType<typeof listLedger>>) =>
  ledger.entries.map((entry) => [
    entry.localDate,
    entry.description,
    entry.amountMinor,
    entry.balanceMinor,
  ]);

describe("listLedger", () => {
  it("lists charges, voids and settled payments in time order with the running balance", async () => {
    const admin = await billedAccount();
    const ledger = await listLedger({ actor: admin, query: query() });
    expect(shapeOf(ledger)).toEqual([
      ["2026-10-01", "Invoice INV-2026-10-0001", 12_000, 12_000],
      ["2026-10-31", "Card payment (Visa •••• 4242) for INV-2026-10-0001", -12_000, 0],
      ["2026-11-01", "Invoice INV-2026-11-0001", 15_050, 15_050],
      ["2026-11-10", "Cheque 1042 for INV-2026-11-0001", -5_025, 10_025],
      ["2026-11-12", "Transfer ABC as account credit", -3_000, 7_025],
      ["2026-11-13", "Account credit applied to INV-2026-11-0001", 0, 7_025],
      ["2026-12-01", "Invoice INV-2026-12-0001", 8_000, 15_025],
      ["2026-12-02", "Invoice INV-2026-12-0001 voided", -8_000, 7_025],
    ]);
    expect(ledger.balanceMinor).toBe(7_025);
    expect(ledger.currency).toBe("USD");
    expect(ledger.timeZone).toBe("America/New_York");
    const memo = ledger.entries.find((entry) => entry.kind === "credit_applied");
    expect(memo?.note).toBe("$30.00 of account credit, already counted when it was received.");
    expect(ledger.entries.filter((entry) => entry.note !== "")).toHaveLength(1);
    expect(new Set(ledger.entries.map((entry) => entry.key)).size).toBe(8);
  });

  it("filters by type and keeps the balance counted over every entry", async () => {
    const admin = await billedAccount();
    const charges = await listLedger({ actor: admin, query: query({ type: "charges" }) });
    expect(shapeOf(charges).map(([, text, , balance]) => [text, balance])).toEqual([
      ["Invoice INV-2026-10-0001", 12_000],
      ["Invoice INV-2026-11-0001", 15_050],
      ["Invoice INV-2026-12-0001", 15_025],
    ]);
    expect(charges.balanceMinor).toBe(7_025);
    const paid = await listLedger({ actor: admin, query: query({ type: "payments" }) });
    expect(paid.entries.map((entry) => [entry.description, entry.balanceMinor])).toEqual([
      ["Card payment (Visa •••• 4242) for INV-2026-10-0001", 0],
      ["Cheque 1042 for INV-2026-11-0001", 10_025],
      ["Transfer ABC as account credit", 7_025],
    ]);
    const credits = await listLedger({ actor: admin, query: query({ type: "credits" }) });
    expect(credits.entries.map((entry) => entry.kind)).toEqual(["credit_applied", "void"]);
  });

  it("reads From and To as whole days in the account's time zone", async () => {
    const admin = await billedAccount();
    const november = await listLedger({
      actor: admin,
      query: query({ from: "2026-11-01", to: "2026-11-30" }),
    });
    // The card payment was made at 03:30 UTC on Nov 1: still Oct 31 in New York.
    expect(november.entries.map((entry) => entry.description)).toEqual([
      "Invoice INV-2026-11-0001",
      "Cheque 1042 for INV-2026-11-0001",
      "Transfer ABC as account credit",
      "Account credit applied to INV-2026-11-0001",
    ]);
    expect(november.entries[0]?.balanceMinor).toBe(15_050);
    const lastOfOctober = await listLedger({
      actor: admin,
      query: query({ from: "2026-10-31", to: "2026-10-31", type: "payments" }),
    });
    expect(shapeOf(lastOfOctober)).toEqual([
      ["2026-10-31", "Card payment (Visa •••• 4242) for INV-2026-10-0001", -12_000, 0],
    ]);
    const fromDecember = await listLedger({ actor: admin, query: query({ from: "2026-12-02" }) });
    expect(fromDecember.entries.map((entry) => entry.kind)).toEqual(["void"]);
    const nothing = await listLedger({ actor: admin, query: query({ to: "2026-09-30" }) });
    expect(nothing.entries).toEqual([]);
    expect(nothing.balanceMinor).toBe(7_025);
  });

  it("drops filters it cannot read instead of failing", async () => {
    const admin = await billedAccount();
    const ledger = await listLedger({
      actor: admin,
      query: query({ type: "refunds", from: "2026-02-30", to: "yesterday" }),
    });
    expect(ledger.entries).toHaveLength(8);
  });

  it("shows a credit in the account's favour as a negative balance", async () => {
    const admin = await newAccount();
    await insertPayment(admin.accountId, {
      kind: "transfer",
      amountMinor: 2_550,
      reference: "PREPAY-7",
      settledAt: new Date("2026-11-02T10:00:00Z"),
    });
    const ledger = await listLedger({ actor: admin, query: query() });
    expect(shapeOf(ledger)).toEqual([
      ["2026-11-02", "Transfer PREPAY-7 as account credit", -2_550, -2_550],
    ]);
    expect(ledger.balanceMinor).toBe(-2_550);
  });

  it("orders entries of one instant the same way on every read", async () => {
    const admin = await newAccount();
    const at = new Date("2026-11-01T00:00:00Z");
    const invoice = await insertInvoice(admin.accountId, {
      number: "INV-2026-11-0001",
      totalMinor: 1_000,
      issuedAt: at,
    });
    for (const reference of ["A", "B", "C"]) {
      await insertPayment(admin.accountId, {
        kind: "transfer",
        amountMinor: 100,
        invoiceId: invoice.id,
        reference,
        settledAt: at,
      });
    }
    const first = await listLedger({ actor: admin, query: query() });
    expect(first.entries[0]?.kind).toBe("charge");
    expect(first.entries.map((entry) => entry.balanceMinor)).toEqual([1_000, 900, 800, 700]);
    const again = await listLedger({ actor: admin, query: query() });
    expect(again.entries.map((entry) => entry.key)).toEqual(
      first.entries.map((entry) => entry.key),
    );
  });

  it("never shows another account's invoices or payments", async () => {
    const admin = await billedAccount();
    const other = await newAccount();
    const theirs = await insertInvoice(other.accountId, {
      number: "INV-2026-11-0001",
      totalMinor: 99_999,
      issuedAt: new Date("2026-11-01T00:00:00Z"),
    });
    await insertPayment(other.accountId, {
      kind: "card",
      amountMinor: 1_111,
      invoiceId: theirs.id,
      methodLabel: "Amex •••• 0005",
      settledAt: new Date("2026-11-03T00:00:00Z"),
    });
    const mine = await listLedger({ actor: admin, query: query() });
    expect(mine.entries).toHaveLength(8);
    expect(mine.entries.some((entry) => /99|Amex/.test(entry.description))).toBe(false);
    expect(mine.balanceMinor).toBe(7_025);
    const theirLedger = await listLedger({ actor: other, query: query() });
    expect(shapeOf(theirLedger).map(([, text, , balance]) => [text, balance])).toEqual([
      ["Invoice INV-2026-11-0001", 99_999],
      ["Card payment (Amex •••• 0005) for INV-2026-11-0001", 98_888],
    ]);
  });

  it("lets Billing: View or Manage read it and refuses a User without either", async () => {
    const admin = await billedAccount();
    for (const key of ["billing:view", "billing:manage"] as const) {
      const ledger = await listLedger({ actor: delegateOf(admin, [key]), query: query() });
      expect(ledger.balanceMinor).toBe(7_025);
    }
    const stranger = delegateOf(admin, ["users:view", "activity:view_all"]);
    const refusal = await rejectionOf(listLedger({ actor: stranger, query: query() }));
    expect(refusal).toBeInstanceOf(ForbiddenError);
  });
});

describe("ledgerCsv", () => {
  it("exports the entries with numeric amounts, the typed reference kept as text", async () => {
    const admin = await newAccount();
    await insertPayment(admin.accountId, {
      kind: "transfer",
      amountMinor: 1_250,
      reference: '=HYPERLINK("http://evil.test","x")',
      settledAt: new Date("2026-11-02T10:00:00Z"),
    });
    const { entries } = await listLedger({ actor: admin, query: query() });
    expect(ledgerCsv(entries)).toBe(
      "\uFEFFDate,Description,Charges,Payments/credits,Balance,Currency,Note\r\n" +
        `2026-11-02,"Transfer =HYPERLINK(""http://evil.test"",""x"") as account credit",,12.50,-12.50,USD,\r\n`,
    );
  });
});

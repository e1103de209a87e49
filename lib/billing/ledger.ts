import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { accountTimeZone, assertMaySeeBilling } from "./billing-access";
import {
  type LedgerEntryKind,
  type LedgerRow,
  readLedgerBalance,
  readLedgerRows,
} from "./ledger-query";
import type { LedgerQuery } from "./ledger-schemas";
import { formatMoney } from "./money";
import { readSubscription } from "./subscription-row";

export type { LedgerEntryKind };

export type LedgerEntry = {
  /** Unique in the ledger: an invoice has a charge and maybe a void. */
  key: string;
  kind: LedgerEntryKind;
  at: Date;
  localDate: string;
  description: string;
  /** Why a memo row moves nothing; empty on other rows. */
  note: string;
  /** Positive: a charge; negative: a payment or credit; 0: a memo. */
  amountMinor: number;
  balanceMinor: number;
  currency: string;
  /** The invoice the entry is about, to link to. */
  invoiceId: string | null;
};

export type ListLedgerOptions = { actor: Actor; query: LedgerQuery };

/**
 * The account's billing activity: charges, credits and payments, each with the balance after
 * it (positive: owed by the account; negative: credit in its favour), derived from invoices
 * and payments. Pending and declined payments moved no money and are left out.
 *
 * Account credit applied to an invoice is listed as a memo that moves nothing: the money was
 * counted once, when the cheque or transfer arrived as credit, and counting it again would
 * take it off the balance twice. Leaving it out would hide why the invoice shows as paid, so
 * the row stays, with its amount in a note instead of the Payments/credits column.
 */
export async function listLedger({ actor, query }: ListLedgerOptions) {
  assertMaySeeBilling(actor);
  const db = getDb();
  const timeZone = await accountTimeZone(db, actor.accountId);
  const [rows, balanceMinor, subscription] = await Promise.all([
    readLedgerRows(db, { accountId: actor.accountId, query, timeZone }),
    readLedgerBalance(db, actor.accountId),
    readSubscription(db, actor.accountId),
  ]);
  return {
    entries: rows.map(ledgerEntry),
    balanceMinor,
    currency: subscription.currency,
    timeZone,
  };
}
export type Ledger = Awaited<ReturnType<typeof listLedger>>;

export function ledgerEntry(row: LedgerRow): LedgerEntry {
  return {
    key: `${row.kind}:${row.sourceId}`,
    kind: row.kind,
    at: row.at,
    localDate: row.localDate,
    description: describeEntry(row),
    note:
      row.kind === "credit_applied"
        ? `${formatMoney(row.memoMinor, row.currency)} of account credit, already counted when it was received.`
        : "",
    amountMinor: row.amountMinor,
    balanceMinor: row.balanceMinor,
    currency: row.currency,
    invoiceId: row.invoiceId,
  };
}

/** "Invoice INV-2026-11-0001", "Card payment (Visa •••• 4242) for INV-…", "Cheque 1042 for …". */
export function describeEntry(
  row: Pick<
    LedgerRow,
    "kind" | "invoiceId" | "invoiceNumber" | "paymentKind" | "methodLabel" | "reference"
  >,
): string {
  const invoice = row.invoiceNumber ?? "an invoice";
  switch (row.kind) {
    case "charge":
      return `Invoice ${invoice}`;
    case "void":
      return `Invoice ${invoice} voided`;
    case "credit_applied":
      return `Account credit applied to ${invoice}`;
    case "payment": {
      const purpose = row.invoiceId ? `for ${invoice}` : "as account credit";
      return [paymentName(row), purpose].join(" ");
    }
  }
}

function paymentName({
  paymentKind,
  methodLabel,
  reference,
}: Pick<LedgerRow, "paymentKind" | "methodLabel" | "reference">): string {
  const label = methodLabel.trim();
  const ref = reference.trim();
  switch (paymentKind) {
    case "card":
      return label ? `Card payment (${label})` : "Card payment";
    case "cheque":
      return ref ? `Cheque ${ref}` : label || "Cheque";
    case "transfer":
      return ref ? `Transfer ${ref}` : label || "Transfer";
    default:
      return label || "Payment";
  }
}

import Link from "next/link";
import { Table, TD, TH, THead, TR } from "@/components/data-table";
import type { LedgerEntry } from "@/lib/billing/ledger";
import { formatMoney } from "@/lib/billing/money";
import { formatLedgerBalance, formatLedgerDate } from "./ledger-format";

/** One row per entry, oldest first, with the account's balance after it. */
export function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  return (
    <Table caption="Billing activity" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>Date</TH>
          <TH>Description</TH>
          <TH className="text-right">Charges</TH>
          <TH className="text-right">Payments/credits</TH>
          <TH className="text-right">Balance</TH>
        </tr>
      </THead>
      <tbody>
        {entries.map((entry) => (
          <TR key={entry.key}>
            <TD className="whitespace-nowrap">
              <time dateTime={entry.localDate}>{formatLedgerDate(entry.localDate)}</time>
            </TD>
            <TD>
              {entry.invoiceId ? (
                <Link
                  href={`/billing/invoices/${entry.invoiceId}`}
                  className="text-accent-700 underline-offset-2 hover:underline"
                >
                  {entry.description}
                </Link>
              ) : (
                entry.description
              )}
              {entry.note ? (
                <span className="block text-xs text-neutral-600">{entry.note}</span>
              ) : null}
            </TD>
            <TD className="text-right whitespace-nowrap">
              {entry.amountMinor > 0 ? formatMoney(entry.amountMinor, entry.currency) : ""}
            </TD>
            <TD className="text-right whitespace-nowrap">
              {entry.amountMinor < 0 ? formatMoney(-entry.amountMinor, entry.currency) : ""}
            </TD>
            <TD className="text-right whitespace-nowrap font-medium">
              {formatLedgerBalance(entry.balanceMinor, entry.currency)}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

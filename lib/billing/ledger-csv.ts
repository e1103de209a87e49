import { type CsvCell, decimalCell, toCsv } from "@/lib/csv/csv";
import type { LedgerEntry } from "./ledger";
import { assertMinor, currencyDigits } from "./money";

export const ledgerCsvHeader = [
  "Date",
  "Description",
  "Charges",
  "Payments/credits",
  "Balance",
  "Currency",
  "Note",
] as const;

/** Minor units as a plain decimal a spreadsheet sums: 1250 USD → "12.50", -5 → "-0.05". */
export function minorToDecimal(amountMinor: number, currency: string): string {
  assertMinor(amountMinor);
  const digits = currencyDigits(currency);
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  const decimal =
    digits === 0 ? text : `${text.slice(0, text.length - digits)}.${text.slice(-digits)}`;
  return amountMinor < 0 ? `-${decimal}` : decimal;
}

/**
 * The ledger as the page shows it: charges and payments/credits as positive amounts in their
 * own columns, the balance signed (negative: credit in the account's favour), a memo row with
 * neither. Descriptions hold what people typed (cheque and transfer references), so they go
 * through the CSV writer's formula guard; the amounts are ours and stay numeric.
 */
export function ledgerCsv(entries: readonly LedgerEntry[]): string {
  const amount = (minor: number, currency: string): CsvCell =>
    decimalCell(minorToDecimal(minor, currency));
  const records = entries.map((entry): CsvCell[] => [
    entry.localDate,
    entry.description,
    entry.amountMinor > 0 ? amount(entry.amountMinor, entry.currency) : "",
    entry.amountMinor < 0 ? amount(-entry.amountMinor, entry.currency) : "",
    amount(entry.balanceMinor, entry.currency),
    entry.currency,
    entry.note,
  ]);
  return toCsv([ledgerCsvHeader, ...records], { byteOrderMark: true });
}

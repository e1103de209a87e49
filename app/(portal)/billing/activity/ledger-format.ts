import { formatMoney } from "@/lib/billing/money";

/** "Nov 15, 2026" from a local date; it is a date, so it is read in UTC. */
export function formatLedgerDate(localDate: string): string {
  return new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "medium" }).format(
    new Date(`${localDate}T00:00:00Z`),
  );
}

/** A balance as people read it: "$70.25" owed, "$25.50 credit" in the account's favour. */
export function formatLedgerBalance(balanceMinor: number, currency: string): string {
  return balanceMinor < 0
    ? `${formatMoney(-balanceMinor, currency)} credit`
    : formatMoney(balanceMinor, currency);
}

import { formatMoney } from "@/lib/billing/money";

/** The account's balance now, over every entry whatever the filters. */
export function LedgerBalance({
  balanceMinor,
  currency,
}: {
  balanceMinor: number;
  currency: string;
}) {
  const credit = balanceMinor < 0;
  return (
    <section
      aria-label="Current balance"
      className="pane flex-row flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-4 py-3"
    >
      <p className="text-lg font-semibold tabular-nums text-neutral-900">
        <span className={credit ? "text-green-800" : undefined}>
          {credit ? "Credit" : "Balance due"}
        </span>{" "}
        {formatMoney(Math.abs(balanceMinor), currency)}
      </p>
      <p className="text-sm text-neutral-600">
        {credit
          ? "In your organization's favour, after every invoice, payment and credit so far."
          : balanceMinor === 0
            ? "Nothing is owed now."
            : "Owed on the invoices issued so far, after payments and credits."}
      </p>
    </section>
  );
}

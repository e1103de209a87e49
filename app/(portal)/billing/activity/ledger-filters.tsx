import { DateRangeFields, FilterButtons } from "@/components/date-range-filter";
import { Select } from "@/components/field";
import { type LedgerQuery, type LedgerType, ledgerTypes } from "@/lib/billing/ledger-schemas";

const typeLabels: Record<LedgerType, string> = {
  all: "All",
  charges: "Charges",
  payments: "Payments",
  credits: "Credits",
};

/** The filter form, a plain GET so a filtered view is a link and works without scripts. */
export function LedgerFilters({ query, filtered }: { query: LedgerQuery; filtered: boolean }) {
  return (
    <form
      method="get"
      action="/billing/activity"
      className="grid items-start gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Select
        label="Type"
        name="type"
        defaultValue={query.type}
        help="Credits: voided invoices and account credit used"
        options={ledgerTypes.map((type) => ({ value: type, label: typeLabels[type] }))}
      />
      <DateRangeFields from={query.from} to={query.to} />
      <FilterButtons filtered={filtered} clearHref="/billing/activity" />
    </form>
  );
}

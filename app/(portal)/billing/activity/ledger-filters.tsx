import { Button, ButtonLink } from "@/components/button";
import { Select, TextInput } from "@/components/field";
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
      <TextInput label="From" name="from" type="date" defaultValue={query.from} />
      <TextInput
        label="To"
        name="to"
        type="date"
        defaultValue={query.to}
        error={
          query.from && query.to && query.to < query.from
            ? "The To date is before the From date."
            : undefined
        }
      />
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered ? (
          <ButtonLink href="/billing/activity" variant="ghost">
            Clear
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
}

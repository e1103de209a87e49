import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { EmptyState } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listLedger } from "@/lib/billing/ledger";
import { ledgerQuerySchema, ledgerSearchParams } from "@/lib/billing/ledger-schemas";
import { pageData, pageRequires } from "@/lib/page-guard";
import { LedgerBalance } from "./ledger-balance";
import { LedgerFilters } from "./ledger-filters";
import { LedgerTable } from "./ledger-table";

export const metadata: Metadata = { title: "Billing activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BillingActivityPage({ searchParams }: Props) {
  const actor = await requireActor();
  // Checked before anything loads, so the "Not allowed" page can name Billing: View.
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const query = ledgerQuerySchema.parse(await searchParams);
  const ledger = await pageData(() => listLedger({ actor, query }));
  const filters = ledgerSearchParams(query);
  const filtered = filters.size > 0;
  const exportHref = `/billing/activity/export${filtered ? `?${filters}` : ""}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Billing activity"
        description={`Charges, credits and payments, oldest first, with the balance after each. Days are read in ${ledger.timeZone}.`}
        actions={
          // A plain link: the answer is a file to save, not a page to navigate to.
          <a href={exportHref} download className={buttonClasses("secondary", "sm")}>
            Export CSV
          </a>
        }
      />
      <LedgerBalance balanceMinor={ledger.balanceMinor} currency={ledger.currency} />
      <Pane title="Filter">
        <LedgerFilters query={query} filtered={filtered} />
      </Pane>
      <Pane title="Entries">
        {ledger.entries.length === 0 ? (
          <EmptyState
            title={
              filtered ? "No billing activity matches these filters" : "No billing activity yet"
            }
          >
            {filtered ? (
              <Link href="/billing/activity">Clear the filters</Link>
            ) : (
              <>
                Invoices appear here when they are issued, and payments when they are received. See{" "}
                <Link href="/billing/invoices">Invoices</Link>.
              </>
            )}
          </EmptyState>
        ) : (
          <LedgerTable entries={ledger.entries} />
        )}
      </Pane>
    </div>
  );
}

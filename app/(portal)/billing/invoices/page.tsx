import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatInvoicePeriod } from "@/lib/billing/format-invoice-period";
import { listInvoices } from "@/lib/billing/list-invoices";
import { formatMoney } from "@/lib/billing/money";
import { pageData, pageRequires } from "@/lib/page-guard";
import { issueInvoiceNowAction } from "./actions";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  const actor = await requireActor();
  // Checked before anything loads, so the "Not allowed" page can name Billing: View.
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const invoices = await pageData(() => listInvoices({ actor }));
  const mayManage = can(actor, "billing", "manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Invoices"
        description="One invoice a month, issued when the month begins: the month's seats and add-ons, and the changes made since the last invoice."
        actions={
          mayManage ? (
            <form action={issueInvoiceNowAction}>
              <Button type="submit" variant="secondary" size="sm">
                Issue this month's invoice now
              </Button>
            </form>
          ) : null
        }
      />
      <Pane title="All invoices">
        {invoices.length === 0 ? (
          <EmptyState title="No invoices yet">
            The first is issued at the start of next month
            {mayManage ? ", or issue this month's now with the button above" : ""}. Your plan is on
            the <Link href="/billing/plan">Plan and resources</Link> page.
          </EmptyState>
        ) : (
          <Table caption="Invoices, newest first">
            <THead>
              <tr>
                <TH>Number</TH>
                <TH>Period</TH>
                <TH>Status</TH>
                <TH className="text-right">Total</TH>
                <TH className="text-right">Amount due</TH>
              </tr>
            </THead>
            <tbody>
              {invoices.map((invoice) => (
                <TR key={invoice.id}>
                  <TD>
                    <Link
                      href={`/billing/invoices/${invoice.id}`}
                      className="font-medium text-accent-700 underline-offset-2 hover:underline"
                    >
                      {invoice.number}
                    </Link>
                  </TD>
                  <TD>{formatInvoicePeriod(invoice.periodStart, invoice.periodEnd)}</TD>
                  <TD>
                    <InvoiceStatusBadge status={invoice.status} />
                  </TD>
                  <TD className="text-right">
                    {formatMoney(invoice.totalMinor, invoice.currency)}
                  </TD>
                  <TD className="text-right">
                    {formatMoney(invoice.amountDueMinor, invoice.currency)}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
        )}
      </Pane>
    </div>
  );
}

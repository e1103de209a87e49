import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { listInvoices } from "@/lib/billing/list-invoices";
import { formatMoney } from "@/lib/billing/money";
import { pageData, pageRequires } from "@/lib/page-guard";
import { todayForAccount } from "@/lib/payments/today";
import { isUuid } from "@/lib/uuid";
import { ManualPaymentForm } from "./manual-payment-form";

export const metadata: Metadata = { title: "Record a payment" };

/** "304.00": the amount as the form's field takes it. */
function amountField(minor: number) {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

export default async function RecordPaymentPage({
  searchParams,
}: {
  searchParams: Promise<{ invoice?: string | string[] }>;
}) {
  const actor = await requireActor();
  pageRequires(actor, "billing", "manage");
  const { invoice: invoiceParam } = await searchParams;
  const wanted = typeof invoiceParam === "string" && isUuid(invoiceParam) ? invoiceParam : "";
  const [invoices, today] = await pageData(() =>
    Promise.all([listInvoices({ actor }), todayForAccount({ actor })]),
  );
  const open = invoices.filter(
    (invoice) => invoice.status === "open" && invoice.amountDueMinor > 0,
  );
  const chosen = open.find((invoice) => invoice.id === wanted);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Record a payment"
        description="A cheque or bank transfer the organization received. Against an invoice it pays at most what is due; without one it is kept as account credit."
      />
      <Pane title="Payment received">
        <ManualPaymentForm
          defaults={{
            kind: "cheque",
            amount: chosen ? amountField(chosen.amountDueMinor) : "",
            receivedOn: today,
            reference: "",
            invoiceId: chosen?.id ?? open[0]?.id ?? "",
            idempotencyKey: randomUUID(),
          }}
          invoices={open.map((invoice) => ({
            id: invoice.id,
            label: `${invoice.number}: ${formatMoney(invoice.amountDueMinor, invoice.currency)} due`,
          }))}
          cancelHref={chosen ? `/billing/invoices/${chosen.id}` : "/billing/invoices"}
        />
      </Pane>
    </div>
  );
}

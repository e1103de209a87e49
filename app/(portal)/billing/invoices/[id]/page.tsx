import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { ConfirmDialog } from "@/components/dialog";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getInvoice } from "@/lib/billing/get-invoice";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getAccountCredit } from "@/lib/payments/account-credit";
import { listInvoicePayments } from "@/lib/payments/list-invoice-payments";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { voidInvoiceAction } from "../actions";
import { InvoiceDocument } from "./invoice-document";
import { InvoicePaymentList, PayInvoicePanel } from "./invoice-payments";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const invoice = await pageData(() => getInvoice({ actor, invoiceId: id }));
  const mayManage = can(actor, "billing", "manage");
  const payable = mayManage && invoice.status === "open" && invoice.amountDueMinor > 0;
  const [payments, cards, creditMinor] = await Promise.all([
    listInvoicePayments({ actor, invoiceId: invoice.id }),
    payable ? listPaymentMethods({ actor }) : [],
    payable ? getAccountCredit({ actor }) : 0,
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <ButtonLink href="/billing/invoices" variant="ghost" size="sm">
          All invoices
        </ButtonLink>
        <div className="flex flex-wrap items-center gap-2">
          <ButtonLink href={`/billing/invoices/${invoice.id}/pdf`} variant="secondary" size="sm">
            Download PDF
          </ButtonLink>
          <PrintButton />
          {mayManage &&
          invoice.status === "open" &&
          invoice.amountDueMinor === invoice.totalMinor ? (
            <ConfirmDialog
              triggerLabel="Void"
              triggerVariant="danger"
              title={`Void invoice ${invoice.number}?`}
              description="Nothing will be due on it any more, and no other invoice is issued for its month. This cannot be undone."
              confirmLabel="Void invoice"
              fallbackHref={`/billing/invoices/${invoice.id}/void`}
              action={voidInvoiceAction}
              hiddenFields={{ id: invoice.id }}
            />
          ) : null}
        </div>
      </div>
      <InvoiceDocument invoice={invoice} />
      {payable ? (
        <PayInvoicePanel invoice={invoice} cards={cards} creditMinor={creditMinor} />
      ) : null}
      <InvoicePaymentList invoice={invoice} payments={payments} />
    </div>
  );
}

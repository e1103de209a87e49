import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { ConfirmDialog } from "@/components/dialog";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getInvoice } from "@/lib/billing/get-invoice";
import { pageData, pageRequires } from "@/lib/page-guard";
import { voidInvoiceAction } from "../actions";
import { InvoiceDocument } from "./invoice-document";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const invoice = await pageData(() => getInvoice({ actor, invoiceId: id }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <ButtonLink href="/billing/invoices" variant="ghost" size="sm">
          All invoices
        </ButtonLink>
        <div className="flex flex-wrap items-center gap-2">
          <PrintButton />
          {can(actor, "billing", "manage") && invoice.status === "open" ? (
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
    </div>
  );
}

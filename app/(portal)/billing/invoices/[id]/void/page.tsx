import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { getInvoice } from "@/lib/billing/get-invoice";
import { pageData, pageRequires } from "@/lib/page-guard";
import { voidInvoiceAction } from "../../actions";

export const metadata: Metadata = { title: "Void invoice" };

// The confirmation page used when scripts are off.
export default async function VoidInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  // Checked before the invoice loads, so the "Not allowed" page can name Billing: Manage.
  pageRequires(actor, "billing", "manage");
  const invoice = await pageData(() => getInvoice({ actor, invoiceId: id }));
  const open = invoice.status === "open";
  return (
    <Pane title={`Void invoice ${invoice.number}?`}>
      <form action={voidInvoiceAction} className="space-y-4 p-4">
        <input type="hidden" name="id" value={invoice.id} />
        <p className="text-sm text-neutral-700">
          {open
            ? "Nothing will be due on it any more, and no other invoice is issued for its month. This cannot be undone."
            : `Invoice ${invoice.number} is ${invoice.status}: only an open invoice can be voided.`}
        </p>
        {/* Cancel, then the destructive action on the right: as in the dialog. */}
        <div className="flex justify-end gap-2">
          <ButtonLink href={`/billing/invoices/${invoice.id}`} variant="secondary">
            Cancel
          </ButtonLink>
          {open ? (
            <Button type="submit" variant="danger">
              Void invoice
            </Button>
          ) : null}
        </div>
      </form>
    </Pane>
  );
}

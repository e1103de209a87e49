// GET /billing/invoices/:id/pdf: the invoice as a PDF download, for whoever may open the invoice
// page (Billing: Manage or View). Another account's invoice, or no such invoice: 404.
import { requireActor } from "@/lib/auth/current-user";
import { getInvoice } from "@/lib/billing/get-invoice";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// A bill names the organization and what it pays: kept by no cache, not even the browser's.
const headers = {
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
};

function refusal(status: 403 | 404, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Signed out, or the licence not yet accepted: to that page and back here, as the invoice page.
  const actor = await requireActor();
  try {
    const invoice = await getInvoice({ actor, invoiceId: id });
    const pdf = await renderInvoicePdf(invoice);
    // Invoice numbers are "INV-2026-11-0001"; anything else cannot break out of the header.
    const fileName = `${invoice.number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        ...headers,
        "content-type": "application/pdf",
        "content-length": String(pdf.byteLength),
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return refusal(404, error.message);
    if (error instanceof ForbiddenError) return refusal(403, error.message);
    throw error;
  }
}

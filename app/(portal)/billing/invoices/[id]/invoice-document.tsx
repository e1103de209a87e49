import { formatTaxRate } from "@/lib/billing/compute-invoice";
import { formatInvoicePeriod } from "@/lib/billing/format-invoice-period";
import type { InvoiceDetails } from "@/lib/billing/get-invoice";
import { formatMoney } from "@/lib/billing/money";
import { InvoiceStatusBadge } from "../invoice-status-badge";

const cell = "border-b border-neutral-200 px-3 py-2 align-top tabular-nums";
const headCell = `${cell} text-xs font-semibold uppercase tracking-wide text-neutral-600`;

/** The invoice as it prints: addressee, number, period, lines, subtotal, tax and total. */
export function InvoiceDocument({ invoice }: { invoice: InvoiceDetails }) {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const issued = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(invoice.issuedAt);
  return (
    <article
      aria-labelledby="invoice-title"
      className="rounded-lg border border-neutral-200 bg-white p-8 text-neutral-900 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-6 border-b border-neutral-200 pb-6">
        <div>
          <p className="text-lg font-semibold">{invoice.organization.name}</p>
          {invoice.organization.address ? (
            <p className="mt-1 whitespace-pre-line text-sm text-neutral-700">
              {invoice.organization.address}
            </p>
          ) : null}
        </div>
        <div className="text-right">
          <h1 id="invoice-title" className="text-xl font-semibold tracking-tight">
            Invoice {invoice.number}
          </h1>
          <dl className="mt-2 grid grid-cols-[auto_auto] justify-end gap-x-3 gap-y-1 text-sm">
            <dt className="text-neutral-600">Period</dt>
            <dd>{formatInvoicePeriod(invoice.periodStart, invoice.periodEnd)}</dd>
            <dt className="text-neutral-600">Issued</dt>
            <dd>{issued}</dd>
            <dt className="text-neutral-600">Status</dt>
            <dd>
              <InvoiceStatusBadge status={invoice.status} />
            </dd>
          </dl>
        </div>
      </header>
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Lines of invoice {invoice.number}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCell}>
              Description
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Quantity
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Unit price
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id} className="break-inside-avoid">
              <td className={cell}>{line.description}</td>
              <td className={`${cell} text-right`}>{line.quantity}</td>
              <td className={`${cell} text-right`}>{money(line.unitAmountMinor)}</td>
              <td className={`${cell} text-right`}>{money(line.amountMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className={`${cell} text-right font-medium`}>
              Subtotal
            </th>
            <td className={`${cell} text-right`}>{money(invoice.subtotalMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className={`${cell} text-right font-medium`}>
              Tax ({formatTaxRate(invoice.taxRateBasisPoints)})
            </th>
            <td className={`${cell} text-right`}>{money(invoice.taxMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className={`${cell} text-right font-semibold`}>
              Total
            </th>
            <td className={`${cell} text-right font-semibold`}>{money(invoice.totalMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="px-3 py-2 text-right font-medium">
              Amount due
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{money(invoice.amountDueMinor)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-6 text-xs text-neutral-600">
        Amounts in {invoice.currency}. Seats and add-ons are billed for the month ahead; a change of
        plan or add-ons is billed for the rest of its month on the next invoice.
      </p>
    </article>
  );
}

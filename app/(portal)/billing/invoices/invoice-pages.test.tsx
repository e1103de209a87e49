import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatInvoicePeriod } from "@/lib/billing/format-invoice-period";
import type { InvoiceDetails } from "@/lib/billing/get-invoice";
import { InvoiceDocument } from "./[id]/invoice-document";

const invoice: InvoiceDetails = {
  id: "6f1c1d5e-2f57-4c1f-9a55-0d1c1c1c1c1c",
  accountId: "0b6c7a9e-1111-4c1f-9a55-0d1c1c1c1c1c",
  number: "INV-2026-11-0001",
  periodStart: "2026-11-01",
  periodEnd: "2026-11-30",
  status: "open",
  currency: "USD",
  subtotalMinor: 28_083,
  taxRateBasisPoints: 825,
  taxMinor: 2_317,
  totalMinor: 30_400,
  amountDueMinor: 30_400,
  issuedAt: new Date("2026-11-01T12:00:00Z"),
  paidAt: null,
  voidedAt: null,
  voidedMinor: 0,
  billedToName: "Acme Telephony",
  billedToAddress: "1 Main Street\nSpringfield",
  organization: { name: "Acme Telephony", address: "1 Main Street\nSpringfield" },
  lines: [
    {
      id: 1,
      invoiceId: "6f1c1d5e-2f57-4c1f-9a55-0d1c1c1c1c1c",
      position: 0,
      description: "Team plan: 12 seats × $24.00",
      quantity: 12,
      unitAmountMinor: 2_400,
      amountMinor: 28_800,
    },
    {
      id: 2,
      invoiceId: "6f1c1d5e-2f57-4c1f-9a55-0d1c1c1c1c1c",
      position: 1,
      description: "Prorated credit for the change on Oct 20, 2026: extra instances 1 → 0",
      quantity: 1,
      unitAmountMinor: -717,
      amountMinor: -717,
    },
  ],
};

const plain = (text: string) => text.replace(/\u2009/g, " ");

describe("the printable invoice", () => {
  it("shows the addressee, number, period, every line, tax with its rate and the total", () => {
    // Intl puts thin spaces around the range dash.
    const html = plain(renderToStaticMarkup(<InvoiceDocument invoice={invoice} />));
    expect(html).toContain("Acme Telephony");
    expect(html).toContain("1 Main Street\nSpringfield");
    expect(html).toContain("Invoice INV-2026-11-0001");
    expect(html).toContain("Nov 1 – 30, 2026");
    expect(html).toContain("Team plan: 12 seats × $24.00");
    expect(html).toContain("$288.00");
    expect(html).toContain("-$7.17");
    expect(html).toContain("Tax (8.25 %)");
    expect(html).toContain("$23.17");
    expect(html).toContain("$304.00");
    expect(html).toContain(">Open<");
    // Print styles drop the card's frame.
    expect(html).toContain("print:border-0");
  });

  it("writes a period that spans months and years", () => {
    expect(plain(formatInvoicePeriod("2026-12-01", "2026-12-31"))).toBe("Dec 1 – 31, 2026");
    expect(plain(formatInvoicePeriod("2026-12-15", "2027-01-14"))).toBe(
      "Dec 15, 2026 – Jan 14, 2027",
    );
  });
});

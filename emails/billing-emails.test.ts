import { describe, expect, it } from "vitest";
import { renderEmail } from "../lib/email/render-email";
import InvoiceIssued from "./invoice-issued";
import PaymentReceipt from "./payment-receipt";

describe("the invoice-issued message", () => {
  it("lists every line with its amount, then the totals, in HTML and text", async () => {
    const rendered = await renderEmail("invoice-issued", InvoiceIssued.PreviewProps);
    for (const line of InvoiceIssued.PreviewProps.lines) {
      expect(rendered.html).toContain(line.description);
      expect(rendered.text).toContain(line.description);
    }
    expect(rendered.text).toMatch(/Extra instances: 2 × \$10\.00 +\$20\.00/);
    expect(rendered.text).toMatch(/Tax \(8\.25 %\) +\$8\.51/);
    expect(rendered.text).toMatch(/Amount due +\$111\.71/);
    expect(rendered.html).toContain(`href="${InvoiceIssued.PreviewProps.invoiceLink}"`);
  });

  it("greets no one by name when it goes to the billing address", async () => {
    const rendered = await renderEmail("invoice-issued", {
      ...InvoiceIssued.PreviewProps,
      recipientName: "",
    });
    expect(rendered.text).toContain("Hello,");
    expect(rendered.text).not.toContain("Hello Ada");
  });

  it("keeps a name that tries to add a header out of the subject's headers", async () => {
    const rendered = await renderEmail("invoice-issued", {
      ...InvoiceIssued.PreviewProps,
      organizationName: "Acme\r\nBcc: victim@example.com",
    });
    expect(rendered.subject).toBe(
      "Invoice INV-2026-11-0001 for Acme Bcc: victim@example.com: $111.71",
    );
  });
});

describe("the payment-receipt message", () => {
  it("says a payment without an invoice is account credit and shows no amount due", async () => {
    const rendered = await renderEmail("payment-receipt", {
      ...PaymentReceipt.PreviewProps,
      amount: "$250.00",
      method: "Cheque 1042",
      invoice: null,
      link: "https://switchboard.example/billing/activity",
    });
    expect(rendered.subject).toBe("Acme Telephony payment receipt: $250.00 as account credit");
    expect(rendered.text).toMatch(/Applied to +Account credit/);
    expect(rendered.text).not.toContain("Still due");
    await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot(
      "./__snapshots__/payment-receipt-account-credit.txt",
    );
  });
});

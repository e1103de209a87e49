import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accounts, invoiceLines } from "../../db/schema";
import { createTestAccount, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { formatTaxRate } from "./compute-invoice";
import { getInvoice, type InvoiceDetails } from "./get-invoice";
import { renderInvoicePdf } from "./invoice-pdf";
import { issueInvoice } from "./issue-invoice";
import { formatMoney } from "./money";

withTestDatabase();

// pdf.js 6 expects Node 22's Promise.withResolvers; the project still supports Node 20.
const promises = Promise as PromiseConstructor & { withResolvers?: () => unknown };
promises.withResolvers ??= () => {
  let resolve: ((value: unknown) => void) | undefined;
  let reject: ((reason?: unknown) => void) | undefined;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

/** The PDF's text runs, one a line, and its number of pages. */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const loading = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const document = await loading.promise;
  const runs: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    // pdf.js reports the gaps between runs as items of their own; only the runs matter here.
    for (const item of content.items) if ("str" in item && item.str.trim()) runs.push(item.str);
  }
  const pages = document.numPages;
  await loading.destroy();
  return { text: runs.join("\n"), pages };
}

async function accountWithInvoice(organizationName: string, address: string) {
  const { admin } = await createTestAccount(organizationName);
  await getDb()
    .update(accounts)
    .set({ taxRateBasisPoints: 825, address })
    .where(eq(accounts.id, admin.accountId));
  const { invoice } = await issueInvoice({
    accountId: admin.accountId,
    at: new Date("2026-11-15T12:00:00Z"),
  });
  return { admin, invoiceId: invoice.id };
}

describe("renderInvoicePdf", () => {
  let admin: Actor;
  let invoice: InvoiceDetails;
  const organizationName = `Müller & Søn ${uniqueName("org")}`;

  beforeAll(async () => {
    let invoiceId: string;
    ({ admin, invoiceId } = await accountWithInvoice(organizationName, "12 Rue de la Paix\nParis"));
    invoice = await getInvoice({ actor: admin, invoiceId });
  });

  it("holds the number, addressee, every line and the totals as the invoice page shows them", async () => {
    const bytes = await renderInvoicePdf(invoice);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const { text, pages } = await pdfText(bytes);
    const money = (amount: number) => formatMoney(amount, invoice.currency);
    expect(pages).toBe(1);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(invoice.number).toBe("INV-2026-11-0001");
    expect(text).toContain(organizationName);
    expect(text).toContain("12 Rue de la Paix");
    expect(text).toContain("Paris");
    expect(text).toContain("Open");
    // Intl's thin spaces around the dash, drawn as plain ones.
    expect(text).toContain("Nov 1 – 30, 2026");
    expect(invoice.lines.length).toBeGreaterThan(0);
    for (const line of invoice.lines) {
      expect(text).toContain(line.description);
      expect(text).toContain(money(line.amountMinor));
    }
    expect(invoice.taxMinor).toBeGreaterThan(0);
    expect(text).toContain(`Subtotal\n${money(invoice.subtotalMinor)}`);
    expect(text).toContain(`Tax (${formatTaxRate(825)})\n${money(invoice.taxMinor)}`);
    expect(text).toContain(`Total\n${money(invoice.totalMinor)}`);
    expect(text).toContain(`Amount due\n${money(invoice.amountDueMinor)}`);
  });

  it("keeps every one of 80 lines when they run onto several pages", async () => {
    const lines = Array.from({ length: 80 }, (_, index) => ({
      invoiceId: invoice.id,
      position: 100 + index,
      description: `Extra instance ${index + 1}: Berlin office`,
      quantity: index + 1,
      unitAmountMinor: 1_000 + index,
      amountMinor: (index + 1) * (1_000 + index),
    }));
    await getDb().insert(invoiceLines).values(lines);
    const long = await getInvoice({ actor: admin, invoiceId: invoice.id });
    const { text, pages } = await pdfText(await renderInvoicePdf(long));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const runs = text.split("\n");
    for (const line of lines) {
      // Whole runs, so "Extra instance 1:" is not found inside "Extra instance 11:".
      expect(runs).toContain(line.description);
      expect(runs).toContain(formatMoney(line.amountMinor, long.currency));
    }
    // In their order, each once.
    const found = runs.filter((run) => run.startsWith("Extra instance "));
    expect(found).toEqual(lines.map((line) => line.description));
  });

  it("keeps every line, in order, whatever their number and amounts", async () => {
    const line = fc.record({
      description: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.()-]{0,34}[A-Za-z0-9]$/),
      quantity: fc.integer({ min: 0, max: 9_999 }),
      amountMinor: fc.integer({ min: -50_000_000, max: 50_000_000 }),
    });
    // Any count up to six pages' worth equally likely, not mostly short lists.
    const manyLines = fc
      .integer({ min: 0, max: 120 })
      .chain((count) => fc.array(line, { minLength: count, maxLength: count }));
    await fc.assert(
      fc.asyncProperty(manyLines, async (generated) => {
        const lines = generated.map((each, index) => ({
          ...each,
          description: `L${index}. ${each.description.replace(/\s+/g, " ")}`,
          id: index,
          invoiceId: invoice.id,
          position: index,
          unitAmountMinor: each.amountMinor,
        }));
        const { text } = await pdfText(await renderInvoicePdf({ ...invoice, lines }));
        const runs = text.split("\n");
        const described = runs.filter((run) => /^L\d+\. /.test(run));
        expect(described).toEqual(lines.map((each) => each.description));
        for (const each of lines) {
          expect(runs).toContain(formatMoney(each.amountMinor, invoice.currency));
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });
});

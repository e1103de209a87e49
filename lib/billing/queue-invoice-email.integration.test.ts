import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accounts, emails, jobs } from "../../db/schema";
import { createTestAccount, insertTestUsers, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { emailJobKinds } from "../email/email-job-kinds";
import { issueInvoice } from "./issue-invoice";
import { queueInvoiceEmail } from "./queue-invoice-email";

withTestDatabase();

const midNovember = new Date("2026-11-15T12:00:00Z");

const invoiceEmailsOf = (accountId: string) =>
  getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.accountId, accountId), eq(emails.kind, "invoice-issued")));

async function accountWith({ billingEmail = "", taxRateBasisPoints = 0 } = {}) {
  const { account, admin } = await createTestAccount(uniqueName("Acme"));
  await getDb()
    .update(accounts)
    .set({ billingEmail, taxRateBasisPoints })
    .where(eq(accounts.id, account.id));
  return { account, admin };
}

describe("queueInvoiceEmail", () => {
  it("sends an issued invoice to every active Administrator, once each, and no one else", async () => {
    const { account, admin } = await accountWith({ taxRateBasisPoints: 825 });
    const [second, inactive, user] = await insertTestUsers(account.id, [
      {
        userName: uniqueName("admin"),
        role: "administrator",
        firstName: "Grace",
        lastName: "Hopper",
      },
      { userName: uniqueName("gone"), role: "administrator", active: false },
      { userName: uniqueName("user"), role: "user" },
    ]);

    const { invoice, issued } = await issueInvoice({ accountId: account.id, at: midNovember });
    expect(issued).toBe(true);

    const messages = await invoiceEmailsOf(account.id);
    expect(messages.map((message) => message.userId).sort()).toEqual([admin.id, second?.id].sort());
    const toSecond = messages.find((message) => message.userId === second?.id);
    expect(toSecond?.toAddress).toBe(`Grace Hopper <${second?.email}>`);
    expect(messages.some((message) => message.userId === inactive?.id)).toBe(false);
    expect(messages.some((message) => message.userId === user?.id)).toBe(false);
    // Three seats (active users) of the Team plan at $24.00, and 8.25 % tax: $72.00 + $5.94.
    expect(invoice.totalMinor).toBe(7_794);
    for (const message of messages) {
      expect(message).toMatchObject({
        subject: `Invoice INV-2026-11-0001 for ${account.name}: $77.94`,
        status: "queued",
      });
      expect(message.text).toContain("Nov 1 – 30, 2026");
      expect(message.text).toMatch(/Team plan: 3 seats × \$24\.00 +\$72\.00/);
      expect(message.text).toMatch(/Subtotal +\$72\.00/);
      expect(message.text).toMatch(/Tax \(8\.25 %\) +\$5\.94/);
      expect(message.text).toMatch(/Total +\$77\.94/);
      expect(message.text).toMatch(/Amount due +\$77\.94/);
      expect(message.text).toContain(`/billing/invoices/${invoice.id}`);
      expect(message.html).toContain(`/billing/invoices/${invoice.id}`);
      const [job] = await getDb()
        .select()
        .from(jobs)
        .where(eq(jobs.id, message.jobId ?? ""));
      expect(job?.kind).toBe(emailJobKinds.send);
    }
  });

  it("sends it only to the billing email when the account has one", async () => {
    const { account } = await accountWith({ billingEmail: "accounts@acme.example" });
    await insertTestUsers(account.id, [{ userName: uniqueName("admin"), role: "administrator" }]);

    const { invoice } = await issueInvoice({ accountId: account.id, at: midNovember });

    const messages = await invoiceEmailsOf(account.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      toAddress: "accounts@acme.example",
      userId: null,
      subject: `Invoice ${invoice.number} for ${account.name}: $48.00`,
    });
    expect(messages[0]?.text).toContain("Hello,");
  });

  it("queues nothing more when the period's invoice is issued again", async () => {
    const { account } = await accountWith();
    const first = await issueInvoice({ accountId: account.id, at: midNovember });
    expect(await invoiceEmailsOf(account.id)).toHaveLength(1);

    const again = await issueInvoice({
      accountId: account.id,
      at: new Date("2026-11-29T12:00:00Z"),
    });
    expect(again).toEqual({ invoice: first.invoice, issued: false });
    expect(await invoiceEmailsOf(account.id)).toHaveLength(1);
  });

  it("issues one invoice and one message per recipient when two runs race", async () => {
    const { account } = await accountWith();
    await Promise.all([
      issueInvoice({ accountId: account.id, at: midNovember }),
      issueInvoice({ accountId: account.id, at: midNovember }),
    ]);
    expect(await invoiceEmailsOf(account.id)).toHaveLength(1);
  });

  it("leaves no message when the transaction that issued the invoice rolls back", async () => {
    const { account } = await accountWith();
    const { invoice } = await issueInvoice({ accountId: account.id, at: midNovember });
    await expect(
      getDb().transaction(async (tx) => {
        await queueInvoiceEmail(tx, invoice);
        throw new Error("the issuing failed");
      }),
    ).rejects.toThrow("the issuing failed");
    expect(await invoiceEmailsOf(account.id)).toHaveLength(1);
  });
});

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  accountActivity,
  accounts,
  invoiceLines,
  invoices,
  jobs,
  subscriptionChanges,
} from "../../db/schema";
import { delegateOf } from "../../lib/features/feature-test-fixtures";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { jobHandlers } from "../jobs/handlers";
import {
  billingRunAt,
  ensureBillingRunScheduled,
  runBilling,
  upcomingBillingMonth,
} from "./billing-run";
import { changePlan } from "./change-plan";
import { getInvoice } from "./get-invoice";
import { issueInvoice } from "./issue-invoice";
import { issueInvoiceNow } from "./issue-invoice-now";
import { listInvoices } from "./list-invoices";
import { planChangeSchema } from "./schemas";
import { voidInvoice } from "./void-invoice";

withTestDatabase();

async function newAccount({ timeZone = "UTC", taxRateBasisPoints = 0, seats = 0 } = {}) {
  const { admin } = await createTestAccount();
  await getDb()
    .update(accounts)
    .set({ timeZone, taxRateBasisPoints })
    .where(eq(accounts.id, admin.accountId));
  if (seats > 0) {
    await insertTestUsers(
      admin.accountId,
      Array.from({ length: seats }, () => ({ userName: uniqueName("seat") })),
    );
  }
  return admin;
}

const invoicesOf = (accountId: string) =>
  getDb().select().from(invoices).where(eq(invoices.accountId, accountId));

const linesOf = (invoiceId: string) =>
  getDb()
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(invoiceLines.position);

const activityOf = (accountId: string, kind: "invoice.issued" | "invoice.voided") =>
  getDb()
    .select()
    .from(accountActivity)
    .where(and(eq(accountActivity.accountId, accountId), eq(accountActivity.kind, kind)));

const midNovember = new Date("2026-11-15T12:00:00Z");

describe("issueInvoice", () => {
  it("issues the month's invoice once: a second run returns it and writes nothing", async () => {
    const admin = await newAccount({ timeZone: "Europe/Paris", seats: 2 });
    const first = await issueInvoice({ accountId: admin.accountId, at: midNovember });
    expect(first.issued).toBe(true);
    expect(first.invoice).toMatchObject({
      number: "INV-2026-11-0001",
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
      status: "open",
      currency: "USD",
    });
    const again = await issueInvoice({
      accountId: admin.accountId,
      at: new Date("2026-11-29T12:00:00Z"),
    });
    expect(again).toEqual({ invoice: first.invoice, issued: false });
    expect(await invoicesOf(admin.accountId)).toHaveLength(1);
    expect(await activityOf(admin.accountId, "invoice.issued")).toHaveLength(1);
    // Administrator plus two users: three seats of the default Team plan.
    const lines = await linesOf(first.invoice.id);
    expect(lines.map((line) => line.description)).toEqual(["Team plan: 3 seats × $24.00"]);
    expect(first.invoice.totalMinor).toBe(3 * 2_400);
  });

  it("issues one invoice when two runs race", async () => {
    const admin = await newAccount();
    const results = await Promise.all([
      issueInvoice({ accountId: admin.accountId, at: midNovember }),
      issueInvoice({ accountId: admin.accountId, at: midNovember }),
    ]);
    expect(results.filter((result) => result.issued)).toHaveLength(1);
    expect(results[0]?.invoice.id).toBe(results[1]?.invoice.id);
    expect(await invoicesOf(admin.accountId)).toHaveLength(1);
    expect(await activityOf(admin.accountId, "invoice.issued")).toHaveLength(1);
  });

  it("bills each change once, on the first invoice after it, numbered in issue order", async () => {
    const admin = await newAccount();
    const upgrade = await changePlan({
      actor: admin,
      input: planChangeSchema.parse({ plan: "enterprise" }),
      at: new Date("2026-11-10T00:00:00Z"),
    });
    const november = await issueInvoiceNow({
      actor: admin,
      at: new Date("2026-11-20T00:00:00Z"),
    });
    // November began on Team: the whole month at Team, plus the upgrade for its last 21 days.
    const novemberLines = await linesOf(november.invoice.id);
    expect(novemberLines.map((line) => line.amountMinor)).toEqual([
      2_400,
      upgrade.change.proratedMinor,
    ]);
    expect(novemberLines[1]?.description).toMatch(/^Prorated charge .*Team → Enterprise$/);
    expect(upgrade.change.proratedMinor).toBe(((4_500 - 2_400) * 21) / 30);

    // Made after November's invoice: December's bills it.
    const addOn = await changePlan({
      actor: admin,
      input: planChangeSchema.parse({ plan: "enterprise", instances: 2 }),
      at: new Date("2026-11-25T00:00:00Z"),
    });
    const december = await issueInvoice({
      accountId: admin.accountId,
      at: new Date("2026-12-01T12:00:00Z"),
    });
    expect(december.invoice.number).toBe("INV-2026-12-0002");
    const decemberLines = await linesOf(december.invoice.id);
    expect(decemberLines.map((line) => [line.quantity, line.unitAmountMinor])).toEqual([
      [1, 4_500],
      [2, 2_500],
      [1, addOn.change.proratedMinor],
    ]);

    const changes = await getDb()
      .select()
      .from(subscriptionChanges)
      .where(eq(subscriptionChanges.accountId, admin.accountId))
      .orderBy(subscriptionChanges.id);
    expect(changes.map((change) => change.invoiceId)).toEqual([
      november.invoice.id,
      december.invoice.id,
    ]);
    const january = await issueInvoice({
      accountId: admin.accountId,
      at: new Date("2027-01-15T00:00:00Z"),
    });
    expect((await linesOf(january.invoice.id)).map((line) => line.amountMinor)).toEqual([
      4_500, 5_000,
    ]);
  });

  it("taxes the subtotal at the account's rate, rounded half away from zero", async () => {
    const admin = await newAccount({ taxRateBasisPoints: 825, seats: 2 });
    await changePlan({
      actor: admin,
      input: planChangeSchema.parse({ plan: "team", storageGb: 3 }),
      at: new Date("2026-11-07T09:13:00Z"),
    });
    const { invoice } = await issueInvoice({
      accountId: admin.accountId,
      at: new Date("2026-11-28T00:00:00Z"),
    });
    const lines = await linesOf(invoice.id);
    const subtotal = lines.reduce((sum, line) => sum + line.amountMinor, 0);
    expect(invoice.subtotalMinor).toBe(subtotal);
    expect(invoice.taxRateBasisPoints).toBe(825);
    // Exact tax × 2 compared in integers: round(x) = floor(x + ½) for x ≥ 0.
    expect(invoice.taxMinor).toBe(Math.floor((subtotal * 825 * 2 + 10_000) / 20_000));
    expect(invoice.totalMinor).toBe(subtotal + invoice.taxMinor);
    expect(invoice.amountDueMinor).toBe(invoice.totalMinor);
  });
});

describe("reading invoices", () => {
  it("lists and shows only the account's own invoices; another's is not found", async () => {
    const admin = await newAccount();
    const other = await newAccount();
    const { invoice } = await issueInvoice({ accountId: admin.accountId, at: midNovember });
    const { invoice: theirs } = await issueInvoice({ accountId: other.accountId, at: midNovember });
    const viewer = delegateOf(admin, ["billing:view"]);
    expect((await listInvoices({ actor: viewer })).map((row) => row.id)).toEqual([invoice.id]);
    const details = await getInvoice({ actor: viewer, invoiceId: invoice.id });
    expect(details.lines).toHaveLength(1);
    expect(details.organization.name).not.toBe("");
    expect(await rejectionOf(getInvoice({ actor: viewer, invoiceId: theirs.id }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejectionOf(getInvoice({ actor: viewer, invoiceId: "nope" }))).toBeInstanceOf(
      NotFoundError,
    );
    const stranger = delegateOf(admin, ["users:view"]);
    expect(await rejectionOf(listInvoices({ actor: stranger }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("voidInvoice", () => {
  it("lets only Billing: Manage void, and only an open invoice of its own account", async () => {
    const admin = await newAccount();
    const other = await newAccount();
    const { invoice } = await issueInvoice({ accountId: admin.accountId, at: midNovember });
    const { invoice: theirs } = await issueInvoice({ accountId: other.accountId, at: midNovember });
    const viewer = delegateOf(admin, ["billing:view"]);
    const refusal = await rejectionOf(voidInvoice({ actor: viewer, invoiceId: invoice.id }));
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect(await rejectionOf(voidInvoice({ actor: admin, invoiceId: theirs.id }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejectionOf(issueInvoiceNow({ actor: viewer }))).toBeInstanceOf(ForbiddenError);

    const manager = delegateOf(admin, ["billing:manage"]);
    const voided = await voidInvoice({ actor: manager, invoiceId: invoice.id });
    expect(voided).toMatchObject({ status: "void", amountDueMinor: 0 });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    const [activity] = await activityOf(admin.accountId, "invoice.voided");
    expect(activity).toMatchObject({ targetLabel: invoice.number, actorLabel: manager.userName });

    const again = await rejectionOf(voidInvoice({ actor: manager, invoiceId: invoice.id }));
    expect(again).toBeInstanceOf(ConflictError);
    await getDb().update(invoices).set({ status: "paid" }).where(eq(invoices.id, theirs.id));
    const paid = await rejectionOf(voidInvoice({ actor: other, invoiceId: theirs.id }));
    expect(paid).toBeInstanceOf(ConflictError);
    // A voided month stays invoiced: the run issues no second invoice for it.
    expect((await issueInvoice({ accountId: admin.accountId, at: midNovember })).issued).toBe(
      false,
    );
  });
});

describe("the billing run", () => {
  it("starts at noon UTC on the 1st, the first one after now", () => {
    expect(billingRunAt("2026-12").toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(upcomingBillingMonth(new Date("2026-11-30T18:00:00Z"))).toBe("2026-12");
    expect(upcomingBillingMonth(new Date("2026-12-01T11:59:59Z"))).toBe("2026-12");
    expect(upcomingBillingMonth(new Date("2026-12-01T12:00:00Z"))).toBe("2027-01");
    expect(upcomingBillingMonth(new Date("2027-12-05T00:00:00Z"))).toBe("2028-01");
  });

  it("bills every account without an invoice for the month, once, and queues the next run", async () => {
    const kiritimati = await newAccount({ timeZone: "Pacific/Kiritimati" });
    const honolulu = await newAccount({ timeZone: "Pacific/Honolulu" });
    const early = await issueInvoice({
      accountId: honolulu.accountId,
      at: new Date("2027-03-20T00:00:00Z"),
    });
    const first = await runBilling("2027-03");
    expect(first.issued).toBeGreaterThanOrEqual(1);
    const [kiritimatiInvoice] = await invoicesOf(kiritimati.accountId);
    expect(kiritimatiInvoice).toMatchObject({ periodStart: "2027-03-01", periodEnd: "2027-03-31" });
    expect(await invoicesOf(honolulu.accountId)).toEqual([early.invoice]);

    expect(await runBilling("2027-03")).toEqual({ issued: 0 });
    const queued = await getDb()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, "billing.run:2027-04"));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: "billing.run", payload: { month: "2027-04" } });
    expect(queued[0]?.runAt.toISOString()).toBe("2027-04-01T12:00:00.000Z");
  });

  it("is queued once however many servers start, and run by the registered handler", async () => {
    const now = new Date("2027-07-20T08:00:00Z");
    await Promise.all([ensureBillingRunScheduled(now), ensureBillingRunScheduled(now)]);
    const [job, ...others] = await getDb()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, "billing.run:2027-08"));
    expect(others).toHaveLength(0);
    expect(job?.runAt.toISOString()).toBe("2027-08-01T12:00:00.000Z");

    const admin = await newAccount();
    await jobHandlers["billing.run"]?.run(job!, { now: job!.runAt });
    expect((await invoicesOf(admin.accountId)).map((invoice) => invoice.periodStart)).toEqual([
      "2027-08-01",
    ]);
    const next = await getDb().select().from(jobs).where(eq(jobs.uniqueKey, "billing.run:2027-09"));
    expect(next).toHaveLength(1);
  });
});

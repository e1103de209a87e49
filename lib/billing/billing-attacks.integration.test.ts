// Outsider attacks on the organization, plan, invoice and billing-activity entry points:
// another account's ids, delegates without the permission, crafted logo bytes, crafted
// ledger filters and formula text that reaches the CSV export.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { accounts, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { delegateOf } from "@/lib/features/feature-test-fixtures";
import { removeOrganizationLogo } from "@/lib/organization/remove-organization-logo";
import { organizationSchema } from "@/lib/organization/schemas";
import { setOrganizationLogo } from "@/lib/organization/set-organization-logo";
import { updateOrganization } from "@/lib/organization/update-organization";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "@/tests/support/fixtures";
import { withTestDatabase } from "@/tests/support/test-database";
import { changePlan } from "./change-plan";
import { issueInvoice } from "./issue-invoice";
import { issueInvoiceNow } from "./issue-invoice-now";
import { voidInvoice } from "./void-invoice";

// Inside Next.js the actor comes from the request's cookie; here the test says who asks.
const requireActor = vi.hoisted(() => vi.fn<() => Promise<Actor>>());
const currentSession = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/current-user", () => ({ requireActor, currentSession }));

const { updateOrganizationAction } = await import("@/app/(portal)/organization/actions");
const { GET: logoGet } = await import("@/app/(portal)/organization/logo/route");
const { GET: exportGet } = await import("@/app/(portal)/billing/activity/export/route");
const { GET: pdfGet } = await import("@/app/(portal)/billing/invoices/[id]/pdf/route");

withTestDatabase();

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let admin: Actor;
let otherAdmin: Actor;
let invoiceId: string;
let otherInvoiceId: string;

/** A real user of the account (activity rows need one) whose groups grant exactly `keys`. */
async function userOf(accountId: string, keys: PermissionKey[] = []): Promise<Actor> {
  const [user] = await insertTestUsers(accountId, [{ userName: uniqueName("attacker") }]);
  return { ...actorFor(user!), grants: new Map(keys.map((key) => [key, ["Delegates"]])) };
}

const ready = (actor: Actor) => ({ status: "ready", actor, user: {}, sessionId: "s" });

const formInput = (overrides: Record<string, string> = {}) =>
  organizationSchema.parse({ name: uniqueName("Acme"), timeZone: "UTC", ...overrides });

const accountRow = async (accountId: string) =>
  (await getDb().select().from(accounts).where(eq(accounts.id, accountId)))[0]!;

const exportCsv = async (actor: Actor, search = "") => {
  currentSession.mockResolvedValue(ready(actor));
  return exportGet(new Request(`http://localhost:3000/billing/activity/export${search}`));
};

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const at = new Date("2026-11-15T12:00:00Z");
  ({
    invoice: { id: invoiceId },
  } = await issueInvoice({ accountId: admin.accountId, at }));
  ({
    invoice: { id: otherInvoiceId },
  } = await issueInvoice({ accountId: otherAdmin.accountId, at }));
});

beforeEach(() => {
  requireActor.mockReset();
  currentSession.mockReset();
});

describe("organization profile and logo: who may change them", () => {
  const cases: [string, PermissionKey[]][] = [
    ["Organization: View only", ["organization:view"]],
    ["Billing: View only", ["billing:view"]],
    ["Billing: Manage only", ["billing:manage"]],
    ["nothing", []],
  ];
  it.each(cases)(
    "refuses edit, logo upload and logo removal to a delegate with %s",
    async (_, keys) => {
      await setOrganizationLogo({ actor: admin, bytes: png });
      const before = await accountRow(admin.accountId);
      for (const actor of [await userOf(admin.accountId, keys), delegateOf(admin, keys)]) {
        expect(await rejectionOf(updateOrganization({ actor, input: formInput() }))).toBeInstanceOf(
          ForbiddenError,
        );
        expect(await rejectionOf(setOrganizationLogo({ actor, bytes: png }))).toBeInstanceOf(
          ForbiddenError,
        );
        expect(await rejectionOf(removeOrganizationLogo({ actor }))).toBeInstanceOf(ForbiddenError);
      }
      expect(await accountRow(admin.accountId)).toEqual(before);
    },
  );

  it("lets an Organization: Edit delegate change only its own account, never another's", async () => {
    const other = await accountRow(otherAdmin.accountId);
    const editor = await userOf(admin.accountId, ["organization:edit"]);
    await updateOrganization({ actor: editor, input: formInput() });
    await setOrganizationLogo({ actor: editor, bytes: png });
    expect(await accountRow(otherAdmin.accountId)).toEqual(other);
  });
});

describe("crafted logo bytes", () => {
  const text = (value: string) => new Uint8Array(Buffer.from(value, "latin1"));
  const refused: [string, Uint8Array][] = [
    ["zero bytes", new Uint8Array()],
    ["an SVG", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["an SVG behind a UTF-8 BOM", text('\xEF\xBB\xBF<svg onload="alert(1)"/>')],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["a PNG signature cut short", png.subarray(0, 7)],
    [
      "a PNG signature with one byte wrong",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]),
    ],
    ["RIFF without WEBP", text("RIFF\0\0\0\0WAVEfmt ")],
    ["GIF90a", text("GIF90a....")],
    ["a PDF", text("%PDF-1.7\n")],
    ["one byte over 256 KB", new Uint8Array(256 * 1024 + 1).fill(0xff)],
  ];
  it.each(refused)("refuses %s and keeps the logo it had", async (_, bytes) => {
    await setOrganizationLogo({ actor: admin, bytes: png });
    const before = await accountRow(admin.accountId);
    const error = await rejectionOf(setOrganizationLogo({ actor: admin, bytes }));
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors).toHaveProperty("logo");
    expect(await accountRow(admin.accountId)).toEqual(before);
  });

  it("serves a PNG/HTML polyglot as an image that nothing may sniff, run or frame", async () => {
    const polyglot = Buffer.concat([
      png.subarray(0, 8),
      Buffer.from("<html><script>alert(document.cookie)</script></html>"),
    ]);
    await setOrganizationLogo({ actor: admin, bytes: polyglot });
    currentSession.mockResolvedValue(ready(admin));
    const response = await logoGet(new Request("http://localhost:3000/organization/logo"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(Buffer.from(await response.arrayBuffer()).equals(polyglot)).toBe(true);
  });

  it("serves each member only their own organization's logo, and nobody signed out", async () => {
    await setOrganizationLogo({ actor: admin, bytes: png });
    await removeOrganizationLogo({ actor: otherAdmin });
    // Another account's member asking for the same path gets their own (none): 404.
    currentSession.mockResolvedValue(ready(await userOf(otherAdmin.accountId)));
    expect((await logoGet(new Request("http://localhost:3000/organization/logo"))).status).toBe(
      404,
    );
    currentSession.mockResolvedValue({ status: "anonymous", ended: false });
    expect((await logoGet(new Request("http://localhost:3000/organization/logo"))).status).toBe(
      401,
    );
    currentSession.mockResolvedValue({ ...ready(admin), status: "licence_required" });
    expect((await logoGet(new Request("http://localhost:3000/organization/logo"))).status).toBe(
      401,
    );
  });
});

describe("organization fields: crafted values", () => {
  it.each([
    "UTC'; drop table accounts; --",
    "+05:00",
    "EST5EDT,M3.2.0,M11.1.0",
    "Etc/GMT+99",
    "utc",
    "Europe/../UTC",
    "posixrules",
  ])("refuses the time zone %j", (timeZone) => {
    expect(organizationSchema.safeParse({ name: "Acme", timeZone }).success).toBe(false);
  });

  it.each(["100.01", "-1", "1e2", "0x10", "Infinity", "NaN", "٨", "８", "1,5", "100.001", "."])(
    "refuses the tax rate %j",
    (taxRate) => {
      expect(organizationSchema.safeParse({ name: "Acme", timeZone: "UTC", taxRate }).success).toBe(
        false,
      );
    },
  );

  it("keeps the tax rate bounds 0 and 100 %", () => {
    const rate = (taxRate: string) =>
      organizationSchema.parse({ name: "Acme", timeZone: "UTC", taxRate }).taxRate;
    expect(rate("100")).toBe(10_000);
    expect(rate("100.00 %")).toBe(10_000);
    expect(rate("0")).toBe(0);
    expect(rate(".5")).toBe(50);
  });
});

describe("organization fields: bytes the database or a reader cannot take", () => {
  // Was a hole: a NUL went through the schema and PostgreSQL (and PGlite) refused the whole
  // update (a 500). The form's text helpers (lib/form-values.ts) now refuse control characters.
  it("refuses a NUL in the name or address as a field error", () => {
    const errorsOf = (values: Record<string, string>) =>
      organizationSchema
        .safeParse({ name: "Acme", timeZone: "UTC", ...values })
        .error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(errorsOf({ name: "Acme\u0000Corp" })).toEqual([
      ["name", "Name must be one line without control characters."],
    ]);
    expect(errorsOf({ address: "1 Main\u0000Street" })).toEqual([
      ["address", "Address cannot contain control characters."],
    ]);
    // Line breaks stay where they belong.
    expect(errorsOf({ address: "1 Main Street\nSpringfield" })).toBeUndefined();
  });

  // The same seen from the form post: the form and a message, not the driver's error.
  it("answers the form post with a NUL in the name with the form, not a database error", async () => {
    requireActor.mockResolvedValue(admin);
    const form = new FormData();
    form.set("name", "Acme\u0000Corp");
    form.set("timeZone", "UTC");
    const state = await updateOrganizationAction(undefined, form);
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { name: "Name must be one line without control characters." },
    });
  });

  it("leaves the profile as it was after the NUL post", async () => {
    requireActor.mockResolvedValue(admin);
    const before = await accountRow(admin.accountId);
    const form = new FormData();
    form.set("name", "Acme\u0000Corp");
    form.set("timeZone", "UTC");
    await updateOrganizationAction(undefined, form).catch(() => undefined);
    expect(await accountRow(admin.accountId)).toEqual(before);
  });

  // Was a lesser hole: the name is one line in the top bar, on invoices and in emails, and
  // terminal escapes, BEL and bidi overrides ("\u202Efdp.exe" reads "exe.pdf") were stored.
  it("refuses control characters and bidi overrides in the organization name", () => {
    for (const name of ["Acme\u001b[31mRed", "Acme\u0007", "\u202Efdp.exe", "Acme\nInc"]) {
      expect(organizationSchema.safeParse({ name, timeZone: "UTC" }).success).toBe(false);
    }
  });
});

describe("plan change", () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    plan: "enterprise" as const,
    instances: 0,
    phoneNumbers: 0,
    conferenceRooms: 0,
    faxMachines: 0,
    storageGb: 0,
    basedOn: "",
    ...overrides,
  });

  it("refuses a delegate with Billing: View, Organization: Edit or nothing", async () => {
    for (const keys of [["billing:view"], ["organization:edit"], []] as PermissionKey[][]) {
      const error = await rejectionOf(
        changePlan({ actor: await userOf(admin.accountId, keys), input: input() }),
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe("You need Billing: Manage.");
    }
  });

  it("refuses a forged or stale basedOn and changes nothing", async () => {
    const { admin: owner } = await createTestAccount();
    for (const basedOn of [
      "plan=enterprise",
      "plan=starter;instances=99",
      "x".repeat(500),
      "' or 1=1 --",
    ]) {
      const error = await rejectionOf(changePlan({ actor: owner, input: input({ basedOn }) }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain("changed by someone else");
    }
    // The same confirm made against the real subscription (a new account is on Team) goes through.
    const { plan } = await changePlan({ actor: owner, input: input({ basedOn: "plan=team" }) });
    expect(plan.key).toBe("enterprise");
  });
});

describe("invoices: issue now and void", () => {
  it("refuses issue-now and void to a delegate with only Billing: View, and to one with nothing", async () => {
    for (const keys of [["billing:view"], [], ["organization:edit"]] as PermissionKey[][]) {
      const actor = await userOf(admin.accountId, keys);
      expect(await rejectionOf(issueInvoiceNow({ actor }))).toBeInstanceOf(ForbiddenError);
      expect(await rejectionOf(voidInvoice({ actor, invoiceId }))).toBeInstanceOf(ForbiddenError);
    }
    const [row] = await getDb().select().from(invoices).where(eq(invoices.id, invoiceId));
    expect(row!.status).toBe("open");
  });

  it("does not find another account's invoice to void, and leaves it open", async () => {
    for (const actor of [admin, await userOf(admin.accountId, ["billing:manage"])]) {
      expect(await rejectionOf(voidInvoice({ actor, invoiceId: otherInvoiceId }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    for (const id of ["not-an-id", "' or 1=1 --", "00000000-0000-4000-8000-000000000000"]) {
      expect(await rejectionOf(voidInvoice({ actor: admin, invoiceId: id }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    const [row] = await getDb().select().from(invoices).where(eq(invoices.id, otherInvoiceId));
    expect(row!.status).toBe("open");
  });

  it("answers 404 for another account's invoice PDF even to its own Billing: Manage delegate", async () => {
    requireActor.mockResolvedValue(await userOf(admin.accountId, ["billing:manage"]));
    const response = await pdfGet(new Request("http://localhost/"), {
      params: Promise.resolve({ id: otherInvoiceId }),
    });
    expect(response.status).toBe(404);
  });
});

describe("GET /billing/activity/export", () => {
  it("refuses the signed-out, the licence-pending and delegates without Billing", async () => {
    currentSession.mockResolvedValue({ status: "anonymous", ended: false });
    expect((await exportGet(new Request("http://localhost/billing/activity/export"))).status).toBe(
      401,
    );
    currentSession.mockResolvedValue({ ...ready(admin), status: "licence_required" });
    expect((await exportGet(new Request("http://localhost/billing/activity/export"))).status).toBe(
      403,
    );
    for (const keys of [[], ["organization:edit"]] as PermissionKey[][]) {
      const response = await exportCsv(await userOf(admin.accountId, keys));
      expect(response.status).toBe(403);
      expect(response.headers.get("content-disposition")).toBeNull();
    }
  });

  it("never lists another account's entries, though both first invoices share a number", async () => {
    const body = (await (await exportCsv(admin)).text()).replace(/^\uFEFF/, "");
    const rows = body.trim().split("\r\n").slice(1);
    // The account has exactly one invoice (every change above was refused): one charge row.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Invoice INV-2026-11-0001");
  });

  it.each([
    "?from=2026-01-01' or 1=1 --",
    "?to=2026-01-01);drop table invoices;--",
    "?type=charges') or ('1'='1",
    "?type=__proto__",
    "?from=0001-01-01&to=9999-12-31",
    "?from=2026-02-30",
    "?from=%00&to=%F0%9F%92%A5",
    "?type=all&type=payments'--",
    "?from[]=2026-01-01",
  ])("answers the unfiltered CSV for the crafted filter %s, with no error", async (search) => {
    const plain = await (await exportCsv(admin)).text();
    const response = await exportCsv(admin, search);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const body = await response.text();
    if (!search.includes("9999")) expect(body).toBe(plain);
    const [row] = await getDb().select().from(invoices).where(eq(invoices.id, invoiceId));
    expect(row).toBeDefined();
  });

  it("neutralizes formulas that reach the CSV through payment labels and references", async () => {
    const { admin: victim } = await createTestAccount();
    const formulas = [
      '=HYPERLINK("http://evil.test","x")',
      "+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(1+1)",
    ];
    await getDb()
      .insert(payments)
      .values(
        formulas.map((methodLabel) => ({
          accountId: victim.accountId,
          kind: "transfer" as const,
          status: "succeeded" as const,
          amountMinor: 100,
          currency: "USD",
          idempotencyKey: uniqueName("key"),
          methodLabel,
          reference: "",
          receivedOn: "2026-11-15",
          settledAt: new Date("2026-11-15T12:00:00Z"),
        })),
      );
    const body = (await (await exportCsv(victim)).text()).replace(/^\uFEFF/, "");
    const descriptions = body
      .trim()
      .split("\r\n")
      .slice(1)
      .map((row) => row.split(",")[1]!.replace(/^"/, ""));
    expect(descriptions).toHaveLength(formulas.length);
    for (const cell of descriptions) expect(cell).toMatch(/^'[=+\-@]/);
  });

  it("names the file by the account's day and keeps the header free of injected text", async () => {
    const response = await exportCsv(admin, "?type=charges");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="billing-activity-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});

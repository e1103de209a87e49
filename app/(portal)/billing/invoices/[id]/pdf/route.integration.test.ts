import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../../../../../tests/support/fixtures";
import { withTestDatabase } from "../../../../../../tests/support/test-database";

// Inside Next.js the actor comes from the request's cookie; here the test says who asks.
const requireActor = vi.hoisted(() => vi.fn<() => Promise<Actor>>());
vi.mock("@/lib/auth/current-user", () => ({ requireActor }));

const { GET } = await import("./route");

withTestDatabase();

let admin: Actor;
let invoiceId: string;
let invoiceNumber: string;
let otherInvoiceId: string;

const download = (id: string) =>
  GET(new Request(`http://localhost:3000/billing/invoices/${id}/pdf`), {
    params: Promise.resolve({ id }),
  });

async function userOf(accountId: string, permissions: PermissionKey[] = []): Promise<Actor> {
  const [user] = await insertTestUsers(accountId, [{ userName: uniqueName("pdf") }]);
  const grants = new Map(permissions.map((key) => [key, ["Finance"]]));
  return { ...actorFor(user!), grants };
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  const at = new Date("2026-11-15T12:00:00Z");
  ({
    invoice: { id: invoiceId, number: invoiceNumber },
  } = await issueInvoice({ accountId: admin.accountId, at }));
  const { admin: other } = await createTestAccount();
  ({
    invoice: { id: otherInvoiceId },
  } = await issueInvoice({ accountId: other.accountId, at }));
});

beforeEach(() => requireActor.mockReset());

describe("GET /billing/invoices/:id/pdf", () => {
  it("downloads the account's invoice as a PDF file named by its number that no cache keeps", async () => {
    requireActor.mockResolvedValue(admin);
    const response = await download(invoiceId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(invoiceNumber).toBe("INV-2026-11-0001");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="INV-2026-11-0001.pdf"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });

  it("lets a user with Billing: View download it", async () => {
    requireActor.mockResolvedValue(await userOf(admin.accountId, ["billing:view"]));
    expect((await download(invoiceId)).status).toBe(200);
  });

  it("refuses a user without a Billing permission", async () => {
    requireActor.mockResolvedValue(await userOf(admin.accountId));
    const response = await download(invoiceId);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).not.toBe("application/pdf");
  });

  it("answers 404 for another account's invoice, as for one that does not exist", async () => {
    requireActor.mockResolvedValue(admin);
    const response = await download(otherInvoiceId);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.text()).not.toContain("%PDF");
    expect((await download("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download("not-an-id")).status).toBe(404);
  });
});

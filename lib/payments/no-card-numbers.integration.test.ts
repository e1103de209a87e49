import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { createTestAccount } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { issueInvoice } from "../billing/issue-invoice";
import { addCard } from "./add-card";
import { payInvoice } from "./pay-invoice";
import { luhnValid } from "./providers/test-cards";
import { submitCardSetup } from "./providers/test-provider-setup";
import { recordManualPayment } from "./record-manual-payment";
import { manualPaymentSchema } from "./schemas";
import { startAddingCard } from "./start-adding-card";

withTestDatabase();

// "No card number ever touches our database": after cards are added through the provider's
// page, charged and declined, nothing in the schema or in any row looks like one.

/** Every run of 13 to 19 digits (spaces or dashes between them allowed) that passes Luhn. */
function luhnValidCardNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\d(?:[ -]?\d){12,18}/g)) {
    const digits = match[0].replace(/[ -]/g, "");
    // Any 13–19 digit window of a longer run could be a number too.
    for (let length = 13; length <= Math.min(19, digits.length); length++) {
      for (let start = 0; start + length <= digits.length; start++) {
        const candidate = digits.slice(start, start + length);
        if (luhnValid(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

async function rowsOf<Row>(query: SQL): Promise<Row[]> {
  return ((await getDb().execute(query)) as unknown as { rows: Row[] }).rows;
}

/** The whole public schema as text, one row per line (a dump without pg_dump). */
async function databaseDump(): Promise<string> {
  const tables = await rowsOf<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const lines: string[] = [];
  for (const { name } of tables) {
    const rows = await rowsOf<{ row: string }>(
      sql`select t::text as row from ${sql.identifier(name)} t`,
    );
    lines.push(...rows.map(({ row }) => `${name}: ${row}`));
  }
  return lines.join("\n");
}

/** A card added the way a person adds one: the portal's start, the provider's form, the way back. */
async function addCardThroughProviderPage(actor: Actor, number: string, cvc = "123") {
  const redirectUrl = await startAddingCard({ actor, origin: "http://localhost:3000" });
  const session = new URL(redirectUrl, "http://localhost:3000").searchParams.get("session") ?? "";
  const posted = submitCardSetup({
    session,
    number,
    expiry: "12/34",
    cvc,
    name: "Ada Lovelace",
  });
  expect(posted, posted.location).toMatchObject({ saved: true });
  const reference = new URL(posted.location, "http://localhost:3000").searchParams.get("reference");
  const { method } = await addCard({ actor, reference: reference ?? "" });
  return method;
}

describe("card numbers", () => {
  it("the scanner finds a card number however it is written", () => {
    expect(luhnValidCardNumbers('{"x":"4242424242424242"}')).toContain("4242424242424242");
    expect(luhnValidCardNumbers("card 4000 0000 0000 0002 end")).toContain("4000000000000002");
    expect(luhnValidCardNumbers("amex 3782-822463-10005")).toContain("378282246310005");
    expect(luhnValidCardNumbers("2026-11-30 12:00:00 id 123")).toEqual([]);
  });

  it("are in no column name and no row after cards are added, charged and declined", async () => {
    const { admin } = await createTestAccount();
    const { invoice } = await issueInvoice({ accountId: admin.accountId, at: new Date() });
    const declining = await addCardThroughProviderPage(admin, "4000 0000 0000 0002");
    const good = await addCardThroughProviderPage(admin, "4242 4242 4242 4242");
    const amex = await addCardThroughProviderPage(admin, "3782 822463 10005", "1234");
    expect([declining.last4, good.last4, amex.last4]).toEqual(["0002", "4242", "0005"]);
    const declined = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: declining.id, idempotencyKey: randomUUID() },
    });
    expect(declined.payment.status).toBe("declined");
    await recordManualPayment({
      actor: admin,
      input: manualPaymentSchema.parse({
        kind: "cheque",
        amount: "1.00",
        receivedOn: "2026-11-01",
        reference: "1042",
        invoiceId: invoice.id,
        idempotencyKey: randomUUID(),
      }),
    });
    const paid = await payInvoice({
      actor: admin,
      input: { invoiceId: invoice.id, paymentMethodId: good.id, idempotencyKey: randomUUID() },
    });
    expect(paid.payment.status).toBe("succeeded");

    const columns = await rowsOf<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const suspicious = columns.filter(({ column_name }) =>
      /card_?number|\bpan\b|cvc|cvv|security_code/i.test(column_name),
    );
    expect(suspicious).toEqual([]);

    const dump = await databaseDump();
    expect(dump).toContain("Visa •••• 4242");
    expect(luhnValidCardNumbers(dump)).toEqual([]);
  });

  it("are in no schema file or migration", async () => {
    const root = path.join(import.meta.dirname, "..", "..", "db");
    const files = [
      ...(await readdir(path.join(root, "schema"))).map((file) => path.join(root, "schema", file)),
      ...(await readdir(path.join(root, "migrations")))
        .filter((file) => file.endsWith(".sql"))
        .map((file) => path.join(root, "migrations", file)),
    ];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(luhnValidCardNumbers(text), file).toEqual([]);
      expect(text, file).not.toMatch(/card_?number|\bcvc\b|\bcvv\b/i);
    }
  });
});

import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/test-provider/setup/submit/route";
import { getDb } from "@/db/client";
import { testProviderCharges } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { createTestAccount, rejectionOf } from "@/tests/support/fixtures";
import { withTestDatabase } from "@/tests/support/test-database";
import type { ChargeInput } from "../payment-provider";
import { testCards, testDeclines } from "./test-cards";
import { testProvider } from "./test-provider";
import { submitCardSetup } from "./test-provider-setup";
import { setupExpiry, signTestProviderValue } from "./test-provider-signing";

withTestDatabase();

let accountId: string;
let otherAccountId: string;
beforeAll(async () => {
  accountId = (await createTestAccount()).account.id;
  otherAccountId = (await createTestAccount()).account.id;
});
afterEach(() => {
  vi.useRealTimers();
});

const origin = "http://127.0.0.1:3000";
const futureYear = new Date().getUTCFullYear() + 3;
const expiry = `12/${String(futureYear).slice(2)}`;

async function begin(forAccount = accountId) {
  const began = await testProvider.beginCardSetup({
    accountId: forAccount,
    customerRef: "",
    email: "billing@example.test",
    returnUrl: `${origin}/billing/payment-methods/added?reference={SETUP_REFERENCE}`,
    cancelUrl: `${origin}/billing/payment-methods`,
  });
  const session = new URL(began.redirectUrl, origin).searchParams.get("session") ?? "";
  return { ...began, session };
}

/** Posts the hosted page's form as a browser without scripts does. */
async function postCardForm(fields: Record<string, string>) {
  const response = await POST(
    new Request(`${origin}/test-provider/setup/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
  expect(response.status).toBe(303);
  const location = response.headers.get("location") ?? "";
  return { location, params: new URL(location, origin).searchParams };
}

const card = (number: string, cvc = "123") => ({
  number,
  expiry,
  cvc,
  name: "Ada Lovelace",
});

/** A card saved through the page, as the portal receives it back. */
async function savedCard(number: string, forAccount = accountId) {
  const { session } = await begin(forAccount);
  const submitted = submitCardSetup({
    session,
    ...card(number, number.length === 15 ? "1234" : "123"),
  });
  const reference = new URL(submitted.location, origin).searchParams.get("reference") ?? "";
  return testProvider.completeCardSetup({ accountId: forAccount, reference });
}

const chargeInput = (token: string, overrides: Partial<ChargeInput> = {}): ChargeInput => ({
  accountId,
  customerRef: "",
  token,
  amountMinor: 4_900,
  currency: "USD",
  idempotencyKey: randomUUID(),
  description: "Invoice INV-2026-11-0001",
  ...overrides,
});

describe("adding a card on the test provider's page", () => {
  it("sends the browser to the hosted page and back to the portal with a reference to the card", async () => {
    const began = await begin();
    expect(began.redirectUrl).toMatch(/^\/test-provider\/setup\?session=tps_[\w-]+\.[\w-]+$/);
    expect(began.customerRef).toBe(`cus_test_${accountId.replaceAll("-", "")}`);

    const { location, params } = await postCardForm({
      session: began.session,
      ...card("4242 4242 4242 4242", "314"),
    });
    expect(location).toMatch(/^\/billing\/payment-methods\/added\?reference=seti_test_/);
    const reference = params.get("reference") ?? "";
    expect(location).not.toContain("4242424242424242");
    expect(location).not.toContain("4242 4242");
    const payload = JSON.parse(
      Buffer.from(reference.slice("seti_test_".length).split(".")[0]!, "base64url").toString(),
    );
    expect(Object.keys(payload).sort()).toEqual(
      [
        "accountId",
        "behaviour",
        "brand",
        "exp",
        "expMonth",
        "expYear",
        "holderName",
        "last4",
        "setupId",
      ].sort(),
    );
    expect(JSON.stringify(payload)).not.toContain("314");

    const saved = await testProvider.completeCardSetup({ accountId, reference });
    expect(saved).toEqual({
      token: expect.stringMatching(/^tok_test_/),
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: futureYear,
      holderName: "Ada Lovelace",
    });
    // Following the same link back twice names the same card; another setup another card.
    expect(await testProvider.completeCardSetup({ accountId, reference })).toEqual(saved);
    expect((await savedCard("4242424242424242")).token).not.toBe(saved.token);
  });

  it("keeps a customer the portal already has", async () => {
    const began = await testProvider.beginCardSetup({
      accountId,
      customerRef: "cus_test_existing",
      email: "",
      returnUrl: "/billing/payment-methods/added?reference={SETUP_REFERENCE}",
      cancelUrl: "/billing/payment-methods",
    });
    expect(began.customerRef).toBe("cus_test_existing");
  });

  it("refuses to send the browser to another site", async () => {
    for (const url of ["//evil.example/x", "/\\evil.example/x", "javascript:alert(1)"]) {
      await expect(
        testProvider.beginCardSetup({
          accountId,
          customerRef: "",
          email: "",
          returnUrl: url,
          cancelUrl: "/billing/payment-methods",
        }),
      ).rejects.toThrow(/cannot send the browser/);
    }
    // A session naming another site is refused even when signed.
    const session = signTestProviderValue("session", {
      exp: setupExpiry(),
      accountId,
      returnUrl: "//evil.example/?r={SETUP_REFERENCE}",
      cancelUrl: "/billing/payment-methods",
    });
    const { location } = await postCardForm({ session, ...card("4242424242424242") });
    expect(location).toMatch(/^\/test-provider\/setup\?session=/);
  });

  it("refuses a number that fails the Luhn check or is no test card, keeping neither in the address", async () => {
    const { session } = await begin();
    const typo = await postCardForm({ session, ...card("4242 4242 4242 4241") });
    expect(typo.location).toMatch(/^\/test-provider\/setup\?/);
    expect(typo.params.get("number_error")).toBe("invalid");
    expect(typo.params.get("session")).toBe(session);
    expect(typo.params.get("expiry")).toBe(expiry);
    expect(typo.params.get("name")).toBe("Ada Lovelace");
    expect(typo.params.has("number")).toBe(false);
    expect(typo.params.has("cvc")).toBe(false);
    expect(typo.location).not.toContain("4241");

    // A real-looking Visa number (Luhn-valid) that is not one of the test cards.
    const real = await postCardForm({ session, ...card("4111-1111-1111-1111") });
    expect(real.params.get("number_error")).toBe("unknown");
    expect(real.location).not.toContain("4111");
  });

  it("refuses an expiry date in the past and a security code of the wrong length", async () => {
    const { session } = await begin();
    const past = await postCardForm({ session, ...card("4242424242424242"), expiry: "01/20" });
    expect(past.params.get("expiry_error")).toBe("past");
    expect(past.params.get("expiry")).toBe("01/20");

    const short = await postCardForm({ session, ...card("4242424242424242", "12") });
    expect(short.params.get("cvc_error")).toBe("three");
    const amex = await postCardForm({ session, ...card("3782 822463 10005", "123") });
    expect(amex.params.get("cvc_error")).toBe("four");
    expect(amex.params.get("number_error")).toBeNull();
  });

  it("refuses a tampered or expired page link", async () => {
    const { session } = await begin();
    const tampered = `${session.slice(0, -2)}${session.endsWith("AA") ? "BB" : "AA"}`;
    const forged = await postCardForm({ session: tampered, ...card("4242424242424242") });
    expect(forged.location).toBe(`/test-provider/setup?session=${encodeURIComponent(tampered)}`);

    const later = new Date(Date.now() + 61 * 60 * 1000);
    const expired = submitCardSetup({ session, ...card("4242424242424242"), now: later });
    expect(expired).toEqual({
      location: `/test-provider/setup?session=${encodeURIComponent(session)}`,
      saved: false,
    });
  });

  it("refuses a reference from another account, a tampered one and an expired one", async () => {
    const { session } = await begin();
    const { location } = submitCardSetup({ session, ...card("5555555555554444") });
    const reference = new URL(location, origin).searchParams.get("reference") ?? "";

    const foreign = await rejectionOf(
      testProvider.completeCardSetup({ accountId: otherAccountId, reference }),
    );
    expect(foreign).toBeInstanceOf(InvalidError);
    expect(foreign.message).toBe("This card setup was not started by your account.");

    const [body, signature] = reference.slice("seti_test_".length).split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString());
    const rewritten = Buffer.from(JSON.stringify({ ...payload, accountId: otherAccountId }));
    for (const bad of [
      `seti_test_${rewritten.toString("base64url")}.${signature}`,
      reference.replace("seti_test_", "tok_test_"),
      "seti_test_garbage",
    ]) {
      const refused = await rejectionOf(
        testProvider.completeCardSetup({ accountId: otherAccountId, reference: bad }),
      );
      expect(refused).toBeInstanceOf(InvalidError);
      expect(refused.message).toBe("This card setup link is not valid.");
    }

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60 * 1000);
    const expired = await rejectionOf(testProvider.completeCardSetup({ accountId, reference }));
    expect(expired.message).toBe("This card setup link is not valid.");
  });
});

describe("charging a saved test card", () => {
  it("answers as each test card does in Stripe's test mode", async () => {
    for (const testCard of testCards) {
      const saved = await savedCard(testCard.number);
      expect(saved).toMatchObject({ brand: testCard.brand, last4: testCard.number.slice(-4) });
      const outcome = await testProvider.charge(chargeInput(saved.token));
      if (testCard.behaviour === "succeeds") {
        expect(outcome).toEqual({
          status: "succeeded",
          providerPaymentId: expect.stringMatching(/^ch_test_/),
        });
      } else {
        expect(outcome).toEqual({
          status: "declined",
          ...testDeclines[testCard.behaviour],
          providerPaymentId: expect.stringMatching(/^ch_test_/),
        });
      }
    }
    const insufficient = await savedCard("4000000000009995");
    expect(await testProvider.charge(chargeInput(insufficient.token))).toMatchObject({
      code: "insufficient_funds",
      reason: "Your card has insufficient funds.",
    });
  });

  it("refuses another account's card and a forged token", async () => {
    const theirs = await savedCard("4242424242424242", otherAccountId);
    const refused = await rejectionOf(testProvider.charge(chargeInput(theirs.token)));
    expect(refused).toBeInstanceOf(InvalidError);
    expect(refused.message).toBe("This card is not one of your account's cards.");
    const forged = await rejectionOf(testProvider.charge(chargeInput("tok_test_abc.def")));
    expect(forged).toBeInstanceOf(InvalidError);
  });

  it("answers a repeated key with the first outcome and records one charge", async () => {
    const saved = await savedCard("4000000000000002");
    const input = chargeInput(saved.token);
    const first = await testProvider.charge(input);
    const repeats = await Promise.all([1, 2, 3].map(() => testProvider.charge(input)));
    for (const repeat of repeats) expect(repeat).toEqual(first);
    const rows = await getDb()
      .select()
      .from(testProviderCharges)
      .where(sql`${testProviderCharges.idempotencyKey} = ${input.idempotencyKey}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      token: saved.token,
      amountMinor: 4_900,
      currency: "usd",
      outcome: first,
    });
  });

  it("refuses a key reused with another amount or card", async () => {
    const saved = await savedCard("4242424242424242");
    const other = await savedCard("5555555555554444");
    const input = chargeInput(saved.token);
    await testProvider.charge(input);
    await expect(testProvider.charge({ ...input, amountMinor: 5_000 })).rejects.toThrow(
      /Keys for idempotent requests can only be used with the same parameters/,
    );
    await expect(testProvider.charge({ ...input, token: other.token })).rejects.toThrow(
      /same parameters/,
    );
  });

  it("forgets a card without a word", async () => {
    const saved = await savedCard("4242424242424242");
    await expect(testProvider.forgetCard({ accountId, token: saved.token })).resolves.toBe(
      undefined,
    );
  });
});

describe("what is stored", () => {
  it("holds no card number anywhere in the database", async () => {
    await savedCard("4242424242424242");
    const names = await rowsOf<{ name: string }>(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(names.map((table) => table.name)).toContain("test_provider_charges");
    const dump: string[] = [];
    for (const { name } of names) {
      const rows = await rowsOf<{ row: string }>(
        sql`select t::text as row from ${sql.identifier(name)} t`,
      );
      dump.push(...rows.map(({ row }) => row));
    }
    expect(dump.join("\n")).toContain("tok_test_");
    for (const testCard of testCards) {
      expect(dump.join("\n")).not.toContain(testCard.number);
    }
  });
});

/** PGlite and node-postgres both answer a raw query with its rows in `rows`. */
async function rowsOf<Row>(query: SQL): Promise<Row[]> {
  return ((await getDb().execute(query)) as unknown as { rows: Row[] }).rows;
}

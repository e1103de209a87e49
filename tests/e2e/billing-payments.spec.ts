import type { Page } from "@playwright/test";
import { adminState } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expect, test } from "./support/test";
import { adminPage, expectFieldError, expectToast } from "./support/users";

// Cards, card payments and manual payments as the first-run Administrator does them. The
// account is shared with the other specs and has one invoice a month, so the steps run in
// order on this month's invoice: a declined card and a cheque with scripts off, then the rest
// paid by card with scripts on.

test.use({ storageState: adminState });
test.describe.configure({ mode: "serial" });

/** Adds a card on the embedded test provider's page, as a person types it there. */
async function addTestCard(page: Page, number: string) {
  await page.goto("/billing/payment-methods");
  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page.getByRole("heading", { name: "Test payment provider" })).toBeVisible();
  await page.getByRole("textbox", { name: "Card number" }).fill(number);
  await page.getByLabel(/Expiry/).fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payment methods" })).toBeVisible();
  const last4 = number.slice(-4);
  await expectToast(page, new RegExp(`•••• ${last4} (added|was already saved)`));
  return last4;
}

/** Opens this month's invoice (issuing it when the month has none yet); returns its number. */
async function openThisMonthsInvoice(page: Page) {
  await page.goto("/billing/invoices");
  await page.getByRole("button", { name: "Issue this month's invoice now" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Invoice INV-\d{4}-\d{2}-\d{4}$/ });
  await expect(title).toBeVisible();
  return ((await title.textContent()) ?? "").replace("Invoice ", "").trim();
}

test.describe("with scripts off", () => {
  test.use({ javaScriptEnabled: false });

  test("adds a declining test card, is told why the payment failed, and records a cheque", async ({
    page,
  }) => {
    // A number that is not a test card is refused on the provider's page, and not echoed back.
    await page.goto("/billing/payment-methods");
    await page.getByRole("button", { name: "Add a card" }).click();
    await page.getByRole("textbox", { name: "Card number" }).fill("4111 1111 1111 1111");
    await page.getByLabel(/Expiry/).fill("12/34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByText(/Use a test card number/).first()).toBeVisible();
    // Neither the number nor the security code comes back, in the address or the form.
    const refusedAt = new URL(page.url());
    expect(refusedAt.href).not.toContain("4111");
    expect([...refusedAt.searchParams.keys()]).not.toContain("cvc");
    await expect(page.getByRole("textbox", { name: "Card number" })).toHaveValue("");
    await expect(page.getByLabel("Name on card")).toHaveValue("Ada Lovelace");

    const last4 = await addTestCard(page, "4000 0000 0000 0002");
    await expect(page.getByRole("row", { name: new RegExp(`Visa •••• ${last4}`) })).toBeVisible();

    const number = await openThisMonthsInvoice(page);
    await page.getByRole("radio", { name: new RegExp(`•••• ${last4}`) }).check();
    await page.getByRole("button", { name: /^Pay \$/ }).click();
    await expectToast(page, /was declined: Your card was declined\. Nothing was charged/);
    const payments = page.getByRole("table", { name: `Payments of invoice ${number}` });
    await expect(payments.getByRole("row", { name: /Declined/ })).toContainText(
      "Your card was declined.",
    );
    // Still open, with the whole amount due.
    await expect(page.getByText(/^\$[\d,.]+ is due\.$/)).toBeVisible();

    // A cheque for one dollar against it: a bad amount first, then the real one.
    await page.getByRole("link", { name: "Record a manual payment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a payment" })).toBeVisible();
    await page.getByLabel("Reference").fill("1042");
    await page.getByLabel("Amount (USD)").fill("1.005");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expectFieldError(
      page,
      "Amount (USD)",
      "Enter an amount in dollars and cents, such as 120.50.",
    );
    await expect(page.getByLabel("Reference")).toHaveValue("1042");
    await page.getByLabel("Amount (USD)").fill("1.00");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expectToast(page, "Cheque 1042 of $1.00 recorded");
    await expect(page.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
    await expect(payments.getByRole("row", { name: /Cheque 1042/ })).toContainText("Succeeded");
  });
});

test("pays the rest with a test card, once, and records a transfer as account credit", async ({
  page,
  browser,
}) => {
  const last4 = await addTestCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: `Make Visa •••• ${last4} the default` }).click();
  await expectToast(page, `Visa •••• ${last4} is now the default card`);
  await expect(page.getByRole("row", { name: new RegExp(`Visa •••• ${last4}`) })).toContainText(
    "Default",
  );

  await expectNoSeriousViolations(page, "/billing/payment-methods");
  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page.getByRole("heading", { name: "Test payment provider" })).toBeVisible();
  await expectNoSeriousViolations(page, "the test provider's card page");

  const number = await openThisMonthsInvoice(page);
  await expectNoSeriousViolations(page, "an invoice with its payment form");
  const due = await page.getByText(/ is due\.$/).textContent();
  // The default card is chosen already.
  await expect(page.getByRole("radio", { name: new RegExp(`•••• ${last4}`) })).toBeChecked();
  const pay = page.getByRole("button", { name: /^Pay \$/ });
  await waitForHydration(pay);
  await pay.click();
  await expectToast(page, new RegExp(`Paid \\$[\\d,.]+ with Visa •••• ${last4}`));
  await expect(page.getByText(/^Paid$/).first()).toBeVisible();
  const payments = page.getByRole("table", { name: `Payments of invoice ${number}` });
  await expect(payments.getByRole("row", { name: new RegExp(`Visa •••• ${last4}`) })).toContainText(
    "Succeeded",
  );
  expect(due).toMatch(/^\$[\d,.]+ is due\.$/);
  await expect(page.getByRole("button", { name: /^Pay \$/ })).toHaveCount(0);

  // A transfer with no invoice is kept as credit, and the ledger shows it.
  await page.goto("/billing/payments/new");
  await waitForHydration(page.getByRole("button", { name: "Record payment" }));
  await expectNoSeriousViolations(page, "/billing/payments/new");
  await page.getByLabel("Apply to").selectOption({ label: "Account credit (no invoice)" });
  await page.getByLabel("Method").selectOption({ label: "Bank transfer" });
  await page.getByLabel("Reference").fill("WIRE-77");
  await page.getByLabel("Amount (USD)").fill("25.00");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expectToast(page, "Bank transfer WIRE-77 of $25.00 recorded as account credit");
  await expect(page.getByRole("heading", { level: 1, name: "Billing activity" })).toBeVisible();
  await expect(page.getByText(/WIRE-77/).first()).toBeVisible();

  // Removing a card asks first.
  const other = await adminPage(browser);
  await other.goto("/billing/payment-methods");
  await other.getByRole("button", { name: /^Remove Visa •••• 0002$/ }).click();
  await other.getByRole("dialog").getByRole("button", { name: "Remove card" }).click();
  await expectToast(other, "Visa •••• 0002 removed");
  await other.context().close();
});

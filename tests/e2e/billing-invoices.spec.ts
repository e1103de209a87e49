import { adminState } from "./support/accounts";
import { expect, test } from "./support/test";
import { expectToast } from "./support/users";

// Invoices as the first-run Administrator sees them. The account is shared with the other
// specs and a month has one invoice, so this month's may be issued already: either way the
// button opens it.

test.use({ storageState: adminState });

test("issues this month's invoice from the Invoices page and shows its lines and total", async ({
  page,
}) => {
  await page.goto("/billing/plan");
  await page
    .getByRole("navigation", { name: "Billing" })
    .getByRole("link", { name: "Invoices" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();

  await page.getByRole("button", { name: "Issue this month's invoice now" }).click();
  await expectToast(page, /Invoice INV-\d{4}-\d{2}-\d{4} issued|was already issued/);
  const title = page.getByRole("heading", { level: 1, name: /^Invoice INV-\d{4}-\d{2}-\d{4}$/ });
  await expect(title).toBeVisible();
  const number = ((await title.textContent()) ?? "").replace("Invoice ", "").trim();

  const lines = page.getByRole("table", { name: `Lines of invoice ${number}` });
  await expect(
    lines.getByRole("row", { name: /plan: \d+ seats? × \$[\d,]+\.\d{2}/ }),
  ).toBeVisible();
  await expect(lines.getByRole("rowheader", { name: "Subtotal" })).toBeVisible();
  await expect(lines.getByRole("rowheader", { name: /^Tax \(\d+(\.\d+)? %\)$/ })).toBeVisible();
  const total = lines.getByRole("row", { name: /^Total / });
  await expect(total).toContainText(/\$[\d,]+\.\d{2}/);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // The list shows it with its status and amounts.
  await page.getByRole("link", { name: "All invoices" }).click();
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toBeVisible();
  await expect(row.getByText(/^(Open|Paid|Void)$/)).toBeVisible();
});

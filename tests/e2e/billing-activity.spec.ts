import fs from "node:fs/promises";
import { adminState } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { expect, type Page, test } from "./support/test";

// The Billing activity ledger as the first-run Administrator sees it. The account is shared
// with the other specs, so this month's invoice may be issued already: either way the
// Invoices page's button makes sure there is one to find.

test.use({ storageState: adminState });

const csvHeader = "Date,Description,Charges,Payments/credits,Balance,Currency,Note";
const ledger = (page: Page) => page.getByRole("table", { name: "Billing activity" });

/** Issues this month's invoice (or finds it issued) and answers its number. */
async function thisMonthsInvoice(page: Page): Promise<string> {
  await page.goto("/billing/invoices");
  await page.getByRole("button", { name: "Issue this month's invoice now" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Invoice INV-\d{4}-\d{2}-\d{4}$/ });
  await expect(title).toBeVisible();
  return ((await title.textContent()) ?? "").replace("Invoice ", "").trim();
}

/** Clicks Export CSV and answers the downloaded file's name and text. */
async function exportCsv(page: Page) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const text = await fs.readFile(await download.path(), "utf8");
  return { fileName: download.suggestedFilename(), text: text.replace(/^\uFEFF/, "") };
}

test("lists the invoices with the balance, filters by type and exports the filtered CSV", async ({
  page,
}, testInfo) => {
  const number = await thisMonthsInvoice(page);
  await page
    .getByRole("navigation", { name: "Billing" })
    .getByRole("link", { name: "Billing activity" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing activity" })).toBeVisible();
  await expect(page.getByText(/^(Balance due|Credit) \$[\d,]+\.\d{2}$/)).toBeVisible();
  const columns = ledger(page).getByRole("columnheader");
  await expect(columns).toHaveText([
    "Date",
    "Description",
    "Charges",
    "Payments/credits",
    "Balance",
  ]);
  const charge = ledger(page).getByRole("row", {
    name: new RegExp(`Invoice ${number}(?! voided)`),
  });
  await expect(charge).toBeVisible();
  await expect(charge.getByRole("cell").nth(2)).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await page.screenshot({ path: testInfo.outputPath("billing-activity.png"), fullPage: true });
  await expectNoSeriousViolations(page, "Billing activity");

  await page.getByLabel("Type").selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((url) => url.searchParams.get("type") === "payments");
  await expect(page.getByLabel("Type")).toHaveValue("payments");
  await expect(charge).toHaveCount(0);

  await page.getByLabel("Type").selectOption({ label: "Charges" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((url) => url.searchParams.get("type") === "charges");
  await expect(charge).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/billing/activity/export?type=charges",
  );

  const { fileName, text } = await exportCsv(page);
  expect(fileName).toMatch(/^billing-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = text.split("\r\n");
  expect(header).toBe(csvHeader);
  expect(records.at(-1)).toBe("");
  expect(records.some((record) => record.includes(`,Invoice ${number},`))).toBe(true);
  // Only charges: every record has an amount in Charges and none in Payments/credits.
  for (const record of records.slice(0, -1)) {
    expect(record).toMatch(/^\d{4}-\d{2}-\d{2},Invoice INV-[\d-]+,\d+\.\d{2},,-?\d+\.\d{2},USD,$/);
  }
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("filters by dates with the plain form and exports the CSV", async ({ page }) => {
    await thisMonthsInvoice(page);
    await page.goto("/billing/activity");
    await expect(page.getByRole("heading", { level: 1, name: "Billing activity" })).toBeVisible();
    await page.getByLabel("From").fill("2000-01-01");
    await page.getByLabel("To").fill("2000-01-31");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("to") === "2000-01-31");
    await expect(page.getByText("No billing activity matches these filters")).toBeVisible();
    // The balance is the account's whatever the filters show.
    await expect(page.getByText(/^(Balance due|Credit) \$[\d,]+\.\d{2}$/)).toBeVisible();

    const { text } = await exportCsv(page);
    expect(text).toBe(`${csvHeader}\r\n`);

    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(
      ledger(page)
        .getByRole("row", { name: /Invoice INV-/ })
        .first(),
    ).toBeVisible();
    const all = await exportCsv(page);
    expect(all.text.startsWith(`${csvHeader}\r\n`)).toBe(true);
    expect(all.text).toMatch(/\r\n\d{4}-\d{2}-\d{2},Invoice INV-/);
  });
});

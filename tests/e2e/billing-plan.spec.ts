import { adminState } from "./support/accounts";
import { type Browser, expect, type Page, test } from "./support/test";
import { adminPage, expectFieldError, expectToast } from "./support/users";

// Plans and resources as the first-run Administrator uses them: choose, preview the new
// monthly total and the prorated charge or credit, confirm. The account is shared with the
// other specs, so these tests move only between Team and Enterprise, which refuse nothing.

test.use({ storageState: adminState });
test.describe.configure({ mode: "serial" });

const plansWithoutLimits = ["Team", "Enterprise"] as const;

/** The plan the account is on now, as the page's heading says. */
async function currentPlan(page: Page): Promise<string> {
  const heading = page.getByRole("heading", { name: /^Current plan: / });
  await expect(heading).toBeVisible();
  return ((await heading.textContent()) ?? "").replace("Current plan: ", "").trim();
}

async function previewOtherPlan(page: Page, extraPhoneNumbers: string) {
  await page.goto("/billing/plan");
  const current = await currentPlan(page);
  const target = current === "Enterprise" ? "Team" : "Enterprise";
  await page.getByRole("radio", { name: new RegExp(`^${target}`) }).check();
  await page.getByLabel("Extra phone numbers", { exact: true }).fill(extraPhoneNumbers);
  await page.getByRole("button", { name: "Preview change" }).click();

  const preview = page.getByRole("region", { name: `Preview: ${target}` });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("New monthly total")).toBeVisible();
  await expect(preview.getByText(/(Charge|Credit) for the rest of this month/)).toBeVisible();
  await expect(preview.getByText(/\$[\d,]+\.\d{2}/).first()).toBeVisible();
  // Nothing chosen is lost: the form shows the choices the preview was made from.
  await expect(page.getByRole("radio", { name: new RegExp(`^${target}`) })).toBeChecked();
  await expect(page.getByLabel("Extra phone numbers", { exact: true })).toHaveValue(
    extraPhoneNumbers,
  );
  // Previewing changes nothing yet.
  await expect(page.getByRole("heading", { name: `Current plan: ${current}` })).toBeVisible();
  return { preview, target };
}

async function confirmAndCheck(page: Page, target: string, extraPhoneNumbers: string) {
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expectToast(
    page,
    new RegExp(`Plan changed to ${target}: (a charge of|a credit of|nothing)`),
  );
  // Without scripts the browser keeps the preview's #preview fragment across the redirect.
  await expect(page).toHaveURL(/\/billing\/plan(#preview)?$/);
  await expect(page.getByRole("heading", { name: `Current plan: ${target}` })).toBeVisible();
  const row = page.getByRole("row", { name: /Phone numbers/ });
  if (extraPhoneNumbers !== "0") await expect(row).toContainText(extraPhoneNumbers);
}

test("shows Billing in the sidebar and the plan with its use and monthly total", async ({
  page,
}) => {
  await page.goto("/users");
  await page.getByRole("link", { name: "Billing" }).click();
  // Without scripts the browser keeps the preview's #preview fragment across the redirect.
  await expect(page).toHaveURL(/\/billing\/plan(#preview)?$/);
  expect(plansWithoutLimits).toContain(await currentPlan(page));
  await expect(page.getByRole("row", { name: /Instances/ })).toBeVisible();
  await expect(page.getByText(/Monthly total \$[\d,]+\.\d{2}/)).toBeVisible();
});

test("changes the plan after a preview, with scripts", async ({ page }) => {
  const { target } = await previewOtherPlan(page, "3");
  await confirmAndCheck(page, target, "3");
});

test.describe("without JavaScript", () => {
  async function noScriptPage(browser: Browser) {
    return adminPage(browser, { javaScriptEnabled: false });
  }

  test("changes the plan after a preview", async ({ browser }) => {
    const page = await noScriptPage(browser);
    const { target } = await previewOtherPlan(page, "0");
    await confirmAndCheck(page, target, "0");
    await page.context().close();
  });

  test("keeps what was typed when a plan does not sell an add-on", async ({ browser }) => {
    const page = await noScriptPage(browser);
    await page.goto("/billing/plan");
    const current = await currentPlan(page);
    await page.getByRole("radio", { name: /^Starter/ }).check();
    await page.getByLabel("Extra instances", { exact: true }).fill("2");
    await page.getByRole("button", { name: "Preview change" }).click();
    await expectFieldError(page, "Extra instances", "The Starter plan sells no extra instances");
    await expect(page.getByLabel("Extra instances", { exact: true })).toHaveValue("2");
    await expect(page.getByRole("radio", { name: /^Starter/ })).toBeChecked();
    await expect(page.getByRole("button", { name: "Confirm change" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: `Current plan: ${current}` })).toBeVisible();
    await page.context().close();
  });
});

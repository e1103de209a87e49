import { adminState, createUserViaForm, userPassword } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import { expectFieldError, expectToast, freshContext, uniqueName } from "./support/users";

// The User Manager as a new Administrator meets it: one delete dialog that fits, row
// actions in view, focus where the work is, every mistake in one Save, and no edits
// thrown away without asking.

test.use({ storageState: adminState });

async function listedUser(page: Page, prefix: string) {
  const userName = uniqueName(prefix);
  await createUserViaForm(page, { userName, email: `${userName}@example.test` });
  return userName;
}

for (const [width, height] of [
  [390, 844],
  [1280, 800],
  [1920, 1080],
] as const) {
  test(`the row delete dialog fits its text at ${width}px and Escape returns focus`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    const userName = await listedUser(page, "fits");
    await page.goto(`/users?q=${userName}`);
    const trash = page.getByRole("link", { name: `Delete ${userName}` });
    await waitForHydration(page.getByRole("button", { name: "Search" }));
    await expect(trash).toBeInViewport();
    await trash.click();
    const dialog = page.getByRole("dialog", { name: `Delete user ${userName}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Account activity keeps what they did.");
    const box = (await dialog.boundingBox())!;
    const widest = await dialog.evaluate((node) =>
      Math.max(...[...node.querySelectorAll("*")].map((child) => child.scrollWidth)),
    );
    expect(widest).toBeLessThanOrEqual(box.width);
    const titleAlign = await dialog
      .getByRole("heading")
      .evaluate((node) => getComputedStyle(node).textAlign);
    expect(["left", "start"]).toContain(titleAlign);
    await page.screenshot({ path: testInfo.outputPath(`delete-dialog-${width}.png`) });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trash).toBeFocused();
  });
}

test("the row actions are visible without scrolling at 1280 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/users");
  const firstDelete = page.locator("a[data-delete-user]").first();
  await expect(firstDelete).toBeInViewport({ ratio: 1 });
});

test("Add New and opening a user put focus on the details", async ({ page }) => {
  await page.goto("/users");
  await waitForHydration(page.getByRole("button", { name: "Add New" }));
  await page.getByRole("button", { name: "Add New" }).click();
  await page.waitForURL(/\/users\/new/);
  await expect(page.getByRole("heading", { name: "New User" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("User Name")).toBeFocused();
});

test("one Save reports every mistake, the taken user name included, and blur marks nothing", async ({
  page,
}) => {
  const taken = await listedUser(page, "taken");
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("User Name").fill(taken);
  await page.getByLabel("Email", { exact: true }).fill("not an email");
  await page.getByLabel("Email", { exact: true }).press("Tab");
  // Leaving a field marks nothing before the first Save.
  await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await page.getByLabel("New Password").fill("short");
  await page.getByLabel("Phone").fill("12");
  await page.getByLabel("Extension").fill("12ab");
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "User Name", "This user name is already in use.");
  await expectFieldError(page, "Email", "Enter a valid email address.");
  await expect(page.getByLabel("New Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Extension")).toHaveAttribute("aria-invalid", "true");
});

test("a phone number without its country code shows how it will be stored", async ({ page }) => {
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Phone").fill("503 555 0199");
  await expect(page.getByLabel("Phone")).toHaveAccessibleDescription(
    /Will be saved as \+1 503 555 0199/,
  );
});

test("leaving unsaved edits asks first; staying keeps them", async ({ page }) => {
  const first = await listedUser(page, "guard");
  const second = await listedUser(page, "guard");
  await page.goto(`/users?q=${first.split("-")[0]}`);
  await page.getByRole("link", { name: first, exact: true }).click();
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Title").fill("Unsaved title");
  let asked = 0;
  page.once("dialog", async (dialog) => {
    asked += 1;
    expect(dialog.message()).toContain("unsaved changes");
    await dialog.dismiss();
  });
  const url = page.url();
  await page.getByRole("link", { name: second, exact: true }).click();
  await expect.poll(() => asked).toBe(1);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Title")).toHaveValue("Unsaved title");
  // Choosing to leave goes on.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("link", { name: second, exact: true }).click();
  await expect(page.getByRole("heading", { name: second })).toBeVisible();
});

test("Save keeps the user open; a new user is selected; Inactivate keeps the search", async ({
  page,
}) => {
  const prefix = uniqueName("landing");
  await page.goto(`/users/new?q=${prefix}`);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  const userName = `${prefix}-a`;
  await page.getByLabel("User Name").fill(userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("Email", { exact: true }).fill(`${userName}@example.test`);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\?.*q=/);
  const row = page.locator('[data-user-list] tr[aria-current="true"]');
  await expect(row).toContainText(userName);
  await expect(row).toBeInViewport();

  await page.getByLabel("Title").fill("Saved and still here");
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User saved");
  await expect(page.getByRole("heading", { name: userName })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Saved and still here");

  await page.getByRole("button", { name: "Inactivate" }).click();
  await expectToast(page, "User inactivated");
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search users" })).toHaveValue(prefix);
});

test("Active and Inactive are tabs with counts; columns sort", async ({ page }) => {
  await page.goto("/users");
  const tabs = page.getByRole("navigation", { name: "User status" });
  await expect(tabs.getByRole("link", { name: /Active \d+/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await tabs.getByRole("link", { name: /Inactive \d+/ }).click();
  await expect(page).toHaveURL(/status=inactive/);
  await page.goto("/users");
  await page.getByRole("link", { name: /^Last Name/ }).click();
  await expect(page).toHaveURL(/sort=lastName/);
  await expect(page.getByRole("columnheader", { name: /Last Name/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await page.getByRole("link", { name: /^Last Name/ }).click();
  await expect(page.getByRole("columnheader", { name: /Last Name/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page.getByText(/Page 1 of \d+ · \d+ active users?/)).toBeVisible();
});

test("without scripts a refused Add New keeps the ticked groups", async ({ browser }) => {
  const context = await freshContext(browser, {
    javaScriptEnabled: false,
    storageState: adminState,
  });
  const page = await context.newPage();
  await page.goto("/groups/new");
  const groupName = uniqueName("Kept");
  await page.getByLabel("Name").fill(groupName);
  await page.getByRole("button", { name: "Save" }).click();
  await page.goto("/users/new");
  await page.getByLabel(groupName).check();
  await page.getByLabel("User Name").fill(uniqueName("nojs"));
  await page.getByRole("button", { name: "Save" }).click();
  // Refused (no password, no email): the box is still ticked.
  await expect(page.getByLabel(groupName)).toBeChecked();
  await context.close();
});

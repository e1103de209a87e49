import { admin, adminState } from "./support/accounts";
import { expect, test as setup } from "./support/test";

setup("first run creates the organization, signs in and asks for the licence", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Organization name").fill(admin.organization);
  await page.getByLabel("User name").fill(admin.userName);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(page).toHaveURL(/\/licence/);
  await expect(page.getByRole("heading", { name: "Licence agreement" })).toBeVisible();
  await page.getByRole("button", { name: "I accept" }).click();
  await expect(page).toHaveURL(/\/users/);
  await expect(page.getByText(admin.organization)).toBeVisible();

  const setupAgain = await page.request.get("/setup");
  expect(setupAgain.status()).toBe(404);
  await page.context().storageState({ path: adminState });
});

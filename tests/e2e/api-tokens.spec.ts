import type { APIRequest, APIRequestContext } from "@playwright/test";
import { adminState } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import { adminPage, expectFieldError, expectToast, uniqueName } from "./support/users";

// API tokens as the first-run Administrator makes them on /integrations/tokens, then as
// another system uses them: Authorization: Bearer sbk_… on the REST API.

test.use({ storageState: adminState });

/**
 * A request context without the Administrator's session cookie (the `request` fixture
 * would carry the file's storageState), so only the token can let a request in.
 */
function apiClient(playwright: { request: APIRequest }, baseURL: string | undefined) {
  return playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
}

const listUsers = (api: APIRequestContext, token: string) =>
  api.get("/api/v1/users", { headers: { authorization: `Bearer ${token}` } });

/** Fills in the New token form and creates it; returns the token shown once. */
async function createToken(page: Page, name: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Users: View", { exact: true }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "it will not be shown again",
  );
  const token = await page.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^sbk_[A-Za-z0-9_-]{22,}$/);
  return token;
}

test("creates a token that is shown once, works on the REST API, and stops working when revoked", async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await apiClient(playwright, baseURL);
  const name = uniqueName("CRM sync");

  await page.goto("/integrations/tokens");
  await page.getByRole("button", { name: "New token" }).click();
  await expect(page).toHaveURL(/\/integrations\/tokens\/new$/);
  const create = page.getByRole("button", { name: "Create token" });
  await waitForHydration(create);

  // Refused first: no scope chosen. What was typed stays.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await create.click();
  await expectFieldError(page, "Users: View", "Choose at least one scope.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  const token = await createToken(page, name);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  // The list beside the form shows the new token by its prefix, never in full.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 10)}…`);
  await expect(row).toContainText("Active");

  // No session, no token: refused. With the token: let in.
  expect((await api.get("/api/v1/users")).status()).toBe(401);
  const allowed = await listUsers(api, token);
  expect(allowed.status(), await allowed.text()).toBe(200);

  // Once the page is left, the token is nowhere to be seen again.
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/integrations\/tokens\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(token);
  await expect(page.getByRole("main")).toContainText("Users: View");
  // The request made with it shows as its last use, with the address it came from.
  await page.reload();
  await expect(page.getByRole("main")).toContainText("from 127.0.0.1");

  const revoke = page.getByRole("button", { name: "Revoke" });
  await waitForHydration(revoke);
  await revoke.click();
  const dialog = page.getByRole("dialog", { name: `Revoke token ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expectToast(page, `Token ${name} revoked`);
  await expect(page.getByRole("main").getByText("Revoked", { exact: true }).first()).toBeVisible();

  // The very next request with it is refused.
  expect((await listUsers(api, token)).status()).toBe(401);
  await api.dispose();
});

test("creates and revokes a token without JavaScript", async ({ browser, playwright, baseURL }) => {
  const page = await adminPage(browser, { javaScriptEnabled: false });
  const api = await apiClient(playwright, baseURL);
  const name = uniqueName("nojs token");

  await page.goto("/integrations/tokens/new");
  // The server's checks answer a plain post, keeping what was typed.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Expires").fill("2000-01-01");
  await page.getByRole("button", { name: "Create token" }).click();
  await expectFieldError(page, "Expires", "Choose a date after today.");
  await expectFieldError(page, "Users: View", "Choose at least one scope.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  await page.getByLabel("Expires").fill("");
  const token = await createToken(page, name);
  // The page that showed it was the answer to a post: its URL does not carry the token.
  expect(page.url()).not.toContain(token);
  expect((await listUsers(api, token)).status()).toBe(200);

  await page.goto("/integrations/tokens");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("main")).not.toContainText(token);
  // Without scripts Revoke opens the confirmation page.
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page).toHaveURL(/\/integrations\/tokens\/[0-9a-f-]{36}\/revoke\??$/);
  await page.getByRole("button", { name: "Revoke" }).click();
  await expectToast(page, `Token ${name} revoked`);

  expect((await listUsers(api, token)).status()).toBe(401);
  await api.dispose();
  await page.context().close();
});

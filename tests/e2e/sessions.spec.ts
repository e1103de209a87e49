import { adminState } from "./support/accounts";
import { expect, test } from "./support/test";
import { createUser, freshContext, signedInPage } from "./support/users";

// A session that ended stays ended: after sign-out the old cookie is refused by every
// page and by Auth.js's own session endpoint, however often it is polled.

test.use({ storageState: adminState });

test("a signed-out session cookie is refused by pages and by the session endpoint", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "signout");
  const userPage = await signedInPage(browser, user.userName, user.password);
  const context = userPage.context();
  const before = await context.request.get("/api/auth/session");
  expect((await before.json())?.user?.id).toBeTruthy();
  const stolen = await context.cookies();

  await userPage.locator("header summary").click();
  await userPage.getByRole("button", { name: "Sign out" }).click();
  await userPage.waitForURL(/\/sign-in/);

  // Someone who copied the cookie before sign-out tries it again and again.
  const thief = await freshContext(browser);
  await thief.addCookies(stolen);
  for (let poll = 0; poll < 3; poll++) {
    const response = await thief.request.get("/api/auth/session");
    expect(response.status()).toBe(200);
    expect(await response.json()).toBeNull();
  }
  const users = await thief.request.get("/profile", { maxRedirects: 0 });
  expect(users.status()).toBe(307);
  expect(users.headers().location).toMatch(/^\/sign-in\?/);
  await thief.close();
  await context.close();
});

test("the session endpoint drops the cookie of an inactivated user", async ({ page, browser }) => {
  const user = await createUser(page, "polled");
  const userPage = await signedInPage(browser, user.userName, user.password);
  const request = userPage.context().request;
  expect((await (await request.get("/api/auth/session")).json())?.user?.id).toBeTruthy();

  await page.goto(`/users?q=${user.userName}`);
  await page.getByRole("link", { name: user.userName, exact: true }).click();
  await page.getByRole("button", { name: "Inactivate" }).click();
  await expect(page.getByRole("status")).toContainText("User inactivated");

  // The next page says the session ended…
  await userPage.goto("/profile");
  await expect(userPage).toHaveURL(/\/sign-in\?.*notice=session-ended/);
  await expect(userPage.getByText("Your session ended.")).toBeVisible();
  // …and the session endpoint deletes the cookie rather than renewing it.
  const after = await request.get("/api/auth/session");
  expect(await after.json()).toBeNull();
  expect(after.headers()["set-cookie"] ?? "").toMatch(/authjs\.session-token=;/);
  await userPage.context().close();
});

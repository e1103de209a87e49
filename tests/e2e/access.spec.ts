import { adminState } from "./support/accounts";
import { deleteFormFields } from "./support/crafted-post";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import {
  adminPage,
  createUser,
  expectToast,
  openUser,
  signedInPage,
  type TestUser,
} from "./support/users";

test.use({ storageState: adminState });

/** A User (not an Administrator) signed in on a page of their own. */
async function signInAsUser(page: Page, browser: Parameters<typeof signedInPage>[0]) {
  const user = await createUser(page, "plain");
  const userPage = await signedInPage(browser, user.userName, user.password);
  return { user, userPage };
}

test("a User gets the Not allowed page with HTTP 403 on every User Manager page", async ({
  page,
  browser,
}) => {
  const other = await createUser(page, "other");
  const otherId = await openUser(page, other.userName);
  const { userPage } = await signInAsUser(page, browser);

  for (const path of [
    "/users",
    "/users/new",
    `/users/${otherId}`,
    `/users/${otherId}/delete`,
    `/users/${otherId}/permissions`,
  ]) {
    const response = await userPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(userPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(userPage.getByRole("main")).toHaveCount(1);
    await expect(userPage.getByText(other.userName)).toHaveCount(0);
  }
  await userPage.context().close();
});

test("a User's navigation has no Users link; Account Activity and Profile open", async ({
  page,
  browser,
}) => {
  const { user, userPage } = await signInAsUser(page, browser);
  await userPage.goto("/");
  await expect(userPage).toHaveURL(/\/activity$/);
  const nav = userPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account Activity" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Profile" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  const profile = await userPage.goto("/profile");
  expect(profile?.status()).toBe(200);
  await expect(userPage.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(userPage.getByText(`Signed in as ${user.userName} · User.`)).toBeVisible();
  await userPage.context().close();
});

test("a User's Account Activity shows only rows about them", async ({ page, browser }) => {
  const { user, userPage } = await signInAsUser(page, browser);
  // Something about someone else, after the User exists.
  const stranger = await createUser(page, "stranger");

  const response = await userPage.goto("/activity");
  expect(response?.status()).toBe(200);
  const rows = userPage.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: "User created" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Licence accepted" })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText(user.userName);
  }
  await expect(userPage.getByRole("main")).not.toContainText(stranger.userName);
  await userPage.context().close();
});

test("refuses a User's crafted post of the delete form", async ({ page, browser, baseURL }) => {
  const admin = await adminPage(browser, { javaScriptEnabled: false });
  const victim: TestUser = await createUser(page, "victim");
  const control: TestUser = await createUser(page, "control");
  const victimId = await openUser(page, victim.userName);
  const controlId = await openUser(page, control.userName);
  const headers = { origin: baseURL ?? "" };

  // The same crafted post from an Administrator does delete: the request itself is sound.
  const controlFields = await deleteFormFields(admin, controlId);
  const allowed = await admin.request.post(`/users/${controlId}/delete`, {
    multipart: controlFields,
    headers,
    maxRedirects: 0,
  });
  expect(allowed.status()).toBe(303);
  expect((await admin.request.get(`/users/${controlId}`)).status()).toBe(404);

  const { userPage } = await signInAsUser(page, browser);
  const victimFields = await deleteFormFields(admin, victimId);
  const refused = await userPage.request.post(`/users/${victimId}/delete`, {
    multipart: victimFields,
    headers,
    maxRedirects: 0,
  });
  // Refused, not redirected as after a delete. (Next.js answers a forbidden() thrown by a
  // plain-form server action with its not-found page, so 404 is accepted as well.)
  expect([403, 404]).toContain(refused.status());
  const stillThere = await admin.goto(`/users/${victimId}`);
  expect(stillThere?.status()).toBe(200);
  await expect(admin.getByLabel("User Name")).toHaveValue(victim.userName);
  await Promise.all([admin.context().close(), userPage.context().close()]);
});

test("a User changes their own details on the profile page, which has no Role or Active", async ({
  page,
  browser,
}) => {
  const { user, userPage } = await signInAsUser(page, browser);
  await userPage.goto("/profile");
  const save = userPage.getByRole("button", { name: "Save" });
  await waitForHydration(save);
  await expect(userPage.getByLabel("Role")).toHaveCount(0);
  await expect(userPage.getByLabel("Active")).toHaveCount(0);
  await expect(userPage.getByRole("combobox")).toHaveCount(0);
  await expect(userPage.getByRole("checkbox")).toHaveCount(0);

  await userPage.getByLabel("First Name").fill("Dorothy");
  await userPage.getByLabel("Last Name").fill("Vaughan");
  await userPage.getByLabel("Title").fill("Operator");
  await userPage.getByLabel("Phone").fill("+44 20 7946 0958");
  // Fields the page does not offer are ignored, even when added to the post.
  await userPage.locator("form", { has: save }).evaluate((form) => {
    for (const [name, value] of [
      ["role", "administrator"],
      ["active", "false"],
      ["userName", "renamed-by-profile"],
    ] as const) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
  });
  await save.click();
  await expectToast(userPage, "Profile saved");

  await userPage.reload();
  await expect(userPage.getByLabel("First Name")).toHaveValue("Dorothy");
  await expect(userPage.getByLabel("Last Name")).toHaveValue("Vaughan");
  await expect(userPage.getByLabel("Title")).toHaveValue("Operator");
  await expect(userPage.getByLabel("Phone")).toHaveValue("+44 20 7946 0958");
  await expect(userPage.getByRole("banner")).toContainText("Dorothy Vaughan");
  await expect(userPage.getByText(`Signed in as ${user.userName} · User.`)).toBeVisible();
  expect((await userPage.goto("/users"))?.status()).toBe(403);
  await userPage.context().close();
});

test("Account Activity points out a To date before the From date", async ({ page }) => {
  await page.goto("/activity?from=2026-05-02&to=2026-05-01");
  const to = page.getByLabel("To", { exact: true });
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveAccessibleDescription(/The To date is before the From date/);
  await expect(page.getByText("No activity matches these filters")).toBeVisible();
});

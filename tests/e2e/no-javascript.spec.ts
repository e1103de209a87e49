import { adminState, userPassword } from "./support/accounts";
import { type Browser, expect, test } from "./support/test";
import {
  adminPage,
  createUser,
  expectFieldError,
  expectToast,
  freshContext,
  openUser,
  uniqueName,
} from "./support/users";

// Every form must work as a plain HTML form: server validation, redirects, the
// toast rendered by the server, and a confirmation page instead of the dialog.
test.use({ javaScriptEnabled: false, storageState: adminState });

/** Users to work on are made with scripts on, so each test covers one form only. */
async function userMadeWithScripts(browser: Browser, prefix: string) {
  const page = await adminPage(browser, { javaScriptEnabled: true });
  const user = await createUser(page, prefix);
  await page.context().close();
  return user;
}

test("adds a user: the server's validation errors first, then the saved user", async ({ page }) => {
  const userName = uniqueName("nojs-add");
  await page.goto("/users/new");
  await page.getByLabel("User Name").fill(userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("First Name").fill("Katherine");
  await page.getByLabel("Email", { exact: true }).fill("katherine at example");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Check the highlighted fields.",
  );
  await expectFieldError(page, "Email", "Enter a valid email address.");
  await expect(page.getByLabel("User Name")).toHaveValue(userName);
  await expect(page.getByLabel("First Name")).toHaveValue("Katherine");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("katherine at example");
  // Passwords are never sent back to the browser.
  await expect(page.getByLabel("New Password")).toHaveValue("");

  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("Email", { exact: true }).fill(`${userName}@example.test`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\?/);
  await expectToast(page, "User created");

  // A new user is active unless the Active box was cleared.
  await page.goto(`/users?q=${userName}`);
  await expect(page.getByRole("link", { name: userName, exact: true })).toBeVisible();
});

test("edits a user without changing what was not touched", async ({ page, browser }) => {
  const user = await userMadeWithScripts(browser, "nojs-edit");
  await openUser(page, user.userName);
  await expect(page.getByLabel("Active")).toBeChecked();
  await page.getByLabel("Last Name").fill("Johnson");
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User saved");

  await openUser(page, user.userName);
  await expect(page.getByLabel("Last Name")).toHaveValue("Johnson");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(page.getByLabel("Active")).toBeChecked();
});

test("inactivates a user", async ({ page, browser }) => {
  const user = await userMadeWithScripts(browser, "nojs-off");
  await openUser(page, user.userName);
  await page.getByRole("button", { name: "Inactivate" }).click();
  await expectToast(page, "User inactivated");
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await openUser(page, user.userName, "inactive");
});

test("deletes a user through the confirmation page; Cancel keeps them", async ({
  page,
  browser,
}) => {
  const user = await userMadeWithScripts(browser, "nojs-del");
  await page.goto(`/users?q=${user.userName}`);
  await page.getByRole("link", { name: `Delete ${user.userName}` }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\/delete/);
  await expect(page.getByRole("heading", { name: `Delete user ${user.userName}?` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\?q=/);
  await expect(page.getByLabel("User Name")).toHaveValue(user.userName);

  await page.goto(`/users?q=${user.userName}`);
  await page.getByRole("link", { name: `Delete ${user.userName}` }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/users(\?|$)/);
  await expectToast(page, "User deleted");
  await page.goto(`/users?q=${user.userName}`);
  await expect(page.getByText("No users match your search")).toBeVisible();
});

test("signs in and accepts the licence without JavaScript", async ({ browser, baseURL }) => {
  const user = await userMadeWithScripts(browser, "nojs-in");
  const context = await freshContext(browser);
  const visitor = await context.newPage();

  await visitor.goto("/sign-in");
  await visitor.getByLabel("User name or email").fill(user.userName);
  await visitor.getByLabel("Password").fill("not the password at all");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByRole("main").getByRole("alert")).toHaveText(
    "The user name or password is incorrect.",
  );
  await expect(visitor.getByLabel("User name or email")).toHaveValue(user.userName);

  // An off-site callbackUrl is dropped here too.
  await visitor.goto(`/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
  await visitor.getByLabel("User name or email").fill(user.userName);
  await visitor.getByLabel("Password").fill(user.password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(new RegExp(`^${baseURL}/licence`));
  await visitor.getByRole("button", { name: "I accept" }).click();
  await expect(visitor).toHaveURL(`${baseURL}/activity`);
  await expect(visitor.getByRole("heading", { name: "Account Activity" })).toBeVisible();
  await context.close();
});

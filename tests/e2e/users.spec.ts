import path from "node:path";
import { admin, adminState, userPassword } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import {
  createUser,
  expectFieldError,
  expectToast,
  openUser,
  uniqueName,
  userIdFrom,
} from "./support/users";

test.use({ storageState: adminState });

const screenshots = path.join(import.meta.dirname, ".screenshots");

async function openNewUserForm(page: Page) {
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
}

test("saves a user with every field and shows each value when reopened", async ({ page }) => {
  const userName = uniqueName("full");
  const email = `ada.${userName}@example.test`;
  const template = "https://dialer.example/call?phone=[Field:PhoneNumber]&ext=[Field:Ext]";

  await openNewUserForm(page);
  await page.getByLabel("User Name").fill(userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("First Name").fill("Ada");
  await page.getByLabel("Last Name").fill("Lovelace");
  await page.getByLabel("Alias").fill("Countess");
  await page.getByLabel("Title").fill("Analyst");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page
    .getByLabel("Available From Email")
    .fill("sales@example.test, Support@example.test; SALES@example.test, sales@example.test");
  await page.getByLabel("Phone").fill("(212) 555-0100");
  await page.getByLabel("Extension").fill("204");
  await page.getByLabel("Address").fill("12 Analytical Row\nLondon");
  await page.getByLabel("Color").fill("#aa3355");
  await page.getByLabel("Click To Dial").fill(template);
  await expect(page.getByText("Preview for this user's phone:")).toBeVisible();
  await expect(
    page.getByRole("link", { name: "https://dialer.example/call?phone=%2B12125550100&ext=204" }),
  ).toBeVisible();
  await page.getByLabel("Role").selectOption({ label: "Administrator" });
  await page.getByRole("button", { name: "Save" }).click();

  // The new user opens, selected in the list.
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\?/);
  await expectToast(page, "User created");

  await openUser(page, userName);
  const title = page.getByRole("heading", { name: new RegExp(userName) });
  await expect(title.getByText("Administrator", { exact: true })).toBeVisible();
  await expect(page.getByLabel("User Name")).toHaveValue(userName);
  await expect(page.getByLabel("New Password")).toHaveValue("");
  await expect(page.getByLabel("First Name")).toHaveValue("Ada");
  await expect(page.getByLabel("Last Name")).toHaveValue("Lovelace");
  await expect(page.getByLabel("Alias")).toHaveValue("Countess");
  await expect(page.getByLabel("Title")).toHaveValue("Analyst");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Available From Email")).toHaveValue(
    "sales@example.test, Support@example.test",
  );
  await expect(page.getByLabel("Phone")).toHaveValue("+1 212 555 0100");
  await expect(page.getByLabel("Extension")).toHaveValue("204");
  await expect(page.getByLabel("Address")).toHaveValue("12 Analytical Row\nLondon");
  await expect(page.getByLabel("Color")).toHaveValue("#aa3355");
  await expect(page.getByLabel("Click To Dial")).toHaveValue(template);
  await expect(page.getByLabel("Active")).toBeChecked();
  await expect(page.getByLabel("Role")).toHaveValue("administrator");

  await page.screenshot({ path: path.join(screenshots, "user-details.png"), fullPage: true });
  await page.goto("/users");
  await page.screenshot({ path: path.join(screenshots, "users-list.png"), fullPage: true });
});

test("shows a bad email and a short password beside their fields", async ({ page }) => {
  await openNewUserForm(page);
  await page.getByLabel("User Name").fill(uniqueName("invalid"));
  await page.getByLabel("New Password").fill("short");
  await page.getByLabel("Email", { exact: true }).fill("grace at example");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Check the highlighted fields.",
  );
  await expectFieldError(page, "Email", "Enter a valid email address.");
  await expectFieldError(page, "New Password", "Use at least 12 characters.");
  await expect(page).toHaveURL(/\/users\/new$/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("grace at example");

  await page.getByLabel("Email", { exact: true }).fill("grace@example.test");
  await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute(
    "aria-invalid",
    "true",
  );
});

test("refuses a common password such as password1234", async ({ page }) => {
  const userName = uniqueName("common");
  await openNewUserForm(page);
  await page.getByLabel("User Name").fill(userName);
  await page.getByLabel("New Password").fill("password1234");
  await page.getByLabel("Email", { exact: true }).fill(`${userName}@example.test`);
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "New Password", "This password is too common. Choose another.");
  await expect(page).toHaveURL(/\/users\/new$/);
});

test("refuses a taken user name and keeps everything typed", async ({ page }) => {
  const taken = await createUser(page, "taken");
  const email = `grace.${taken.userName}@example.test`;

  await openNewUserForm(page);
  await page.getByLabel("User Name").fill(taken.userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("First Name").fill("Grace");
  await page.getByLabel("Last Name").fill("Hopper");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Phone").fill("+1 212 555 0199");
  await page.getByLabel("Address").fill("Arlington\nVirginia");
  await page.getByRole("button", { name: "Save" }).click();

  await expectFieldError(page, "User Name", "This user name is already in use.");
  await expect(page).toHaveURL(/\/users\/new$/);
  await expect(page.getByLabel("User Name")).toHaveValue(taken.userName);
  await expect(page.getByLabel("New Password")).toHaveValue(userPassword);
  await expect(page.getByLabel("First Name")).toHaveValue("Grace");
  await expect(page.getByLabel("Last Name")).toHaveValue("Hopper");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Phone")).toHaveValue("+1 212 555 0199");
  await expect(page.getByLabel("Address")).toHaveValue("Arlington\nVirginia");

  // The server's verdict was about the name that was sent: changing it clears the error,
  // while the other fields' state stays as it was.
  await page.getByLabel("User Name").fill(`${taken.userName}-2`);
  await expect(page.getByLabel("User Name")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This user name is already in use.")).toHaveCount(0);
});

test("never shows a Click To Dial template in the list or in account activity", async ({
  page,
}) => {
  const user = await createUser(page, "dialer");
  const secret = `key-${uniqueName("secret")}`;
  const template = `https://crm.example/dial?n=[Field:PhoneNumber]&apikey=${secret}`;

  const id = await openUser(page, user.userName);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Click To Dial").fill(template);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User saved");

  // The edit form is the one place that shows it.
  await page.goto(`/users/${id}`);
  await expect(page.getByLabel("Click To Dial")).toHaveValue(template);

  for (const url of [`/users?q=${user.userName}`, "/users", "/activity"]) {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    expect(await response.text(), `${url} must not contain the template`).not.toContain(secret);
  }
  await page.goto(`/activity?target=${user.userName}`);
  await expect(page.getByRole("cell", { name: /Click To Dial/ })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(secret);
});

test("search narrows the list and lives in the URL, so reload and Back keep it", async ({
  page,
}) => {
  const stamp = uniqueName("find");
  const alpha = await createUser(page, `${stamp}-alpha`);
  const beta = await createUser(page, `${stamp}-beta`);
  const list = page.getByRole("table");
  const search = page.getByRole("searchbox", { name: "Search users" });

  await page.goto("/users");
  await search.fill(`${stamp}-alpha`);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp}-alpha`));
  await expect(list.getByRole("link", { name: alpha.userName, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: beta.userName, exact: true })).toHaveCount(0);

  await page.reload();
  await expect(search).toHaveValue(`${stamp}-alpha`);
  await expect(list.getByRole("link", { name: alpha.userName, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: beta.userName, exact: true })).toHaveCount(0);

  await search.fill(stamp);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp}$`));
  await expect(list.getByRole("link", { name: alpha.userName, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: beta.userName, exact: true })).toBeVisible();
  // A short list has no pages to move between.
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByRole("link")).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp}-alpha$`));
  await expect(list.getByRole("link", { name: alpha.userName, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: beta.userName, exact: true })).toHaveCount(0);

  await search.fill(uniqueName("nobody"));
  await search.press("Enter");
  await expect(page.getByText("No users match your search")).toBeVisible();
});

test("an inactivated user moves to Inactive Users and back when reactivated", async ({ page }) => {
  const user = await createUser(page, "sleeper");
  await openUser(page, user.userName);
  await page.getByRole("button", { name: "Inactivate" }).click();
  await expectToast(page, "User inactivated");
  // The user stays open, now marked Inactive, with the same search around them.
  await expect(page.getByRole("region", { name: new RegExp(user.userName) })).toContainText(
    "Inactive",
  );
  await expect(page).toHaveURL(new RegExp(`q=${user.userName}`));
  const tabs = page.getByRole("navigation", { name: "User status" });
  await expect(tabs.getByRole("link", { name: "Inactive 1" })).toBeVisible();
  await expect(page.getByText("No users match your search")).toBeVisible();

  await openUser(page, user.userName, "inactive");
  await page.getByRole("button", { name: "Reactivate" }).click();
  await expectToast(page, "User reactivated");
  await expect(page.getByRole("button", { name: "Inactivate" })).toBeVisible();
  await page.goto(`/users?q=${user.userName}`);
  await expect(page.getByRole("link", { name: user.userName, exact: true })).toBeVisible();
  await page.goto(`/users?status=inactive&q=${user.userName}`);
  await expect(page.getByText("No users match your search")).toBeVisible();
});

test("deletes a user after confirming in the dialog; Cancel keeps them", async ({ page }) => {
  const user = await createUser(page, "goner");
  await page.goto(`/users?q=${user.userName}`);
  const href = await page
    .getByRole("link", { name: user.userName, exact: true })
    .getAttribute("href");
  const id = userIdFrom(new URL(href ?? "", page.url()).href);
  const trash = page.getByRole("link", { name: `Delete ${user.userName}` });
  await waitForHydration(trash);

  await trash.click();
  const dialog = page.getByRole("dialog", { name: `Delete user ${user.userName}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: user.userName, exact: true })).toBeVisible();
  expect((await page.request.get(`/users/${id}`)).status()).toBe(200);

  await trash.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expectToast(page, "User deleted");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: user.userName, exact: true })).toHaveCount(0);
  expect((await page.request.get(`/users/${id}`)).status()).toBe(404);
});

test("offers the Administrator no way to delete or inactivate themselves", async ({ page }) => {
  await page.goto(`/users?q=${admin.userName}`);
  await expect(page.getByRole("link", { name: admin.userName, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Delete ${admin.userName}` })).toHaveCount(0);

  await openUser(page, admin.userName);
  const details = page.getByRole("region", { name: new RegExp(admin.userName) });
  await expect(details.getByRole("button", { name: "Display Permissions" })).toBeVisible();
  await expect(details.getByRole("button", { name: "Inactivate" })).toHaveCount(0);
  await expect(details.getByRole("button", { name: "Delete" })).toHaveCount(0);
});

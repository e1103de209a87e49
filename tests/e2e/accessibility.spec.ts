import { adminState, signIn, userPassword } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expect, type Locator, type Page, test } from "./support/test";
import {
  createUser,
  expectToast,
  freshContext,
  openUser,
  signedInPage,
  uniqueName,
} from "./support/users";

test.use({ storageState: adminState });

/** Presses Tab until `target` has the focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function outlineOfFocused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName, style: style.outlineStyle, width: style.outlineWidth };
  });
}

test("the sign-in and licence pages have no serious accessibility problems", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "a11y-lic");
  const context = await freshContext(browser);
  const visitor = await context.newPage();
  await visitor.goto("/sign-in");
  await expectNoSeriousViolations(visitor, "/sign-in");

  await signIn(visitor, user.userName, user.password);
  await expect(visitor).toHaveURL(/\/licence/);
  await expectNoSeriousViolations(visitor, "/licence");
  await context.close();
});

test("the User Manager pages and the delete dialog have no serious accessibility problems", async ({
  page,
}) => {
  const user = await createUser(page, "a11y-um");
  await page.goto("/users");
  await expectNoSeriousViolations(page, "/users");
  await page.goto("/users/new");
  await expectNoSeriousViolations(page, "/users/new");

  const id = await openUser(page, user.userName);
  await expectNoSeriousViolations(page, `/users/${id}`);

  await page.goto(`/users?q=${user.userName}`);
  const trash = page.getByRole("link", { name: `Delete ${user.userName}` });
  await waitForHydration(trash);
  await trash.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page, "the delete dialog");
});

test("Account Activity, Profile and Not allowed have no serious accessibility problems", async ({
  page,
  browser,
}) => {
  await page.goto("/activity");
  await expectNoSeriousViolations(page, "/activity");
  await page.goto("/profile");
  await expectNoSeriousViolations(page, "/profile");

  const user = await createUser(page, "a11y-403");
  const userPage = await signedInPage(browser, user.userName, user.password);
  const response = await userPage.goto("/users");
  expect(response?.status()).toBe(403);
  await expectNoSeriousViolations(userPage, "the Not allowed page");
  await userPage.context().close();
});

test("the first Tab reaches Skip to content, which moves focus to the page's content", async ({
  page,
}) => {
  await page.goto("/users");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await expect(page).toHaveURL(/#main$/);
});

test("the focused control always shows a focus outline", async ({ page }) => {
  await page.goto("/users");
  const stops = [
    page.getByRole("link", { name: "Skip to content" }),
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    page.getByRole("button", { name: "Add New" }),
    page.getByRole("searchbox", { name: "Search users" }),
    page.getByRole("button", { name: "Search" }),
  ];
  for (const stop of stops) {
    await tabTo(page, stop);
    const outline = await outlineOfFocused(page);
    expect(outline.style, `outline of ${stop}`).not.toBe("none");
    expect(outline.width, `outline of ${stop}`).not.toBe("0px");
  }
});

test("the user form can be filled in and saved with the keyboard alone", async ({ page }) => {
  const userName = uniqueName("keys");
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));

  await tabTo(page, page.getByLabel("User Name"));
  await page.keyboard.type(userName);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("New Password")).toBeFocused();
  await page.keyboard.type(userPassword);
  // Past "Send login instructions" to First Name.
  await tabTo(page, page.getByLabel("First Name"), 3);
  await page.keyboard.type("Mary");
  await tabTo(page, page.getByLabel("Email", { exact: true }), 10);
  await page.keyboard.type(`${userName}@example.test`);
  await tabTo(page, page.getByLabel("Role"), 20);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Role")).toHaveValue("administrator");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Role")).toHaveValue("user");
  // Past the Phone system section (Instance, Add, Apply Template, when the account has
  // instances) to Save.
  await tabTo(page, page.getByRole("button", { name: "Save" }), 5);
  const outline = await outlineOfFocused(page);
  expect(outline.style).not.toBe("none");
  await page.keyboard.press("Enter");

  await expectToast(page, "User created");
  await openUser(page, userName);
  await expect(page.getByLabel("First Name")).toHaveValue("Mary");
  await expect(page.getByLabel("Active")).toBeChecked();
});

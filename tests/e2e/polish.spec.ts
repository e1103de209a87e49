import { admin, adminState } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { type Browser, expect, type Locator, type Page, test } from "./support/test";
import {
  adminPage,
  createUser,
  expectToast,
  openUser,
  signedInPage,
  type TestUser,
} from "./support/users";

test.use({ storageState: adminState });

const laptop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

/** Sets one override on a user's Display Permissions page, as the Administrator on `page`. */
async function setOverride(
  page: Page,
  userId: string,
  module: string,
  action: string,
  choice: "Allow" | "Deny" | "Inherit",
) {
  await page.goto(`/users/${userId}/permissions`);
  const show = page.getByRole("button", { name: `Show actions for ${module}` });
  await waitForHydration(page.getByRole("button", { name: `Save permissions` }));
  if (await show.isVisible()) await show.click();
  await page
    .getByRole("group", { name: `${module} ${action}` })
    .getByLabel(choice)
    .check();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expectToast(page, /saved/i);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("Not on screen");
  return found;
}

test.describe("the Not allowed page", () => {
  let user: TestUser;
  let otherId: string;

  test.beforeAll(async ({ browser }) => {
    const page = await adminPage(browser);
    user = await createUser(page, "asker");
    otherId = await openUser(page, (await createUser(page, "asked-about")).userName);
    await page.context().close();
  });

  test("names the missing permission and the Administrators to ask", async ({ browser }) => {
    const userPage = await signedInPage(browser, user.userName, user.password);
    const response = await userPage.goto("/users");
    expect(response?.status()).toBe(403);
    const main = userPage.getByRole("main");
    await expect(main.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(main).toContainText("You need the permission Users: View");
    const administrators = main.getByRole("region", {
      name: `Ask an Administrator of ${admin.organization}`,
    });
    const mail = administrators.getByRole("link", { name: admin.email, exact: true });
    const entry = administrators.getByRole("listitem").filter({
      has: userPage.getByRole("link", { name: admin.email, exact: true }),
    });
    await expect(entry).toContainText(admin.userName);
    await expect(mail).toHaveAttribute("href", new RegExp(`^mailto:${admin.email}\\?subject=`));
    await expect(mail).toHaveAttribute("href", /Users%3A%20View/);
    await userPage.screenshot({ path: test.info().outputPath("not-allowed-laptop.png") });

    // Each page names what it needs: the delete confirmation asks for Users: Delete.
    expect((await userPage.goto(`/users/${otherId}/delete`))?.status()).toBe(403);
    await expect(main).toContainText("You need the permission Users: Delete");
    await expect(main.getByRole("link", { name: admin.email })).toBeVisible();
    await expectNoSeriousViolations(userPage, "the Not allowed page with its Administrators");
    await userPage.context().close();
  });

  test("fits a phone", async ({ browser }) => {
    const userPage = await signedInPage(browser, user.userName, user.password, {
      viewport: phone,
    });
    expect((await userPage.goto("/groups"))?.status()).toBe(403);
    await expect(userPage.getByRole("main")).toContainText("You need the permission Groups: View");
    const card = await box(userPage.getByRole("region", { name: /Ask an Administrator/ }));
    expect(card.x + card.width).toBeLessThanOrEqual(phone.width);
    await userPage.screenshot({ path: test.info().outputPath("not-allowed-phone.png") });
    await userPage.context().close();
  });
});

test("a plain form post that is refused says which permission is missing", async ({
  page,
  browser,
}) => {
  const editor = await createUser(page, "revoked-editor");
  const target = await createUser(page, "edit-target");
  const editorId = await openUser(page, editor.userName);
  const targetId = await openUser(page, target.userName);
  await setOverride(page, editorId, "Users", "View", "Allow");
  await setOverride(page, editorId, "Users", "Edit", "Allow");

  const editorPage = await signedInPage(browser, editor.userName, editor.password);
  await editorPage.context().close();
  const plain = await signedInPage(browser, editor.userName, editor.password, {
    javaScriptEnabled: false,
    acceptLicence: false,
  });
  await plain.goto(`/users/${targetId}`);
  await plain.getByLabel("Title").fill("Should not stick");
  // The permission goes while the form is open.
  await setOverride(page, editorId, "Users", "Edit", "Deny");
  await plain.getByRole("button", { name: "Save" }).click();

  await expect(plain).toHaveURL(new RegExp(`/users/${targetId}`));
  await expectToast(plain, "You are not allowed to do this: you need Users: Edit.");
  await expect(plain.getByText("You can view this user but not change them.")).toBeVisible();
  await openUser(page, target.userName);
  await expect(page.getByLabel("Title")).toHaveValue("");
  await plain.context().close();
});

test.describe("module rows", () => {
  test("open with a Show actions button named for their module", async ({ page }) => {
    await page.goto("/groups/new");
    const show = page.getByRole("button", { name: "Show actions for Users" });
    await waitForHydration(show);
    // One button per module, each with its own name.
    await expect(page.getByRole("button", { name: /^Show actions for / })).toHaveCount(10);
    await expect(show).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("group", { name: "Users actions" })).toBeHidden();
    await show.click();
    const hide = page.getByRole("button", { name: "Hide actions for Users" });
    await expect(hide).toHaveAttribute("aria-expanded", "true");
    await expect(
      page.getByRole("group", { name: "Users actions" }).getByLabel("Delete", { exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("module-rows-laptop.png") });
    await hide.click();
    await expect(page.getByRole("group", { name: "Users actions" })).toBeHidden();
  });

  test("are all open without scripts, with no button that would need them", async ({ browser }) => {
    const page = await adminPage(browser, { javaScriptEnabled: false, viewport: phone });
    await page.goto("/groups/new");
    await expect(page.getByRole("group", { name: / actions$/ })).toHaveCount(10);
    await expect(page.getByRole("button", { name: /actions for/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath("module-rows-no-scripts-phone.png") });
    await page.context().close();
  });
});

test("the profile tells an Administrator who can change their role", async ({ page }) => {
  await page.goto("/profile");
  await expect(page.getByText(`Signed in as ${admin.userName} · Administrator.`)).toBeVisible();
  await expect(
    page.getByText(
      `You are an Administrator of ${admin.organization} and may do everything here; another Administrator can change your role or active state.`,
    ),
  ).toBeVisible();
  await expect(page.getByText("managed by your Administrators")).toHaveCount(0);
});

test("colour dots say what they are, and stay out of screen readers' way", async ({ page }) => {
  await page.goto(`/users?q=${admin.userName}`);
  // The list explains its dots once, under the table; the dots themselves are empty.
  await expect(page.getByText(/^Color marker: the color each user picked/)).toBeVisible();
  const link = page.getByRole("link", { name: admin.userName, exact: true });
  await expect(link).toHaveAccessibleName(admin.userName);
  // Beside the signed-in user's name in the top bar, the dot has its tooltip.
  const menuDot = page.locator("header summary [title]");
  await expect(menuDot).toHaveAttribute("title", "Color marker");
  await expect(menuDot).toHaveAttribute("aria-hidden", "true");
});

for (const [device, viewport] of [
  ["laptop", laptop],
  ["phone", phone],
] as const) {
  test(`the toast does not cover the Save it confirms on a ${device}`, async ({ browser }) => {
    const page = await adminPage(browser, { viewport });
    const user = await createUser(page, `toast-${device}`);
    await openUser(page, user.userName);
    const save = page.getByRole("button", { name: "Save" });
    await waitForHydration(save);
    await page.getByLabel("Title").fill("Operator");
    // The worst case: Save at the foot of the screen, where a lower-right toast would be.
    await save.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 2000);
    await save.click();
    const toast = page.getByRole("status").getByRole("region", { name: "Notification" });
    await expect(toast).toContainText(/saved/i);
    await expect(save).toBeVisible();
    expect(overlaps(await box(toast), await box(save))).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`toast-${device}.png`) });

    await page.goto("/profile");
    const saveProfile = page.getByRole("button", { name: "Save" }).first();
    await waitForHydration(saveProfile);
    await page.getByLabel("Title").fill(`Lead ${device}`);
    await saveProfile.scrollIntoViewIfNeeded();
    await saveProfile.click();
    await expect(toast).toContainText("Profile saved");
    await expect(saveProfile).toBeVisible();
    expect(overlaps(await box(toast), await box(saveProfile))).toBe(false);
    await page.context().close();
  });
}

/** The names of the buttons and button-looking links of `area`, in order. */
async function buttonOrder(area: Locator): Promise<string[]> {
  return area
    .locator("button, a")
    .filter({ hasText: /^(Cancel|Delete)$/ })
    .allInnerTexts();
}

async function groupWithoutMembers(browser: Browser, name: string): Promise<string> {
  const page = await adminPage(browser);
  await page.goto("/groups/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.context().close();
  return id;
}

test("delete confirmations show Cancel, then Delete, with and without scripts", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "order");
  const userId = await openUser(page, user.userName);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page
    .getByRole("main")
    .getByRole("link", { name: /^Delete/ })
    .last()
    .click();
  const dialog = page.getByRole("dialog", { name: `Delete user ${user.userName}?` });
  await expect(dialog).toBeVisible();
  expect(await buttonOrder(dialog)).toEqual(["Cancel", "Delete"]);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const groupId = await groupWithoutMembers(browser, `Order ${Date.now()}`);
  await page.goto(`/groups/${groupId}`);
  const trigger = page.getByRole("button", { name: "Delete" });
  await waitForHydration(trigger);
  await trigger.click();
  const groupDialog = page.getByRole("dialog");
  await expect(groupDialog).toBeVisible();
  expect(await buttonOrder(groupDialog)).toEqual(["Cancel", "Delete"]);

  const plain = await adminPage(browser, { javaScriptEnabled: false });
  await plain.goto(`/users/${userId}/delete`);
  const userForm = plain.locator("form", { has: plain.getByRole("button", { name: "Delete" }) });
  expect(await buttonOrder(userForm)).toEqual(["Cancel", "Delete"]);
  await plain.screenshot({ path: test.info().outputPath("delete-page-laptop.png") });
  await plain.goto(`/groups/${groupId}/delete`);
  const groupForm = plain.locator("form", { has: plain.getByRole("button", { name: "Delete" }) });
  expect(await buttonOrder(groupForm)).toEqual(["Cancel", "Delete"]);
  await plain.context().close();
});

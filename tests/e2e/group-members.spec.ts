import { adminState, userPassword } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import { adminPage, expectToast, uniqueName } from "./support/users";

test.use({ storageState: adminState });

type Person = { userName: string; email: string; firstName: string; lastName: string };

/**
 * A user whose user name sorts after everyone else's ("zz-"), so no first page of users
 * would ever offer them, with a name and an email unlike their user name.
 */
async function createLateUser(page: Page, firstName: string): Promise<Person> {
  const id = uniqueName("late").slice("late-".length);
  const person = {
    userName: `zz-late-${id}`,
    email: `${firstName.toLowerCase()}.allen.${id}@late.example`,
    firstName,
    lastName: `Allen${id}`,
  };
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("User Name").fill(person.userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("First Name").fill(person.firstName);
  await page.getByLabel("Last Name").fill(person.lastName);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
  return person;
}

async function createGroup(page: Page): Promise<string> {
  await page.goto("/groups/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Name", { exact: true }).fill(uniqueName("Late shift"));
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Group saved");
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

const membersOf = (page: Page) => page.getByRole("region", { name: /^Members/ });

test("Add member finds a late user by a fragment of their email, with the keyboard only", async ({
  page,
}, testInfo) => {
  const person = await createLateUser(page, "Zoe");
  const groupId = await createGroup(page);
  await page.goto(`/groups/${groupId}`);
  const field = page.getByRole("combobox", { name: "Add member" });
  await waitForHydration(field);
  await expect(field).toHaveAttribute("aria-expanded", "false");

  await field.focus();
  const fragment = person.email.slice("zoe.".length, -".example".length);
  await page.keyboard.type(fragment);
  const listbox = page.getByRole("listbox", { name: "Matching users" });
  const option = listbox.getByRole("option", { name: new RegExp(person.userName) });
  await expect(option).toBeVisible();
  await expect(field).toHaveAttribute("aria-expanded", "true");
  await expect(field).toHaveAttribute("aria-controls", (await listbox.getAttribute("id")) ?? "");
  await expect(option).toContainText(`Zoe ${person.lastName}`);
  await expect(option).toContainText(person.email);

  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(field).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.screenshot({ path: testInfo.outputPath("user-picker-open.png") });

  await page.keyboard.press("Enter");
  await expect(field).toHaveValue(person.userName);
  await expect(field).toHaveAttribute("aria-expanded", "false");
  await expect(field).not.toHaveAttribute("aria-activedescendant");
  // Enter again submits the form with the chosen user name.
  await page.keyboard.press("Enter");
  await expectToast(page, `${person.userName} added to the group`);
  await expect(membersOf(page)).toContainText(person.userName);

  // Typed again, the member is listed but cannot be chosen twice; Escape closes the list.
  const again = page.getByRole("combobox", { name: "Add member" });
  await waitForHydration(again);
  await again.focus();
  await page.keyboard.type(person.lastName.toLowerCase());
  const member = page
    .getByRole("listbox", { name: "Matching users" })
    .getByRole("option", { name: new RegExp(person.userName) });
  await expect(member).toContainText("Already a member");
  await expect(member).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("ArrowDown");
  await expect(member).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("Escape");
  await expect(again).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("listbox", { name: "Matching users" })).toBeHidden();
});

test("the picker open on a group has no serious accessibility problems", async ({ page }) => {
  const person = await createLateUser(page, "Axel");
  const groupId = await createGroup(page);
  await page.goto(`/groups/${groupId}`);
  const field = page.getByRole("combobox", { name: "Add member" });
  await waitForHydration(field);
  await field.fill(person.lastName);
  await expect(page.getByRole("option", { name: new RegExp(person.userName) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expectNoSeriousViolations(page, "the Add member picker, open");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Add member lists the users an email fragment matches, and adds the one chosen by keyboard", async ({
    page,
    browser,
  }, testInfo) => {
    const scripted = await adminPage(browser, { javaScriptEnabled: true });
    const person = await createLateUser(scripted, "Zoe");
    const groupId = await createGroup(scripted);
    await scripted.context().close();

    await page.goto(`/groups/${groupId}`);
    const field = page.getByLabel("Add member");
    await expect(field).toHaveAttribute("type", "text");
    await expect(field).not.toHaveAttribute("role", "combobox");
    await field.focus();
    await page.keyboard.type(person.email.slice("zoe.".length, -".example".length));
    await page.keyboard.press("Enter");

    await expect(page.getByLabel("Add member")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Add member")).toHaveAccessibleDescription(
      /No user has the user name, email or full name ".*"\. Choose one of those it matches\./,
    );
    const choice = page.getByRole("button", { name: `Add ${person.userName}` });
    await expect(choice).toBeVisible();
    await expect(
      page.getByRole("region", { name: /Users matching/ }).getByRole("listitem"),
    ).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath("add-member-choices.png"), fullPage: true });
    // Tab from the field: its Add button, then the choice.
    await page.getByLabel("Add member").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(choice).toBeFocused();
    await page.keyboard.press("Enter");
    await expectToast(page, `${person.userName} added to the group`);
    await expect(membersOf(page)).toContainText(person.userName);
  });

  test("Add member takes an exact email or full name at once, and says when nobody has it", async ({
    page,
    browser,
  }) => {
    const scripted = await adminPage(browser, { javaScriptEnabled: true });
    const byEmail = await createLateUser(scripted, "Emil");
    const byName = await createLateUser(scripted, "Fulvia");
    const groupId = await createGroup(scripted);
    await scripted.context().close();

    await page.goto(`/groups/${groupId}`);
    await page.getByLabel("Add member").fill(byEmail.email.toUpperCase());
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expectToast(page, `${byEmail.userName} added to the group`);

    await page.getByLabel("Add member").fill(`fulvia ${byName.lastName.toLowerCase()}`);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expectToast(page, `${byName.userName} added to the group`);
    await expect(membersOf(page)).toContainText(byEmail.userName);
    await expect(membersOf(page)).toContainText(byName.userName);

    await page.getByLabel("Add member").fill("nobody by this name at all");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByLabel("Add member")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Add member")).toHaveValue("nobody by this name at all");
    await expect(page.getByLabel("Add member")).toHaveAccessibleDescription(
      /No user has the user name, email or full name "nobody by this name at all"/,
    );
  });
});

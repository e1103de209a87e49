import { adminState, userPassword } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import { adminPage, expectToast, uniqueName, userIdFrom } from "./support/users";

test.use({ storageState: adminState });

type Person = { id: string; userName: string; firstName: string; lastName: string };

/** A user with a full name unlike their user name; the Administrator creating them is the actor. */
async function createNamedUser(page: Page, firstName: string): Promise<Person> {
  const id = uniqueName("x").slice("x-".length);
  const person = { userName: `act-${id}`, firstName, lastName: `Brownlow${id}` };
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("User Name").fill(person.userName);
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByLabel("First Name").fill(person.firstName);
  await page.getByLabel("Last Name").fill(person.lastName);
  await page.getByLabel("Email", { exact: true }).fill(`${person.userName}@example.test`);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
  await page.waitForURL(/\/users\/[0-9a-f-]{36}/);
  return { ...person, id: userIdFrom(page.url()) };
}

const events = (page: Page) => page.getByRole("table", { name: "Account activity" });

test("the Target filter suggests a user from a fragment of their name, and says whom it shows", async ({
  page,
}, testInfo) => {
  const person = await createNamedUser(page, "Olivia");
  await page.goto("/activity");
  const target = page.getByRole("combobox", { name: "Target user" });
  await waitForHydration(target);
  await target.focus();
  // Part of the last name: neither the user name nor the recorded label contains it.
  await page.keyboard.type(person.lastName.slice(3).toLowerCase());
  const option = page
    .getByRole("listbox", { name: "Matching users" })
    .getByRole("option", { name: new RegExp(person.userName) });
  await expect(option).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.screenshot({ path: testInfo.outputPath("activity-picker-open.png") });
  await page.keyboard.press("Enter");
  await expect(target).toHaveValue(person.userName);
  await page.keyboard.press("Enter");

  await page.waitForURL((url) => url.searchParams.get("target") === person.userName);
  await expect(page.getByRole("list", { name: "What the filters matched" })).toHaveText(
    `Showing activity about ${person.userName} (Olivia ${person.lastName}).`,
  );
  const created = events(page).getByRole("row").filter({ hasText: "User created" });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(`First Name: Olivia`);
  await expect(created).toContainText(`Last Name: ${person.lastName}`);
  await expect(created).toContainText("Role: User");
  await expect(created.getByRole("link", { name: person.userName })).toHaveAttribute(
    "href",
    `/users/${person.id}`,
  );
  await expect(created.getByRole("link", { name: "admin" })).toHaveAttribute(
    "href",
    /\/users\/[0-9a-f-]{36}$/,
  );
  await page.screenshot({ path: testInfo.outputPath("activity-filtered.png"), fullPage: true });
  await expectNoSeriousViolations(page, "Account Activity, filtered by target");
});

test("a fragment that matches several people shows them all and narrows to one", async ({
  page,
}, testInfo) => {
  const first = await createNamedUser(page, "Oriana");
  const second = await createNamedUser(page, "Oriana");
  await page.goto(`/activity?${new URLSearchParams({ target: "oriana brownlow" })}`);
  const notes = page.getByRole("list", { name: "What the filters matched" });
  await expect(notes).toContainText("“oriana brownlow” matches");
  await expect(notes.getByRole("link", { name: first.userName })).toBeVisible();
  await expect(notes.getByRole("link", { name: second.userName })).toBeVisible();
  await expect(events(page).getByRole("row").filter({ hasText: first.userName })).not.toHaveCount(
    0,
  );
  await expect(events(page).getByRole("row").filter({ hasText: second.userName })).not.toHaveCount(
    0,
  );
  await page.screenshot({ path: testInfo.outputPath("activity-several.png"), fullPage: true });
  await notes.getByRole("link", { name: second.userName }).click();
  await page.waitForURL((url) => url.searchParams.get("target") === second.userName);
  await expect(notes).toHaveText(
    `Showing activity about ${second.userName} (Oriana ${second.lastName}).`,
  );
  await expect(events(page).getByRole("row").filter({ hasText: first.userName })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Actor and Target filters take a fragment of a name", async ({ page, browser }) => {
    const scripted = await adminPage(browser, { javaScriptEnabled: true });
    const person = await createNamedUser(scripted, "Olivia");
    await scripted.context().close();

    await page.goto("/activity");
    const target = page.getByLabel("Target user");
    await expect(target).not.toHaveAttribute("role", "combobox");
    await target.fill(person.lastName.slice(2).toUpperCase());
    await target.press("Enter");
    await page.waitForURL(/target=/);
    await expect(page.getByRole("list", { name: "What the filters matched" })).toHaveText(
      `Showing activity about ${person.userName} (Olivia ${person.lastName}).`,
    );
    await expect(events(page).getByRole("row").filter({ hasText: "User created" })).toHaveCount(1);

    // Part of the Administrator's email.
    await page.getByLabel("Actor").fill("admin@northwind");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("list", { name: "What the filters matched" })).toContainText(
      "Showing activity by admin",
    );
    await expect(events(page).getByRole("row").filter({ hasText: "User created" })).toHaveCount(1);

    await page.getByLabel("Actor").fill("nobody-like-this");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("list", { name: "What the filters matched" })).toContainText(
      "No current user matches “nobody-like-this”",
    );
    await expect(page.getByText("No activity matches these filters")).toBeVisible();
  });
});

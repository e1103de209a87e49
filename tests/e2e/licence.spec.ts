import { adminState, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { type Browser, expect, type Page, test } from "./support/test";
import { adminPage, createUser, expectToast, freshContext, uniqueName } from "./support/users";

test.use({ storageState: adminState });

/** A new user's first sign-in, stopped at the licence page. */
async function firstSignIn(browser: Browser, login: string, password: string): Promise<Page> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signIn(page, login, password);
  await expect(page).toHaveURL(/\/licence/);
  await expect(page.getByRole("heading", { name: "Licence agreement" })).toBeVisible();
  return page;
}

async function accept(page: Page) {
  const button = page.getByRole("button", { name: "I accept" });
  await waitForHydration(button);
  await button.click();
}

test("a new user sees only the licence page until they accept", async ({ page, browser }) => {
  const user = await createUser(page, "licnew");
  const newcomer = await firstSignIn(browser, user.userName, user.password);
  for (const path of ["/users", "/activity", "/profile"]) {
    await newcomer.goto(path);
    await expect(newcomer, `${path} leads to the licence`).toHaveURL(/\/licence/);
    await expect(newcomer.getByRole("button", { name: "I accept" })).toBeVisible();
  }
  await expect(newcomer.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await newcomer.context().close();
});

test("declining the licence signs the user out", async ({ page, browser }) => {
  const user = await createUser(page, "licdecline");
  const newcomer = await firstSignIn(browser, user.userName, user.password);
  const decline = newcomer.getByRole("button", { name: "Decline" });
  await waitForHydration(decline);
  await decline.click();
  await expect(newcomer).toHaveURL(/\/sign-in\?notice=licence-declined/);
  await expect(newcomer.getByRole("main").getByRole("status")).toHaveText(
    "You declined the licence agreement and were signed out.",
  );
  await newcomer.goto("/activity");
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await newcomer.context().close();
});

test("accepting the licence continues to the page the user first asked for", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "licnext");
  const context = await freshContext(browser);
  const newcomer = await context.newPage();
  await newcomer.goto("/profile");
  await expect(newcomer).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  const signInButton = newcomer.getByRole("button", { name: "Sign in" });
  await waitForHydration(signInButton);
  await newcomer.getByLabel("User name or email").fill(user.userName);
  await newcomer.getByLabel("Password").fill(user.password);
  await signInButton.click();
  await expect(newcomer).toHaveURL(/\/licence\?next=%2Fprofile$/);
  await accept(newcomer);
  await expect(newcomer).toHaveURL(/\/profile$/);
  await expect(newcomer.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await context.close();
});

test.describe("a new licence version", () => {
  // Publishing asks everyone again, the saved Administrator included: make sure the
  // Administrator has accepted before later files reuse the saved session.
  test.afterAll(async ({ browser }) => {
    const page = await adminPage(browser);
    await page.goto("/licence");
    const button = page.getByRole("button", { name: "I accept" });
    if (await button.isVisible()) await accept(page);
    await page.context().close();
  });

  test("is asked for at the Administrator's next request, showing what changed, and lists who has not accepted", async ({
    page,
  }) => {
    const pending = await createUser(page, "licpending");
    const summary = `Calls may now be recorded (${uniqueName("change")}).`;

    await page.goto("/licence");
    await expect(page.getByText(/You accepted this version on/)).toBeVisible();
    const publish = page.getByRole("region", { name: "Publish a new version" });
    const text = publish.getByLabel("Licence text");
    const body = `${await text.inputValue()}\n\n9. Recording. ${summary}`;
    await waitForHydration(publish.getByRole("button", { name: "Publish version" }));
    await publish.getByLabel("Summary of changes").fill(summary);
    await text.fill(body);
    await publish.getByRole("button", { name: "Publish version" }).click();
    await expectToast(page, /Licence version \d+ published/);

    await page.goto("/users");
    await expect(page).toHaveURL(/\/licence\?next=%2Fusers$/);
    await expect(page.getByText(`What changed: ${summary}`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Licence text" })).toContainText("9. Recording.");
    await accept(page);
    await expect(page).toHaveURL(/\/users$/);

    await page.goto("/licence");
    const notAccepted = page.getByRole("region", { name: /Not yet accepted/ });
    await expect(notAccepted).toContainText(pending.userName);
    await expect(notAccepted).toContainText(pending.email);
    await expect(notAccepted.getByText("admin", { exact: true })).toHaveCount(0);
  });
});

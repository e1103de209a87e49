import { admin, adminState, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expect, type Page, test } from "./support/test";
import { createUser, expectToast, freshContext, openUser, uniqueName } from "./support/users";

// Failed sign-ins count against 127.0.0.1 for the whole suite (over 100 a day blocks
// the address), so this file spends about fifteen of them and no more.

const generic = "The user name or password is incorrect.";

test.use({ storageState: adminState });

/** Opens the sign-in page and waits until its script handles the form. */
async function openSignIn(page: Page, path = "/sign-in") {
  await page.goto(path);
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));
}

/** The form's error (Next.js keeps its own empty role=alert route announcer outside main). */
function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** One attempt with the scripted form: waits for the server's answer. */
async function attempt(page: Page, login: string, password: string) {
  await page.getByLabel("User name or email").fill(login);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/api/sign-in")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

test("a wrong password and an unknown user get the same generic message", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "wrongpw");
  const context = await freshContext(browser);
  const anonymous = await context.newPage();
  await openSignIn(anonymous);

  await attempt(anonymous, user.userName, "not the right password at all");
  await expect(formAlert(anonymous)).toHaveText(generic);
  await expect(anonymous).toHaveURL(/\/sign-in/);
  await expect(anonymous.getByLabel("User name or email")).toHaveValue(user.userName);
  await expect(anonymous.getByLabel("Password")).toHaveValue("");

  await attempt(anonymous, uniqueName("nobody"), "not the right password at all");
  await expect(formAlert(anonymous)).toHaveText(generic);
  await context.close();
});

test("signs in with the email address in any letter case", async ({ page, browser }) => {
  const user = await createUser(page, "byemail");
  const context = await freshContext(browser);
  const fresh = await context.newPage();
  await signIn(fresh, user.email.toUpperCase(), user.password);
  // A first sign-in is asked to accept the licence: proof that the session exists.
  await expect(fresh).toHaveURL(/\/licence/);
  await expect(fresh.getByRole("heading", { name: "Licence agreement" })).toBeVisible();
  await context.close();
});

test("locks a user after ten failures so even the right password must wait", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "lockme");
  const context = await freshContext(browser);
  const anonymous = await context.newPage();
  await openSignIn(anonymous);
  // The first nine through the form's own endpoint, to save time; the tenth by hand.
  for (let failure = 1; failure <= 9; failure++) {
    const response = await anonymous.request.post("/api/sign-in", {
      form: { login: user.userName, password: `wrong password number ${failure}` },
      headers: { accept: "application/json" },
    });
    expect(response.status()).toBe(401);
    expect((await response.json()).message).toBe(generic);
  }
  await attempt(anonymous, user.userName, "wrong password number 10");
  await attempt(anonymous, user.userName, user.password);
  await expect(formAlert(anonymous)).toHaveText(/Wait \d+ minutes?/);
  await expect(anonymous).toHaveURL(/\/sign-in/);
  await anonymous.goto("/activity");
  await expect(anonymous).toHaveURL(/\/sign-in/);
  await context.close();
});

test("ignores a callbackUrl that points to another origin", async ({ browser, baseURL }) => {
  for (const target of ["https://evil.example/", "//evil.example/path"]) {
    const context = await freshContext(browser);
    const offsite: string[] = [];
    context.on("request", (request) => {
      if (!request.url().startsWith(baseURL ?? "")) offsite.push(request.url());
    });
    const page = await context.newPage();
    await openSignIn(page, `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("User name or email").fill(admin.userName);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/users`);
    expect(offsite, `requests that left the portal for ${target}`).toEqual([]);
    await context.close();
  }
});

test("sends a signed-out visitor to sign in and back to the page they asked for", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto("/users?q=admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fusers%3Fq%3Dadmin$/);
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));
  await page.getByLabel("User name or email").fill(admin.userName);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users\?q=admin$/);
  await expect(page.getByRole("link", { name: admin.userName, exact: true })).toBeVisible();
  await context.close();
});

test("keeps the session cookie away from scripts and other sites", async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signIn(page, admin.userName, admin.password);
  await expect(page).toHaveURL(/\/users/);
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("session-token"));
  expect(session, "the session cookie").toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  await context.close();
});

test("signing out ends the session on the server, not only in the browser", async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signIn(page, admin.userName, admin.password);
  await expect(page).toHaveURL(/\/users/);
  const cookiesBefore = await context.storageState();

  // The copied cookies work while the session is alive…
  const copy = await browser.newContext({ storageState: cookiesBefore });
  const copyPage = await copy.newPage();
  await copyPage.goto("/activity");
  await expect(copyPage).toHaveURL(/\/activity$/);

  await page.locator("header summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("status").first()).toContainText("You are signed out.");

  // …and not once it has been signed out.
  await copyPage.goto("/activity");
  await expect(copyPage).toHaveURL(/\/sign-in/);
  const replay = await browser.newContext({ storageState: cookiesBefore });
  const replayPage = await replay.newPage();
  await replayPage.goto("/users");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await Promise.all([context.close(), copy.close(), replay.close()]);
});

test("an inactive user cannot sign in and gets the generic message", async ({ page, browser }) => {
  const user = await createUser(page, "inactive");
  await openUser(page, user.userName);
  await page.getByRole("button", { name: "Inactivate" }).click();
  await expectToast(page, "User inactivated");

  const context = await freshContext(browser);
  const anonymous = await context.newPage();
  await openSignIn(anonymous);
  await attempt(anonymous, user.userName, user.password);
  await expect(formAlert(anonymous)).toHaveText(generic);
  await expect(anonymous).toHaveURL(/\/sign-in/);
  await context.close();
});

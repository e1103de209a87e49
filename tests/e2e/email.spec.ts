import { adminState, signIn, userPassword } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { type Browser, expect, type Page, test } from "./support/test";
import {
  createUser,
  expectFieldError,
  expectToast,
  freshContext,
  openUser,
  uniqueName,
} from "./support/users";

// The messages the portal promises, followed as people would: the Administrator reads them
// on /emails (the embedded outbox), the user opens the link from the plain-text part.

test.use({ storageState: adminState });

const chosenPassword = "my own chosen passphrase";

/** Adds a user with "Send login instructions" ticked (its default) and no password. */
async function createUserWithInstructions(page: Page, prefix: string) {
  const userName = uniqueName(prefix);
  const email = `${userName}@example.test`;
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await expect(page.getByLabel("Send login instructions")).toBeChecked();
  await page.getByLabel("User Name").fill(userName);
  await page.getByLabel("First Name").fill("Ada");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
  return { userName, email };
}

/**
 * The link in the newest message of this kind to this address, as the Administrator finds it
 * on /emails. A message queued by a background job (a reset) appears within moments.
 */
async function linkFromEmails(page: Page, address: string, kind: string, path: string) {
  const pattern = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]{43}`);
  let link = "";
  await expect
    .poll(
      async () => {
        await page.goto("/emails");
        const row = page.getByRole("row").filter({ hasText: address }).filter({ hasText: kind });
        if ((await row.count()) === 0) return "";
        await row.first().getByRole("link").click();
        await page.waitForURL(/\/emails\/[0-9a-f-]{36}/);
        await page.getByText("Plain-text part").click();
        link = pattern.exec((await page.locator("pre").textContent()) ?? "")?.[0] ?? "";
        return link;
      },
      { message: `a "${kind}" message to ${address} with its link`, timeout: 30_000 },
    )
    .not.toBe("");
  return link;
}

async function anonymousPage(browser: Browser, javaScriptEnabled = true) {
  const context = await freshContext(browser, { javaScriptEnabled });
  return context.newPage();
}

test("a new user chooses a password through the emailed link, accepts the licence and lands in the portal", async ({
  page,
  browser,
}) => {
  const user = await createUserWithInstructions(page, "invited");
  const link = await linkFromEmails(page, user.email, "Login instructions", "/set-password");
  await expect(page.getByRole("main")).toContainText(`Your user name is ${user.userName}`);

  const newcomer = await anonymousPage(browser);
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(newcomer.getByText(`You sign in as ${user.userName}`)).toBeVisible();
  const save = newcomer.getByRole("button", { name: "Set password and sign in" });
  await waitForHydration(save);
  await newcomer.getByLabel("New password", { exact: true }).fill(user.userName);
  await newcomer.getByLabel("Confirm new password").fill(user.userName);
  await save.click();
  await expectFieldError(
    newcomer,
    "New password",
    "The password must not be your user name or email.",
  );

  await newcomer.getByLabel("New password", { exact: true }).fill(chosenPassword);
  await newcomer.getByLabel("Confirm new password").fill(chosenPassword);
  await save.click();
  await expect(newcomer).toHaveURL(/\/licence/);
  const accept = newcomer.getByRole("button", { name: "I accept" });
  await waitForHydration(accept);
  await accept.click();
  await expect(newcomer).toHaveURL(/\/activity/);
  await expect(newcomer.getByRole("banner")).toContainText(user.userName);

  // The link works once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("main").getByRole("alert")).toHaveText(
    "This link has expired or was already used. Ask for a new one.",
  );

  // And the password is theirs: an ordinary sign-in works.
  const later = await anonymousPage(browser);
  await signIn(later, user.userName, chosenPassword);
  await expect(later).toHaveURL(/\/activity/);
  await newcomer.context().close();
  await later.context().close();
});

test("Resend login instructions sends a new link and the older one stops working", async ({
  page,
  browser,
}) => {
  const user = await createUserWithInstructions(page, "resent");
  const first = await linkFromEmails(page, user.email, "Login instructions", "/set-password");
  await openUser(page, user.userName);
  await page.getByRole("button", { name: "Resend login instructions" }).click();
  await expectToast(page, "Login instructions sent");
  // Queued with the change: the newest message at once.
  const second = await linkFromEmails(page, user.email, "Login instructions", "/set-password");
  expect(second).not.toBe(first);

  const newcomer = await anonymousPage(browser);
  await newcomer.goto(first);
  await expect(newcomer.getByRole("main").getByRole("alert")).toContainText(
    "This link has expired",
  );
  await newcomer.goto(second);
  await expect(newcomer.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await newcomer.context().close();
});

test("a forgotten password is reset through the emailed link, ending the user's other sessions", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "forgetful");
  const elsewhere = await anonymousPage(browser);
  await signIn(elsewhere, user.userName, user.password);
  await expect(elsewhere).toHaveURL(/\/licence/);
  await elsewhere.getByRole("button", { name: "I accept" }).click();
  await expect(elsewhere).toHaveURL(/\/activity/);

  const visitor = await anonymousPage(browser);
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor).toHaveURL(/\/forgot-password$/);
  const send = visitor.getByRole("button", { name: "Send me a link" });
  await waitForHydration(send);
  await visitor.getByLabel("User name or email").fill(user.email);
  await send.click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const answer = await visitor.getByRole("main").textContent();

  // Someone who does not exist gets the very same answer.
  const stranger = await anonymousPage(browser);
  await stranger.goto("/forgot-password");
  await stranger.getByLabel("User name or email").fill(`${uniqueName("nobody")}@example.test`);
  await stranger.getByRole("button", { name: "Send me a link" }).click();
  await expect(stranger.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await stranger.getByRole("main").textContent()).toBe(answer);
  expect(new URL(stranger.url()).search).toBe(new URL(visitor.url()).search);

  const link = await linkFromEmails(page, user.email, "Password reset", "/reset-password");
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  const reset = visitor.getByRole("button", { name: "Reset password and sign in" });
  await waitForHydration(reset);
  await visitor.getByLabel("New password", { exact: true }).fill(chosenPassword);
  await visitor.getByLabel("Confirm new password").fill(chosenPassword);
  await reset.click();
  await expect(visitor).toHaveURL(/\/activity/);
  await expect(visitor.getByRole("banner")).toContainText(user.userName);

  // The session opened with the old password ended with the reset.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  // The user is told their password changed.
  await expect
    .poll(async () => {
      await page.goto("/emails");
      return page
        .getByRole("row")
        .filter({ hasText: user.email })
        .filter({ hasText: "Password changed" })
        .count();
    })
    .toBe(1);
  for (const other of [elsewhere, visitor, stranger]) await other.context().close();
});

test("the set-password page works with scripts off", async ({ page, browser }) => {
  const user = await createUserWithInstructions(page, "noscript");
  const link = await linkFromEmails(page, user.email, "Login instructions", "/set-password");

  const newcomer = await anonymousPage(browser, false);
  await newcomer.goto(link);
  await newcomer.getByLabel("New password", { exact: true }).fill(chosenPassword);
  await newcomer.getByLabel("Confirm new password").fill(`${chosenPassword} typo`);
  await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
  await expectFieldError(newcomer, "Confirm new password", "The passwords do not match.");

  await newcomer.getByLabel("New password", { exact: true }).fill(chosenPassword);
  await newcomer.getByLabel("Confirm new password").fill(chosenPassword);
  await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newcomer).toHaveURL(/\/licence/);
  await newcomer.getByRole("button", { name: "I accept" }).click();
  await expect(newcomer).toHaveURL(/\/activity/);
  await newcomer.context().close();
});

test("an Administrator sends a user a message from User Details", async ({ page }) => {
  const user = await createUser(page, "addressee");
  await openUser(page, user.userName);
  await page.getByRole("button", { name: "Send Email" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}\/email/);
  const send = page.getByRole("button", { name: "Send", exact: true });
  await waitForHydration(send);
  await send.click();
  await expectFieldError(page, "Subject", "Enter a subject.");
  const subject = `Desk phones ${uniqueName("msg")}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("Hello,\n\nThey arrive on Monday.");
  await send.click();
  await expectToast(page, "Email queued");
  await page.goto("/emails");
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText(user.email);
});

test("a new user's password may be left blank only while login instructions are sent", async ({
  page,
}) => {
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Send login instructions").uncheck();
  await page.getByLabel("User Name").fill(uniqueName("nopass"));
  await page.getByLabel("Email", { exact: true }).fill(`${uniqueName("nopass")}@example.test`);
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "New Password", "Enter a password.");
  await page.getByLabel("New Password").fill(userPassword);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
});

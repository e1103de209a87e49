import { type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { adminState, createUserViaForm, signIn, signInAndAccept, userPassword } from "./accounts";

let counter = 0;

/** A user name no other test (or earlier run on the same data) uses: prefix-<time><n>. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter}`;
}

export type TestUser = { userName: string; email: string; password: string };

/** Creates a user through the form as the Administrator signed in on `adminPage`. */
export async function createUser(
  adminPage: Page,
  prefix: string,
  role: "User" | "Administrator" = "User",
): Promise<TestUser> {
  const userName = uniqueName(prefix);
  const user = { userName, email: `${userName}@example.test`, password: userPassword };
  await createUserViaForm(adminPage, { ...user, role });
  return user;
}

/** Opens a user's details from a search of the User List and returns their id. */
export async function openUser(page: Page, userName: string, status?: "inactive"): Promise<string> {
  const query = new URLSearchParams({ q: userName });
  if (status) query.set("status", status);
  await page.goto(`/users?${query}`);
  await page.getByRole("link", { name: userName, exact: true }).click();
  await page.waitForURL(/\/users\/[0-9a-f-]{36}/);
  return userIdFrom(page.url());
}

export function userIdFrom(url: string): string {
  const id = new URL(url).pathname.split("/")[2];
  if (!id) throw new Error(`No user id in ${url}`);
  return id;
}

/**
 * A browser session with no cookies. (browser.newContext() would otherwise inherit
 * the file's test.use() options, the Administrator's storageState included.)
 */
export function freshContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ storageState: { cookies: [], origins: [] }, ...options });
}

/** A fresh browser session (not the saved Administrator's) signed in as `login`. */
export async function signedInPage(
  browser: Browser,
  login: string,
  password: string,
  { acceptLicence = true, ...options }: BrowserContextOptions & { acceptLicence?: boolean } = {},
): Promise<Page> {
  const context = await freshContext(browser, options);
  const page = await context.newPage();
  if (acceptLicence) await signInAndAccept(page, login, password);
  else {
    await signIn(page, login, password);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
  return page;
}

/** The Administrator's saved session in a new context, for tests that also drive another user. */
export async function adminPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, storageState: adminState });
  return context.newPage();
}

/** The toast that follows a redirect after a change. */
export async function expectToast(page: Page, message: string | RegExp) {
  await expect(page.getByRole("status")).toContainText(message);
}

/** An error beside a field: marked invalid and announced as the field's description. */
export async function expectFieldError(page: Page, label: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  // …and shown where the field's aria-describedby points, that is beside it.
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const described = page.locator(ids.map((id) => `[id="${id}"]`).join(", "));
  await expect(described.filter({ hasText: message })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

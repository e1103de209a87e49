import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { waitForHydration } from "./hydration";

export const admin = {
  organization: "Northwind Telephony",
  userName: "admin",
  email: "admin@northwind.test",
  password: "correct horse battery staple",
};

/** Browser state of the signed-in Administrator, written by first-run.setup.ts. */
export const adminState = path.join(
  import.meta.dirname,
  "..",
  ".auth",
  // Per port: a run beside this one (another port, another server) has its own sessions.
  `admin-${process.env.E2E_PORT ?? 3210}.json`,
);

export const userPassword = "a sturdy passphrase for tests";

export async function signIn(page: Page, login: string, password: string) {
  await page.goto("/sign-in");
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));
  await page.getByLabel("User name or email").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and accepts the licence if it is asked for. */
export async function signInAndAccept(page: Page, login: string, password: string) {
  await signIn(page, login, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  if (new URL(page.url()).pathname === "/licence") {
    await waitForHydration(page.getByRole("button", { name: "I accept" }));
    await page.getByRole("button", { name: "I accept" }).click();
    await page.waitForURL((url) => url.pathname !== "/licence");
  }
}

/** Creates a user through the User Manager as the signed-in Administrator. */
export async function createUserViaForm(
  page: Page,
  user: { userName: string; email: string; password?: string; role?: "User" | "Administrator" },
) {
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("User Name").fill(user.userName);
  await page.getByLabel("New Password").fill(user.password ?? userPassword);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  if (user.role) await page.getByLabel("Role").selectOption({ label: user.role });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("User created");
}

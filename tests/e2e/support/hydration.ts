import { expect, type Locator, type Page } from "@playwright/test";

// A click that lands before React hydrates takes the no-JavaScript path (a plain form
// post). Tests of the scripted behaviour wait for hydration so they test what they say;
// tests/e2e/no-javascript.spec.ts covers the plain path on purpose.

/** True when the page's scripts run (false in a context with javaScriptEnabled: false). */
export async function scriptsRun(page: Page): Promise<boolean> {
  return page.evaluate(() => "__next_f" in self);
}

/** Waits until React has attached its handlers to this element. */
export async function waitForHydration(element: Locator): Promise<void> {
  if (!(await scriptsRun(element.page()))) return;
  await expect
    .poll(
      () =>
        element.evaluate((node) =>
          Object.keys(node).some((key) => key.startsWith("__reactProps$")),
        ),
      { message: "React hydrated the control" },
    )
    .toBe(true);
}

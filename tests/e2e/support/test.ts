import {
  type Browser,
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  type Page,
  type Response,
} from "@playwright/test";
import { securityHeaderProblems } from "./security-headers";

// Every browser test imports `test` from here, so the whole suite doubles as a check of
// the Content Security Policy and the security headers: a test fails when any page it
// opened reported a CSP violation, or any page or route handler answered without them.

export type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
export { expect } from "@playwright/test";

type Options = {
  /** For a test that provokes a violation on purpose (and checks it was blocked). */
  allowCspViolations: boolean;
};

type Fixtures = {
  /** CSP violations the pages of this test reported, one line each. */
  cspViolations: string[];
  securityChecks: undefined;
};

const cspMention = /content security policy/i;

// Reports violations even when Chromium's own console line is not emitted (for example
// for a policy in report-only mode); init scripts are not subject to the page's CSP.
function reportViolations() {
  document.addEventListener("securitypolicyviolation", (event) => {
    console.error(
      `Content Security Policy violation: ${event.violatedDirective} blocked ` +
        `${event.blockedURI || "inline code"} in ${event.documentURI}`,
    );
  });
}

export const test = base.extend<Options & Fixtures>({
  allowCspViolations: [false, { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  cspViolations: async ({}, use) => {
    await use([]);
  },

  securityChecks: [
    async ({ browser, baseURL, allowCspViolations, cspViolations }, use, testInfo) => {
      const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
      const headerProblems = new Set<string>();
      let checkedResponses = 0;

      const checkResponse = (response: Response) => {
        const url = new URL(response.url());
        if (url.origin !== origin) return;
        const request = response.request();
        const isDocument = request.isNavigationRequest() && !request.frame().parentFrame();
        if (!isDocument && !url.pathname.startsWith("/api/")) return;
        checkedResponses += 1;
        for (const problem of securityHeaderProblems(response.url(), response.headers())) {
          headerProblems.add(`${response.status()} ${url.pathname}${url.search}: ${problem}`);
        }
      };
      const onConsole = (message: ConsoleMessage) => {
        if (cspMention.test(message.text())) {
          cspViolations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
        }
      };
      const watchPage = (page: Page) => {
        page.on("console", onConsole);
        page.on("response", checkResponse);
      };
      const watchContext = async (context: BrowserContext) => {
        await context.addInitScript(reportViolations);
        context.on("page", watchPage);
        for (const page of context.pages()) watchPage(page);
      };

      // Both the `context`/`page` fixtures and a test's own browser.newContext() come
      // through here, so no page escapes the checks.
      const newContext = browser.newContext;
      browser.newContext = async function (this: Browser, ...args) {
        const context = await newContext.apply(this, args);
        await watchContext(context);
        return context;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }

      testInfo.annotations.push({
        type: "security headers",
        description: `${checkedResponses} responses checked`,
      });
      const problems = [...headerProblems];
      if (!allowCspViolations) problems.push(...new Set(cspViolations));
      if (problems.length > 0) {
        throw new Error(`Security header or CSP problems:\n  ${problems.join("\n  ")}`);
      }
    },
    { auto: true },
  ],
});

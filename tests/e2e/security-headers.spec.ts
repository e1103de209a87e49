import { adminState } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { parsePolicy, scriptNonce, securityHeaderProblems } from "./support/security-headers";
import { expect, type Page, test } from "./support/test";
import { freshContext } from "./support/users";

// Every test in the suite already fails on a CSP violation or a response without the
// headers (support/test.ts); these tests pin down the details.

/** Opens `path` and returns the page's policy, its nonce and the HTML as served. */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  if (!response) throw new Error(`No response for ${path}`);
  const policy = parsePolicy(response.headers()["content-security-policy"]);
  return { response, policy, nonce: scriptNonce(policy), html: await response.text() };
}

test("each page request gets its own nonce, and every script in the page carries it", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const first = await openPage(page, "/sign-in");
  const second = await openPage(page, "/sign-in");

  expect(first.nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(second.nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(second.nonce).not.toBe(first.nonce);
  for (const { policy, html, nonce } of [first, second]) {
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  }
  // …and under that policy the page's scripts run: the form is React's.
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));
  await context.close();
});

test.describe("signed in", () => {
  test.use({ storageState: adminState });

  test("a signed-in page's policy allows no inline script either", async ({ page }) => {
    const { policy, html, nonce, response } = await openPage(page, "/users");
    expect(securityHeaderProblems(response.url(), response.headers())).toEqual([]);
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
      expect(tag).toContain(`nonce="${nonce}"`);
    await waitForHydration(page.getByRole("link", { name: "Users" }).first());
  });
});

test("route handlers answer with the headers and a policy that allows nothing", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(securityHeaderProblems(health.url(), health.headers())).toEqual([]);
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(health.headers()["x-frame-options"]).toBe("DENY");

  // The sign-in handler may answer HTML (the no-script form's blocked page): its inline
  // styles are allowed, scripts still are not.
  const signIn = await request.get("/api/sign-in");
  expect(securityHeaderProblems(signIn.url(), signIn.headers())).toEqual([]);
  const policy = parsePolicy(signIn.headers()["content-security-policy"]);
  expect(policy.get("style-src")).toEqual(["'unsafe-inline'"]);
  expect(policy.has("script-src")).toBe(false);
});

test("static files carry the headers that need no nonce", async ({ page, request }) => {
  const { html } = await openPage(page, "/sign-in");
  const script = html.match(/<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+)"/)?.[1];
  expect(script).toBeTruthy();
  const response = await request.get(script ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

test("a client's own X-Forwarded-Proto does not turn on HSTS over plain http", async ({
  request,
}) => {
  // Only a trusted proxy's header counts (TRUST_PROXY): server.ts drops the client's.
  for (const path of ["/sign-in", "/api/health"]) {
    const response = await request.get(path, {
      headers: { "x-forwarded-proto": "https" },
      maxRedirects: 0,
    });
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    expect(response.headers()["content-security-policy"], path).not.toContain(
      "upgrade-insecure-requests",
    );
  }
});

test.describe("violations provoked on purpose", () => {
  test.use({ allowCspViolations: true });

  test("script injected into a served page does not run; the page's own scripts do", async ({
    page,
    cspViolations,
  }) => {
    // Stands in for stored cross-site scripting: the page exactly as served, headers and
    // all, with markup slipped in after <body>.
    const injection =
      `<script>window.injectedScriptRan = true</script>` +
      `<script nonce="guessed">window.guessedNonceRan = true</script>` +
      `<img alt="" src="data:," onerror="window.injectedHandlerRan = true">`;
    await page.route("**/sign-in", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<body[^>]*>/, (body) => body + injection);
      await route.fulfill({ response, body: html });
    });
    await page.goto("/sign-in");
    await waitForHydration(page.getByRole("button", { name: "Sign in" }));
    await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(3);
    expect(cspViolations.join("\n")).toContain("script-src");
    const ran = await page.evaluate(() => {
      const flags = window as unknown as Record<string, unknown>;
      return [flags.injectedScriptRan, flags.guessedNonceRan, flags.injectedHandlerRan];
    });
    expect(ran).toEqual([undefined, undefined, undefined]);
  });

  test("no page can be shown in a frame", async ({ page, baseURL, cspViolations }) => {
    await page.setContent(`<iframe title="framed" src="${baseURL}/sign-in"></iframe>`);
    await expect.poll(() => cspViolations.join("\n")).toContain("frame-ancestors");
    const framed = page.frameLocator("iframe");
    await expect(framed.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });
});

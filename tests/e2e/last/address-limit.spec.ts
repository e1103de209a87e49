import { expect, test } from "@playwright/test";
import { admin } from "../support/accounts";

// Runs after every other browser test: it blocks 127.0.0.1 for the rest of the run.
test("more than 100 failed sign-ins from one address are refused with 429", async ({ request }) => {
  test.setTimeout(180_000);
  let status = 0;
  let attempts = 0;
  while (attempts < 130) {
    attempts++;
    const response = await request.post("/api/sign-in", {
      form: { login: `nobody-${attempts}`, password: "wrong password here" },
      headers: { accept: "application/json" },
    });
    status = response.status();
    if (status === 429) {
      expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
      expect((await response.json()).message).toContain("Too many failed sign-ins");
      break;
    }
    expect(status).toBe(401);
  }
  expect(status).toBe(429);
  expect(attempts).toBeGreaterThan(90);

  // Even the right password is refused from this address now, with or without scripts.
  const right = await request.post("/api/sign-in", {
    form: { login: admin.userName, password: admin.password },
    maxRedirects: 0,
  });
  expect(right.status()).toBe(429);
  expect(await right.text()).toContain("Too many attempts");
});

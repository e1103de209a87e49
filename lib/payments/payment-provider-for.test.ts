import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// lib/env reads the environment once, when first imported: each case imports afresh.
async function configuredProvider() {
  const { paymentProvider } = await import("./payment-provider-for");
  return paymentProvider();
}

describe("the configured payment provider", () => {
  it("is the embedded test provider without a Stripe key", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    expect((await configuredProvider()).name).toBe("test");
  });

  it("is Stripe, one client for every request, when a Stripe key is set", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_switchboard");
    vi.stubEnv("STRIPE_API_URL", "http://127.0.0.1:9");
    const { paymentProvider } = await import("./payment-provider-for");
    expect(paymentProvider().name).toBe("stripe");
    expect(paymentProvider()).toBe(paymentProvider());
  });
});

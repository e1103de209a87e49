import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { setupExpiry, signTestProviderValue } from "@/lib/payments/providers/test-provider-signing";
import TestProviderSetupPage from "./page";

const session = signTestProviderValue("session", {
  exp: setupExpiry(),
  accountId: "5f0c8f8e-0000-4000-8000-000000000001",
  returnUrl: "/billing/payment-methods/added?reference={SETUP_REFERENCE}",
  cancelUrl: "/billing/payment-methods",
});

async function render(params: Record<string, string>) {
  return renderToStaticMarkup(
    await TestProviderSetupPage({ searchParams: Promise.resolve(params) }),
  );
}

describe("the test provider's card page", () => {
  it("offers a plain form posted to the provider's handler, with labelled card fields", async () => {
    const html = await render({ session });
    expect(html).toContain("<h1");
    expect(html).toContain("Test payment provider");
    expect(html).toContain("embedded test payment provider");
    expect(html).toMatch(/<form [^>]*action="\/test-provider\/setup\/submit" method="post">/);
    expect(html).toContain(`name="session" value="${session}"`);
    for (const [id, label] of [
      ["number", "Card number"],
      ["expiry", "Expiry (MM/YY)"],
      ["cvc", "CVC"],
      ["name", "Name on card"],
    ]) {
      expect(html).toContain(
        `<label for="${id}" class="mb-1 block text-sm font-medium text-neutral-800">${label}</label>`,
      );
    }
    expect(html).toMatch(/<button type="submit"[^>]*>Save card<\/button>/);
    expect(html).toMatch(/<a href="\/billing\/payment-methods"[^>]*>Cancel<\/a>/);
    expect(html).toContain("4242 4242 4242 4242");
    expect(html).toContain("Saved, then declined when charged");
    expect(html).toContain("4000 0000 0000 9995");
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("shows each refusal beside its field and keeps the expiry and name, never the number", async () => {
    const html = await render({
      session,
      expiry: "01/20",
      name: "Ada Lovelace",
      number_error: "unknown",
      expiry_error: "past",
      cvc_error: "three",
    });
    expect(html).toContain('role="alert"');
    expect(html).toMatch(
      /name="number"[^>]*aria-invalid="true" aria-describedby="number-error"|aria-invalid="true" aria-describedby="number-error"[^>]*name="number"/,
    );
    expect(html).toContain(
      '<p id="number-error" class="mt-1 text-xs font-medium text-red-700">Use a test card number, such as 4242 4242 4242 4242.</p>',
    );
    expect(html).toContain("Your card&#x27;s expiry date is in the past.");
    expect(html).toContain('aria-describedby="cvc-help cvc-error"');
    expect(html).toMatch(/name="expiry"[^>]*value="01\/20"|value="01\/20"[^>]*name="expiry"/);
    expect(html).toMatch(/value="Ada Lovelace"/);
    expect(html).not.toMatch(/name="number"[^>]*value=/);
  });

  it("shows no words of a crafted link's own", async () => {
    const html = await render({ session, number_error: "You won a prize" });
    expect(html).not.toContain("You won a prize");
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("explains an invalid or expired link and offers no form", async () => {
    const links: Record<string, string>[] = [{}, { session: `${session}x` }];
    for (const params of links) {
      const html = await render(params);
      expect(html).toContain("This card setup link is not valid or has expired.");
      expect(html).not.toContain("<form");
    }
  });
});

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, proxy } from "./proxy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words): words is [string, ...string[]] => Boolean(words[0]))
      .map(([name, ...values]) => [name, values]),
  );
}

function run(url: string) {
  const response = proxy(new NextRequest(url));
  const policy = response.headers.get("content-security-policy") ?? "";
  return { response, policy, parsed: directives(policy) };
}

describe("proxy", () => {
  it("sends a page CSP with a fresh nonce, and passes the same policy to Next.js", () => {
    const first = run("http://portal.example/users?q=ann");
    const second = run("http://portal.example/users?q=ann");
    const nonce = first.parsed.get("script-src")?.find((value) => value.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{24}'$/);
    expect(second.policy).not.toContain(nonce);
    // Next.js reads the nonce from the request's CSP header.
    expect(first.response.headers.get("x-middleware-request-content-security-policy")).toBe(
      first.policy,
    );
    expect(first.response.headers.get("x-middleware-request-x-pathname")).toBe("/users?q=ann");
  });

  it("allows no inline or eval'd script and no framing outside development", () => {
    const { parsed } = run("http://portal.example/");
    expect(parsed.get("script-src")).not.toContain("'unsafe-inline'");
    expect(parsed.get("script-src")).not.toContain("'unsafe-eval'");
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'none'"]);
    // No nonce here: it would switch off the 'unsafe-inline' that style attributes need.
    expect(parsed.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("sends HSTS and upgrades requests only over https", () => {
    const plain = run("http://portal.example/");
    expect(plain.response.headers.get("strict-transport-security")).toBeNull();
    expect(plain.parsed.has("upgrade-insecure-requests")).toBe(false);
    const secure = run("https://portal.example/");
    expect(secure.response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    expect(secure.parsed.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("pageContentSecurityPolicy", () => {
  it("allows eval, for React Refresh, in development only", () => {
    const development = directives(
      pageContentSecurityPolicy({ nonce: "n", development: true, https: false }),
    );
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("script-src")).not.toContain("'unsafe-inline'");
    const production = directives(
      pageContentSecurityPolicy({ nonce: "n", development: false, https: false }),
    );
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'"]);
  });

  it("lets forms lead to Stripe's hosted page only when Stripe is configured", () => {
    const withoutStripe = directives(
      pageContentSecurityPolicy({ nonce: "n", development: false, https: true }),
    );
    expect(withoutStripe.get("form-action")).toEqual(["'self'"]);
    const withStripe = directives(
      pageContentSecurityPolicy({ nonce: "n", development: false, https: true, stripe: true }),
    );
    expect(withStripe.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
  });
});

import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";

// The value next.config.mjs sends when a trusted proxy reports https; the proxy also covers
// TLS that ends at this server. Sent over https only, as browsers ignore it over http.
const strictTransportSecurity = "max-age=63072000; includeSubDomains";

// Runs before every page (not /api, not static files: next.config.mjs gives every response,
// those included, the headers that need no nonce). It sets:
// - a Content-Security-Policy with a fresh nonce, on the request too, because that is where
//   Next.js reads the nonce it puts on its own scripts (pages are all rendered per request);
// - x-pathname, so a sign-in or licence redirect can send the user back to the page asked for;
// - Strict-Transport-Security when the page was asked for over https.
// Authorization happens in lib/, not here.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = request.nextUrl.protocol === "https:";
  const policy = pageContentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    https,
    stripe: Boolean(env.STRIPE_SECRET_KEY),
  });
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", strictTransportSecurity);
  return response;
}

type PolicyOptions = { nonce: string; development: boolean; https: boolean; stripe?: boolean };

/**
 * Scripts run only with the nonce (and what they load: 'strict-dynamic'), never inline;
 * the dev server's React Refresh also needs eval. Styles may be inline: style attributes
 * (a colour dot sets its colour in one) and the <style> that Next.js's own error page
 * inserts carry no nonce, and a nonce in style-src would switch 'unsafe-inline' off.
 */
export function pageContentSecurityPolicy({
  nonce,
  development,
  https,
  stripe = false,
}: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // "Add a card" posts to the portal, which redirects to Stripe's hosted page: browsers
    // apply form-action to that redirect too.
    `form-action 'self'${stripe ? " https://checkout.stripe.com" : ""}`,
    "frame-ancestors 'none'",
    // Over plain http (a developer's machine) upgrading would break every asset.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

// /favicon.ico is not excluded: there is no such file (the icon is app/icon.svg), so its
// answer is a not-found page, which gets a policy like every other page.
export const config = {
  matcher: ["/((?!_next/static|_next/image|api/).*)"],
};

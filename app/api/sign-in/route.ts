// POST /api/sign-in: anyone, from the portal's own pages. The sign-in form posts here, with
// or without scripts. Answers JSON to the enhanced form (Accept: application/json) and
// redirects otherwise (back to the form with the reason); a locked or slowed attempt gets 429
// as JSON, an address over its limit 429 either way, a cross-site post 403.

import { signIn } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { SignInRefused } from "@/lib/auth/sign-in-error";
import { signInMessage } from "@/lib/auth/sign-in-message";

export async function POST(request: Request) {
  // Before reading anything: another site must not sign a visitor in as someone else.
  if (!isSameOriginPost(request.headers)) {
    return new Response("Cross-site sign-in refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const form = await request.formData();
  const login = String(form.get("login") ?? "").slice(0, 254);
  const password = String(form.get("password") ?? "").slice(0, 1024);
  const callbackUrl = safeRedirectPath(form.get("callbackUrl"), "/");
  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;

  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const message = signInMessage(error.reason, error.retryAfterSeconds);
    const status = error.reason === "invalid" ? 401 : 429;
    const retryHeaders: Record<string, string> =
      status === 429 ? { "retry-after": String(error.retryAfterSeconds) } : {};
    if (wantsJson) {
      return Response.json(
        { ok: false, reason: error.reason, message },
        { status, headers: retryHeaders },
      );
    }
    if (error.reason === "address_blocked") {
      return new Response(blockedPage(message), {
        status,
        headers: { ...retryHeaders, "content-type": "text/html; charset=utf-8" },
      });
    }
    const back = new URLSearchParams({ error: error.reason, login, callbackUrl });
    if (error.retryAfterSeconds) back.set("retry", String(error.retryAfterSeconds));
    return seeOther(`/sign-in?${back}`);
  }
  if (wantsJson) return Response.json({ ok: true, redirectTo: callbackUrl });
  return seeOther(callbackUrl);
}

// A relative Location: the request's URL inside Next names the host it was started with, not
// the one the browser used (127.0.0.1 vs localhost, or a proxy's), and the session cookie
// belongs to the latter.
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}

// Inline style attributes only: next.config.mjs gives this route a CSP that allows them
// and no script at all.
function blockedPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts · Switchboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#171717">
<main><h1>Too many attempts</h1><p role="alert">${message}</p><p><a href="/sign-in">Back to sign in</a></p></main></body></html>`;
}

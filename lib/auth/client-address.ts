// server.ts rewrites X-Forwarded-For to the one client address it trusts (the
// socket's, or the proxy's when TRUST_PROXY is set), so reading it here is safe.
export function clientAddressFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const first = forwarded.split(",")[0]?.trim() ?? "";
  return first.replace(/^::ffff:/, "").slice(0, 100) || "unknown";
}

// What every response must carry (see next.config.mjs and proxy.ts), as a list of problems
// so one failure names all that is wrong with a response.

/** A Content-Security-Policy header as directive name -> its values. */
export function parsePolicy(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name)) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The nonce a page's script-src allows, if any. */
export function scriptNonce(policy: Map<string, string[]>): string | undefined {
  const source = policy.get("script-src")?.find((value) => value.startsWith("'nonce-"));
  return source?.slice("'nonce-".length, -1);
}

const disabledFeatures = ["camera", "microphone", "geolocation", "payment", "usb"];

/**
 * Problems with the security headers of one response from the portal: a page (HTML from
 * the proxy, with a nonce) or a route handler under /api (a CSP that allows nothing).
 */
export function securityHeaderProblems(url: string, headers: Record<string, string>): string[] {
  const { pathname, protocol } = new URL(url);
  const problems: string[] = [];
  const expectHeader = (name: string, expected: string) => {
    if (headers[name] !== expected) {
      problems.push(`${name} is ${JSON.stringify(headers[name])}, not "${expected}"`);
    }
  };
  expectHeader("x-content-type-options", "nosniff");
  expectHeader("referrer-policy", "strict-origin-when-cross-origin");
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of disabledFeatures) {
    if (!permissions.includes(`${feature}=()`))
      problems.push(`permissions-policy allows ${feature}`);
  }
  const hsts = headers["strict-transport-security"];
  if (protocol === "https:" && !hsts) problems.push("no strict-transport-security over https");
  if (protocol === "http:" && hsts) problems.push("strict-transport-security over plain http");

  const header = headers["content-security-policy"];
  if (!header) return [...problems, "no content-security-policy"];
  const policy = parsePolicy(header);
  if (policy.get("frame-ancestors")?.join(" ") !== "'none'") {
    problems.push(`frame-ancestors is not 'none' in ${header}`);
  }
  const scripts = policy.get("script-src") ?? policy.get("default-src");
  if (!scripts) problems.push(`neither script-src nor default-src in ${header}`);
  if (scripts?.includes("'unsafe-inline'")) problems.push(`scripts may run inline: ${header}`);
  if (scripts?.includes("'unsafe-eval'")) problems.push(`scripts may eval: ${header}`);
  if (pathname.startsWith("/api/")) {
    if (policy.get("default-src")?.join(" ") !== "'none'") {
      problems.push(`a route handler's default-src is not 'none': ${header}`);
    }
  } else if (!scriptNonce(policy)) {
    problems.push(`no script nonce in a page's policy: ${header}`);
  }
  return problems;
}

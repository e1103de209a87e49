/**
 * Keeps redirect targets on the portal's own origin: only absolute paths are kept
 * ("/users?q=a"); anything with a scheme, host, "//" or backslash becomes the fallback.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return fallback;
  // Control characters can smuggle a second "/" past the checks above in some browsers.
  if ([...target].some((character) => character.charCodeAt(0) < 0x20 || character === "\u007f")) {
    return fallback;
  }
  try {
    const url = new URL(target, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

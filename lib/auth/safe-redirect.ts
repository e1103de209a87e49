// Pure (no "server-only"): pages, actions, route handlers and unit tests all use it.

const base = "https://portal.invalid";
const maxLength = 2000;
// Every layer a redirect target may pass through (a proxy, a framework, a second redirect)
// may decode it once more; this many rounds cover any realistic nesting.
const maxDecodeRounds = 5;

/**
 * Keeps redirect targets on the portal's own origin: an absolute path ("/users?q=a") is
 * kept in its normalised form; anything that is, or after dot-segment removal or
 * percent-decoding becomes, a scheme, a host ("//", "/\") or a control character gives
 * the fallback.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > maxLength) {
    return fallback;
  }
  if (!isSafePath(target)) return fallback;
  let normalised: string;
  try {
    const url = new URL(target, base);
    if (url.origin !== base) return fallback;
    normalised = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  // "/.//evil.com" and "/%2e%2e//evil.com" only become "//evil.com" once normalised.
  return isSafePath(normalised) ? normalised : fallback;
}

/** A single leading "/" and no forbidden character, in the text and in each decoding of it. */
function isSafePath(path: string): boolean {
  let current = path;
  for (let round = 0; round <= maxDecodeRounds; round += 1) {
    if (!current.startsWith("/") || current.startsWith("//")) return false;
    if (hasForbiddenCharacter(current)) return false;
    const decoded = decodeAsciiEscapes(current);
    if (decoded === current) return true;
    current = decoded;
  }
  // Still changing after every round: encoded deeper than any honest link.
  return false;
}

/**
 * Control characters (browsers drop tabs and newlines inside URLs, which can join "/" and
 * "/" into "//") and backslashes (browsers read "\" as "/" in http(s) URLs).
 */
function hasForbiddenCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * Decodes %00-%7F only: every character that can change where a URL points is ASCII, and
 * unlike decodeURIComponent this never throws on a stray "%" or a non-UTF-8 escape, so a
 * "%2F" next to one cannot hide.
 */
function decodeAsciiEscapes(text: string): string {
  return text.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

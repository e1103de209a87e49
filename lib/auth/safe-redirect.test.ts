import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "https://portal.example";

// Pieces that, alone or combined, have turned same-origin checks into open redirects.
const trickyPieces = [
  "/",
  "//",
  "\\",
  ".",
  "..",
  "./",
  "../",
  "%2F",
  "%2f",
  "%5C",
  "%5c",
  "%2e",
  "%2E%2E",
  "%252F",
  "%25",
  "%",
  "%09",
  "%0A",
  "%0d",
  "%00",
  "\t",
  "\n",
  "\r",
  "\u0000",
  " ",
  "@",
  ":",
  "?",
  "#",
  ";",
  "evil.com",
  "evil.com:443",
  "http:",
  "https:",
  "javascript:",
  "users",
  "a",
  "／",
  "＼",
  "。",
  "\u2028",
  "é",
];

const trickyTarget = fc
  .tuple(
    fc.constantFrom("/", "", "//", "/\\", "\\"),
    fc.array(fc.constantFrom(...trickyPieces), { maxLength: 12 }),
  )
  .map(([start, parts]) => start + parts.join(""));

// Few pieces, so that the dangerous orders ("/" "." "/" "/" "evil.com") come up often.
const denseTarget = fc
  .array(fc.constantFrom("/", ".", "..", "\\", "%2F", "%2e", "%5C", "\t", "evil.com"), {
    maxLength: 8,
  })
  .map((parts) => `/${parts.join("")}`);

const anyTarget = fc.oneof(
  denseTarget,
  trickyTarget,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.webPath(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

/** The origin a browser lands on when a response sends `location` (the Fetch standard's way). */
function locationOrigin(location: string, responseUrl = `${origin}/api/sign-in`): string {
  return new URL(location.trim(), responseUrl).origin;
}

describe("safeRedirectPath", () => {
  it("keeps a path with its query and fragment", () => {
    expect(safeRedirectPath("/users?q=ann&status=inactive")).toBe("/users?q=ann&status=inactive");
    expect(safeRedirectPath("/users/1#details")).toBe("/users/1#details");
  });

  it("keeps an encoded query that names another path", () => {
    expect(safeRedirectPath("/licence?next=%2Fusers")).toBe("/licence?next=%2Fusers");
  });

  it("normalises dot segments that stay on the portal", () => {
    expect(safeRedirectPath("/users/./../groups")).toBe("/groups");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "\t//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/.//evil.com",
    "/..//evil.com",
    "/./..//evil.com",
    "/%2e%2e//evil.com",
    "/%2E//evil.com",
    "/%2F%2Fevil.com",
    "/%2f/evil.com",
    "/%252F%252Fevil.com",
    "/%25252F%25252Fevil.com",
    "/%5Cevil.com",
    "/%5cevil.com",
    "/%09/evil.com",
    "/%0A/evil.com",
    "/%0d%0a/evil.com",
    "/users%0d%0aSet-Cookie:%20a=b",
    "/%2525252525252F",
    "users",
    "",
    "/".padEnd(2001, "a"),
    undefined,
    null,
    42,
    ["/users"],
  ])("falls back for %j", (target) => {
    expect(safeRedirectPath(target, "/home")).toBe("/home");
  });

  it("never returns a path that starts with // or /\\", () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const result = safeRedirectPath(target);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result.startsWith("/\\")).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("never returns a path that the URL parser resolves to another origin", () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const result = safeRedirectPath(target);
        expect(new URL(result, origin).origin).toBe(origin);
        // As a Location header, resolved against the response's URL.
        expect(locationOrigin(result)).toBe(origin);
        expect(locationOrigin(result, `${origin}/deep/nested/page?x=1`)).toBe(origin);
      }),
      { numRuns: 5000 },
    );
  });

  it("stays on the portal even when a later hop decodes the path again", () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        let result = safeRedirectPath(target);
        for (let hop = 0; hop < 3; hop += 1) {
          result = decodeURIComponentOrKeep(result);
          expect(locationOrigin(result)).toBe(origin);
          expect(result.startsWith("//")).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("returns only printable ASCII, safe to put in a header as it is", () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        expect(safeRedirectPath(target)).toMatch(/^[\x21-\x7e]+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("is stable: a checked path passes a second check unchanged", () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const once = safeRedirectPath(target);
        expect(safeRedirectPath(once, "/fallback-marker")).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps ordinary portal paths as they are", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const query = fc.dictionary(segment, segment, { maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), query, (segments, params) => {
        const search = new URLSearchParams(params).toString();
        const path = `/${segments.join("/")}${search ? `?${search}` : ""}`;
        expect(safeRedirectPath(path)).toBe(path);
      }),
    );
  });
});

function decodeURIComponentOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

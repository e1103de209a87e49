import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("isSameOriginPost", () => {
  it("accepts a form posted from the portal's own pages", () => {
    expect(post({ host: "portal.example.test", origin: "https://portal.example.test" })).toBe(true);
    expect(
      post({
        host: "localhost:3000",
        origin: "http://localhost:3000",
        "sec-fetch-site": "same-origin",
      }),
    ).toBe(true);
  });

  it("refuses a form posted from another origin", () => {
    expect(post({ host: "portal.example.test", origin: "https://evil.example" })).toBe(false);
    expect(post({ host: "localhost:3000", origin: "http://localhost:3001" })).toBe(false);
    expect(post({ host: "localhost:3000", origin: "http://127.0.0.1:3000" })).toBe(false);
  });

  it("refuses an opaque or malformed Origin", () => {
    expect(post({ host: "portal.example.test", origin: "null" })).toBe(false);
    expect(post({ host: "portal.example.test", origin: "portal.example.test" })).toBe(false);
  });

  it("refuses a cross-site or same-site request without an Origin", () => {
    expect(post({ host: "portal.example.test", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ host: "portal.example.test", "sec-fetch-site": "same-site" })).toBe(false);
  });

  it("refuses a matching Origin that the browser itself calls cross-site", () => {
    expect(
      post({
        host: "portal.example.test",
        origin: "https://portal.example.test",
        "sec-fetch-site": "cross-site",
      }),
    ).toBe(false);
  });

  it("accepts a request without Origin or Sec-Fetch-Site, which no browser sends", () => {
    expect(post({ host: "portal.example.test" })).toBe(true);
  });

  it("compares with the forwarded host behind a trusted proxy", () => {
    const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.test" };
    expect(post({ ...proxied, origin: "https://portal.example.test" })).toBe(true);
    expect(post({ ...proxied, origin: "http://10.0.0.5:3000" })).toBe(false);
  });

  it("refuses an Origin when the request names no host", () => {
    expect(post({ origin: "https://portal.example.test" })).toBe(false);
  });
});

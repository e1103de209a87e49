import { beforeEach, describe, expect, it, vi } from "vitest";

// The route's own logic only: Auth.js (which Vitest cannot load outside Next.js) is
// replaced, so a refused request shows as no call to signIn.
const signIn = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/next-auth", () => ({ signIn }));
const { SignInRefused } = vi.hoisted(() => ({
  SignInRefused: class extends Error {
    constructor(
      readonly reason: string,
      readonly retryAfterSeconds = 0,
    ) {
      super(reason);
    }
  },
}));
vi.mock("@/lib/auth/sign-in-error", () => ({ SignInRefused }));

const { POST } = await import("./route");

function signInPost(headers: Record<string, string>) {
  const body = new URLSearchParams({
    login: "alice",
    password: "a passphrase",
    callbackUrl: "/users",
  });
  return new Request("http://localhost:3000/api/sign-in", { method: "POST", headers, body });
}

beforeEach(() => {
  signIn.mockReset();
  signIn.mockResolvedValue(undefined);
});

describe("POST /api/sign-in", () => {
  it("refuses a post from another site with 403, without trying to sign in", async () => {
    const response = await POST(
      signInPost({ host: "localhost:3000", origin: "https://evil.example" }),
    );
    expect(response.status).toBe(403);
    expect(signIn).not.toHaveBeenCalled();
  });

  it("refuses a cross-site post without an Origin", async () => {
    const response = await POST(
      signInPost({ host: "localhost:3000", "sec-fetch-site": "cross-site" }),
    );
    expect(response.status).toBe(403);
    expect(signIn).not.toHaveBeenCalled();
  });

  it("signs in from the portal's own page and redirects to where the user was going", async () => {
    const response = await POST(
      signInPost({ host: "localhost:3000", origin: "http://localhost:3000" }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/users");
    expect(signIn).toHaveBeenCalledWith("credentials", {
      login: "alice",
      password: "a passphrase",
      redirect: false,
    });
  });

  it("answers the enhanced form in JSON", async () => {
    const response = await POST(
      signInPost({
        host: "localhost:3000",
        origin: "http://localhost:3000",
        "sec-fetch-site": "same-origin",
        accept: "application/json",
      }),
    );
    expect(await response.json()).toEqual({ ok: true, redirectTo: "/users" });
  });

  it("tells a slowed user, in seconds, when to try again", async () => {
    signIn.mockRejectedValue(new SignInRefused("locked", 5));
    const sameOrigin = { host: "localhost:3000", origin: "http://localhost:3000" };
    const json = await POST(signInPost({ ...sameOrigin, accept: "application/json" }));
    expect(json.status).toBe(429);
    expect(json.headers.get("retry-after")).toBe("5");
    expect(await json.json()).toMatchObject({
      reason: "locked",
      message: "Too many failed attempts. Wait 5 seconds and try again.",
    });
    const plain = await POST(signInPost(sameOrigin));
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe(
      "/sign-in?error=locked&login=alice&callbackUrl=%2Fusers&retry=5",
    );
  });
});

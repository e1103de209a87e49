import { beforeEach, describe, expect, it, vi } from "vitest";

// The action's own logic only: the service and Auth.js are replaced.
const setup = vi.hoisted(() => ({
  hasAnyAccount: vi.fn(async () => true),
  setupOrganization: vi.fn(async () => undefined),
}));
vi.mock("@/lib/accounts/setup-organization", () => setup);
vi.mock("@/lib/auth/next-auth", () => ({ signIn: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { setupAction } = await import("./actions");

beforeEach(() => {
  setup.setupOrganization.mockClear();
});

describe("setupAction", () => {
  it("answers Not Found once set up, before reading the form", async () => {
    const form = new FormData();
    form.set("organizationName", "Late Org");
    form.set("userName", "late.admin");
    form.set("email", "late@example.test");
    form.set("password", "a perfectly fine passphrase");
    const error = await setupAction(undefined, form).catch((caught: unknown) => caught);
    expect((error as { digest?: string }).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(setup.setupOrganization).not.toHaveBeenCalled();
  });

  it("still answers an invalid form with field errors while not set up", async () => {
    setup.hasAnyAccount.mockResolvedValueOnce(false);
    const result = await setupAction(undefined, new FormData());
    expect(result).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    expect(setup.setupOrganization).not.toHaveBeenCalled();
  });
});

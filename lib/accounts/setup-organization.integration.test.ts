import { describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "../../tests/support/test-database";
import { hashPassword } from "../auth/passwords";
import { NotFoundError } from "../errors";
import { hasAnyAccount, setupOrganization } from "./setup-organization";

// Counts argon2 hashes; they still run for real.
vi.mock("../auth/passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../auth/passwords")>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

withTestDatabase();

const input = {
  organizationName: "First Org",
  userName: "first.admin",
  email: "first.admin@example.test",
  password: "a perfectly fine passphrase",
};

describe("setupOrganization", () => {
  it("creates the first organization", async () => {
    expect(await hasAnyAccount()).toBe(false);
    const { account, admin } = await setupOrganization({ input, clientAddress: "127.0.0.1" });
    expect(account.name).toBe("First Org");
    expect(admin.userName).toBe("first.admin");
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });

  it("answers Not Found once set up, without hashing the password", async () => {
    vi.mocked(hashPassword).mockClear();
    await expect(
      setupOrganization({ input: { ...input, userName: "second.admin" }, clientAddress: "::1" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(hashPassword).not.toHaveBeenCalled();
  });
});

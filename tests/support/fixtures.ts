import crypto from "node:crypto";
import type { UserRole } from "../../db/schema";
import { createOrganization } from "../../lib/accounts/setup-organization";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/passwords";
import { createUser } from "../../lib/users/create-user";
import type { CreateUserInput } from "../../lib/users/schemas";

export const testPassword = "a perfectly fine passphrase";
let passwordHash: Promise<string> | undefined;

export function uniqueName(prefix = "user"): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

/** A new organization with its first Administrator, as the actor services expect. */
export async function createTestAccount(name = uniqueName("org")) {
  passwordHash ??= hashPassword(testPassword);
  const userName = uniqueName("admin");
  const { account, admin } = await createOrganization({
    organizationName: name,
    userName,
    email: `${userName}@example.test`,
    passwordHash: await passwordHash,
    clientAddress: "127.0.0.1",
    onlyIfFirst: false,
  });
  const actor: Actor = {
    id: admin.id,
    accountId: account.id,
    role: "administrator",
    userName,
    clientAddress: "127.0.0.1",
  };
  return { account, admin: actor };
}

export function userInput(overrides: Partial<CreateUserInput> = {}): CreateUserInput {
  const userName = overrides.userName ?? uniqueName();
  return {
    userName,
    newPassword: testPassword,
    firstName: "Test",
    lastName: "User",
    alias: "",
    title: "",
    email: `${userName}@example.test`,
    fromEmails: [],
    phone: "",
    extension: "",
    address: "",
    color: "#336699",
    clickToDial: "",
    active: true,
    role: "user",
    ...overrides,
  };
}

/** Creates a user through the service, returning it and an actor acting as them. */
export async function createTestUser(by: Actor, overrides: Partial<CreateUserInput> = {}) {
  const user = await createUser({ actor: by, input: userInput(overrides) });
  const actor: Actor = {
    id: user.id,
    accountId: user.accountId,
    role: user.role as UserRole,
    userName: user.userName,
    clientAddress: "127.0.0.1",
  };
  return { user, actor };
}

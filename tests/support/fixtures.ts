import crypto from "node:crypto";
import { getDb } from "../../db/client";
import { type NewUser, type UserRole, users } from "../../db/schema";
import { createOrganization } from "../../lib/accounts/setup-organization";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/passwords";
import { createUser } from "../../lib/users/create-user";
import type { CreateUserInput, ProfileInput, UpdateUserInput } from "../../lib/users/schemas";
import type { UserRecord } from "../../lib/users/user-record";

export const testPassword = "a perfectly fine passphrase";
let passwordHash: Promise<string> | undefined;

/** The hash of testPassword, computed once per test file (argon2 is deliberately slow). */
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(testPassword);
  return passwordHash;
}

export function uniqueName(prefix = "user"): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

/** A new organization with its first Administrator, as the actor services expect. */
export async function createTestAccount(name = uniqueName("org")) {
  const userName = uniqueName("admin");
  const { account, admin } = await createOrganization({
    organizationName: name,
    userName,
    email: `${userName}@example.test`,
    passwordHash: await testPasswordHash(),
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

/** The actor a service sees when this user is signed in. */
export function actorFor(
  user: { id: string; accountId: string; role: string; userName: string },
  clientAddress = "127.0.0.1",
): Actor {
  return {
    id: user.id,
    accountId: user.accountId,
    role: user.role as UserRole,
    userName: user.userName,
    clientAddress,
  };
}

/**
 * Inserts users straight into the table, sharing one password hash (testPassword) and writing
 * no activity: for tests that need many users or need them fast.
 */
export async function insertTestUsers(
  accountId: string,
  rows: (Partial<Omit<NewUser, "accountId" | "passwordHash">> & { userName: string })[],
) {
  const hash = await testPasswordHash();
  return getDb()
    .insert(users)
    .values(
      rows.map((row) => ({
        email: `${row.userName}@example.test`,
        ...row,
        accountId,
        passwordHash: hash,
      })),
    )
    .returning();
}

/** The User Details form for an existing user, unchanged unless overridden (blank password). */
export function editInput(
  user: UserRecord,
  overrides: Partial<UpdateUserInput> = {},
): UpdateUserInput {
  return {
    userName: user.userName,
    newPassword: "",
    firstName: user.firstName,
    lastName: user.lastName,
    alias: user.alias,
    title: user.title,
    email: user.email,
    fromEmails: user.fromEmails,
    phone: user.phone,
    extension: user.extension,
    address: user.address,
    color: user.color,
    clickToDial: user.clickToDial,
    active: user.active,
    role: user.role,
    ...overrides,
  };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("Expected the operation to be refused, but it succeeded.");
}

/** The profile form for a user, unchanged unless overridden. */
export function profileInput(
  user: UserRecord,
  overrides: Partial<ProfileInput> = {},
): ProfileInput {
  const {
    userName: _name,
    newPassword: _password,
    active: _active,
    role: _role,
    ...profile
  } = editInput(user);
  return { ...profile, ...overrides };
}

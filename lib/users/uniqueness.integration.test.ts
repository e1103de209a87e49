import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import {
  actorFor,
  createTestAccount,
  createTestUser,
  editInput,
  insertTestUsers,
  profileInput,
  rejectionOf,
  testPassword,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { createUser } from "./create-user";
import { getUser } from "./find-user";
import { updateProfile } from "./update-profile";
import { updateUser } from "./update-user";

withTestDatabase();

const userNameTaken = "This user name is already in use.";
const emailTaken = "This email is already in use.";

let adminA: Actor;
let adminB: Actor;
// Lives in account B; account A's users must not reuse its name or email.
let other: { id: string; userName: string; email: string };

async function countUsersNamed(userName: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(sql`lower(${users.userName})`, userName.toLowerCase()));
  return row?.n ?? 0;
}

async function storedUser(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row;
}

beforeAll(async () => {
  adminA = (await createTestAccount()).admin;
  adminB = (await createTestAccount()).admin;
  const [inserted] = await insertTestUsers(adminB.accountId, [
    { userName: "Taken.Name", email: "Taken.Person@Example.test" },
  ]);
  other = inserted!;
});

describe("createUser uniqueness", () => {
  it("refuses a user name another account uses, in any letter case", async () => {
    const error = await rejectionOf(
      createUser({ actor: adminA, input: userInput({ userName: "tAKEN.nAME" }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "userName", message: userNameTaken });
    expect(await countUsersNamed("taken.name")).toBe(1);
  });

  it("refuses a user name used in the same account, in any letter case", async () => {
    const { user } = await createTestUser(adminA, { userName: "same.account" });
    const error = await rejectionOf(
      createUser({
        actor: adminA,
        input: userInput({ userName: "SAME.Account", email: "different@example.test" }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "userName", message: userNameTaken });
    expect(await countUsersNamed(user.userName)).toBe(1);
  });

  it("refuses an email another account uses, in any letter case", async () => {
    const userName = uniqueName("fresh");
    const error = await rejectionOf(
      createUser({
        actor: adminA,
        input: userInput({ userName, email: "TAKEN.person@example.TEST" }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "email", message: emailTaken });
    expect(await countUsersNamed(userName)).toBe(0);
  });

  it("lets only one of two concurrent creations of the same user name succeed", async () => {
    const userName = uniqueName("race");
    const results = await Promise.allSettled([
      createUser({ actor: adminA, input: userInput({ userName, email: "race1@example.test" }) }),
      createUser({
        actor: adminB,
        input: userInput({ userName: userName.toUpperCase(), email: "race2@example.test" }),
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(ConflictError);
    expect(refused?.reason).toMatchObject({ field: "userName", message: userNameTaken });
    expect(await countUsersNamed(userName)).toBe(1);
  });
});

describe("updateUser uniqueness", () => {
  it("refuses renaming a user to a name another account uses, leaving the user unchanged", async () => {
    const { user } = await createTestUser(adminA);
    const before = await storedUser(user.id);
    const error = await rejectionOf(
      updateUser({
        actor: adminA,
        userId: user.id,
        input: editInput(user, { userName: "TAKEN.NAME", firstName: "Changed" }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "userName", message: userNameTaken });
    expect(await storedUser(user.id)).toEqual(before);
  });

  it("refuses changing the email to one another account uses, leaving the user unchanged", async () => {
    const { user } = await createTestUser(adminA);
    const before = await storedUser(user.id);
    const error = await rejectionOf(
      updateUser({
        actor: adminA,
        userId: user.id,
        input: editInput(user, { email: other.email.toUpperCase() }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "email", message: emailTaken });
    expect(await storedUser(user.id)).toEqual(before);
  });

  it("refuses a name used by another user of the same account", async () => {
    const { user: first } = await createTestUser(adminA);
    const { user: second } = await createTestUser(adminA);
    const error = await rejectionOf(
      updateUser({
        actor: adminA,
        userId: second.id,
        input: editInput(second, { userName: first.userName.toUpperCase() }),
      }),
    );
    expect(error).toMatchObject({ field: "userName", message: userNameTaken });
    expect((await getUser({ actor: adminA, userId: second.id })).userName).toBe(second.userName);
  });

  it("lets a user keep their own name and email with different letter case", async () => {
    const { user } = await createTestUser(adminA);
    const updated = await updateUser({
      actor: adminA,
      userId: user.id,
      input: editInput(user, {
        userName: user.userName.toUpperCase(),
        email: user.email.toUpperCase(),
      }),
    });
    expect(updated.userName).toBe(user.userName.toUpperCase());
    expect(updated.email).toBe(user.email.toUpperCase());
  });
});

describe("updateProfile uniqueness", () => {
  it("refuses an email another account uses, leaving the profile unchanged", async () => {
    const { user } = await createTestUser(adminA);
    const before = await storedUser(user.id);
    const error = await rejectionOf(
      updateProfile({
        actor: actorFor(user),
        input: profileInput(user, {
          email: other.email.toLowerCase(),
          currentPassword: testPassword,
        }),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: "email", message: emailTaken });
    expect(await storedUser(user.id)).toEqual(before);
  });
});

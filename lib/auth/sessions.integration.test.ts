import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/find-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateProfile } from "@/lib/users/update-profile";
import { updateUser } from "@/lib/users/update-user";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  profileInput,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { endSession } from "./end-sessions";
import { loadSessionUser } from "./load-session-user";
import { sessionIsCurrent } from "./session-is-current";

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

type Session = { sessionId: string; sessionVersion: number };

/** A user with a session as sign-in would issue it (the session version at that moment). */
async function signedInUser(overrides: { role?: "user" | "administrator" } = {}) {
  const [user] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("session"), ...overrides },
  ]);
  const session: Session = { sessionId: crypto.randomUUID(), sessionVersion: user!.sessionVersion };
  return { user: user!, session };
}

async function isCurrent(userId: string, session: Session): Promise<boolean> {
  const loaded = await loadSessionUser(userId, session.sessionId);
  return loaded !== undefined && sessionIsCurrent(loaded, session);
}

describe("session ending", () => {
  it("keeps the session sign-in issued current", async () => {
    const { user } = await signedInUser();
    const result = await authenticate({
      login: user.userName,
      password: testPassword,
      clientAddress: "192.0.2.1",
    });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    const session = { sessionId: crypto.randomUUID(), sessionVersion: result.user.sessionVersion };
    expect(await isCurrent(result.user.id, session)).toBe(true);
  });

  it("refuses a session without an id or from another session version", async () => {
    const { user, session } = await signedInUser();
    const loaded = (await loadSessionUser(user.id, session.sessionId))!;
    expect(sessionIsCurrent(loaded, { sessionVersion: session.sessionVersion })).toBe(false);
    expect(
      sessionIsCurrent(loaded, { ...session, sessionVersion: session.sessionVersion - 1 }),
    ).toBe(false);
  });

  it("keeps sessions current when an Administrator edits other details", async () => {
    const { user, session } = await signedInUser();
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { firstName: "Renamed", email: `${uniqueName()}@example.test` }),
    });
    expect(await isCurrent(user.id, session)).toBe(true);
  });

  it("keeps sessions current when a user edits their profile", async () => {
    const { user, session } = await signedInUser();
    await updateProfile({ actor: actorFor(user), input: profileInput(user, { title: "Boss" }) });
    expect(await isCurrent(user.id, session)).toBe(true);
  });

  it("ends the user's sessions when an Administrator sets a new password", async () => {
    const { user, session } = await signedInUser();
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { newPassword: "a brand new passphrase" }),
    });
    expect(await isCurrent(user.id, session)).toBe(false);
  });

  it("ends the user's sessions when they change their own password", async () => {
    const { user, session } = await signedInUser();
    await changeOwnPassword({
      actor: actorFor(user),
      input: {
        currentPassword: testPassword,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      },
    });
    expect(await isCurrent(user.id, session)).toBe(false);
  });

  it("ends the user's sessions when their role changes either way", async () => {
    const promoted = await signedInUser();
    await updateUser({
      actor: admin,
      userId: promoted.user.id,
      input: editInput(promoted.user, { role: "administrator" }),
    });
    expect(await isCurrent(promoted.user.id, promoted.session)).toBe(false);

    const demoted = await signedInUser({ role: "administrator" });
    await updateUser({
      actor: admin,
      userId: demoted.user.id,
      input: editInput(demoted.user, { role: "user" }),
    });
    expect(await isCurrent(demoted.user.id, demoted.session)).toBe(false);
  });

  it("ends the user's sessions when inactivated, for good even after reactivation", async () => {
    const { user, session } = await signedInUser();
    await setUserActive({ actor: admin, userId: user.id, active: false });
    expect(await isCurrent(user.id, session)).toBe(false);
    await setUserActive({ actor: admin, userId: user.id, active: true });
    expect(await isCurrent(user.id, session)).toBe(false);
  });

  it("ends the user's sessions when inactivated through the User Details form", async () => {
    const { user, session } = await signedInUser();
    await updateUser({ actor: admin, userId: user.id, input: editInput(user, { active: false }) });
    expect(await isCurrent(user.id, session)).toBe(false);
    const reactivated = await getUser({ actor: admin, userId: user.id });
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(reactivated, { active: true }),
    });
    expect(await isCurrent(user.id, session)).toBe(false);
  });

  it("ends only the session that signed out", async () => {
    const { user, session } = await signedInUser();
    const otherDevice = { ...session, sessionId: crypto.randomUUID() };
    await endSession({ sessionId: session.sessionId, userId: user.id });
    expect(await isCurrent(user.id, session)).toBe(false);
    expect(await isCurrent(user.id, otherDevice)).toBe(true);
    // Signing out twice is harmless.
    await endSession({ sessionId: session.sessionId, userId: user.id });
    expect(await isCurrent(user.id, otherDevice)).toBe(true);
  });

  it("finds no session user once the user is deleted", async () => {
    const { user, session } = await signedInUser();
    expect(await loadSessionUser(user.id, session.sessionId)).toBeDefined();
    await deleteUser({ actor: admin, userId: user.id });
    expect(await loadSessionUser(user.id, session.sessionId)).toBeUndefined();
  });
});

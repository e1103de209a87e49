import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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
import { judgeSession, type SessionVerdict, sessionLimits } from "./session-policy";
import { startSession } from "./start-session";
import { touchSession } from "./touch-session";

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
  const sessionId = await startSession({ userId: user!.id, clientAddress: "192.0.2.1" });
  const session: Session = { sessionId, sessionVersion: user!.sessionVersion };
  return { user: user!, session };
}

async function verdict(userId: string, session: Session): Promise<SessionVerdict> {
  const loaded = await loadSessionUser(userId, session.sessionId);
  return loaded ? judgeSession(loaded, session.sessionVersion, new Date()) : "ended";
}

async function isCurrent(userId: string, session: Session): Promise<boolean> {
  return (await verdict(userId, session)) === "current";
}

afterEach(() => {
  vi.useRealTimers();
});

describe("session ending", () => {
  it("keeps the session sign-in issued current", async () => {
    const { user } = await signedInUser();
    const result = await authenticate({
      login: user.userName,
      password: testPassword,
      clientAddress: "192.0.2.1",
    });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    const sessionId = await startSession({ userId: result.user.id, clientAddress: "192.0.2.1" });
    const session = { sessionId, sessionVersion: result.user.sessionVersion };
    expect(await isCurrent(result.user.id, session)).toBe(true);
  });

  it("refuses a session id it never issued, another user's, or another session version", async () => {
    const { user, session } = await signedInUser();
    const other = await signedInUser();
    expect(await isCurrent(user.id, { ...session, sessionId: crypto.randomUUID() })).toBe(false);
    expect(await isCurrent(user.id, { ...session, sessionId: other.session.sessionId })).toBe(
      false,
    );
    expect(await isCurrent(user.id, { ...session, sessionId: "not-a-uuid" })).toBe(false);
    expect(
      await isCurrent(user.id, { ...session, sessionVersion: session.sessionVersion - 1 }),
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
    const otherDevice = {
      ...session,
      sessionId: await startSession({ userId: user.id, clientAddress: "192.0.2.2" }),
    };
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

describe("session lifetime", () => {
  const minutes = 60_000;

  it("ends a session at its absolute lifetime however busy it is", async () => {
    const start = new Date("2026-11-30T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const { user, session } = await signedInUser();
    // Used every ten minutes, it never goes idle, but it still ends on time.
    for (let elapsed = 10 * minutes; elapsed < sessionLimits.maxAgeMs; elapsed += 10 * minutes) {
      vi.setSystemTime(start.getTime() + elapsed);
      expect(await verdict(user.id, session)).toBe("current");
      const loaded = (await loadSessionUser(user.id, session.sessionId))!;
      await touchSession(session.sessionId, loaded.session!.lastSeenAt);
    }
    vi.setSystemTime(start.getTime() + sessionLimits.maxAgeMs);
    expect(await verdict(user.id, session)).toBe("expired");
  });

  it("ends an Administrator's session after 30 idle minutes and a User's after 60", async () => {
    const start = new Date("2026-11-30T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const administrator = await signedInUser({ role: "administrator" });
    const user = await signedInUser();
    expect(sessionLimits.idleMs.administrator).toBe(30 * minutes);
    expect(sessionLimits.idleMs.user).toBe(60 * minutes);

    vi.setSystemTime(start.getTime() + 29 * minutes);
    expect(await verdict(administrator.user.id, administrator.session)).toBe("current");
    vi.setSystemTime(start.getTime() + 30 * minutes);
    expect(await verdict(administrator.user.id, administrator.session)).toBe("idle");
    expect(await verdict(user.user.id, user.session)).toBe("current");
    vi.setSystemTime(start.getTime() + 60 * minutes);
    expect(await verdict(user.user.id, user.session)).toBe("idle");
  });

  it("counts activity: a session used within its idle timeout stays current", async () => {
    const start = new Date("2026-11-30T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const { user, session } = await signedInUser({ role: "administrator" });
    vi.setSystemTime(start.getTime() + 20 * minutes);
    await touchSession(session.sessionId, start);
    vi.setSystemTime(start.getTime() + 45 * minutes);
    expect(await verdict(user.id, session)).toBe("current");
    vi.setSystemTime(start.getTime() + 50 * minutes);
    expect(await verdict(user.id, session)).toBe("idle");
  });

  it("never brings an ended session back, also after its row is cleaned up", async () => {
    const start = new Date("2026-11-30T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const { user, session } = await signedInUser();
    await endSession({ sessionId: session.sessionId, userId: user.id });
    expect(await verdict(user.id, session)).toBe("ended");
    // A later sign-out prunes rows past the lifetime; the token is still refused.
    vi.setSystemTime(start.getTime() + sessionLimits.maxAgeMs + minutes);
    const later = await signedInUser();
    await endSession({ sessionId: later.session.sessionId, userId: later.user.id });
    expect((await loadSessionUser(user.id, session.sessionId))?.session).toBeNull();
    expect(await verdict(user.id, session)).toBe("ended");
  });
});

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { ForbiddenError } from "../errors";
import { createGroup } from "../groups/create-group";
import { addGroupMember, removeGroupMember } from "../groups/group-members";
import { setUserOverrides } from "../permissions/set-user-overrides";
import { deleteUser } from "../users/delete-user";
import { getUser } from "../users/find-user";
import { resendLoginInstructions } from "../users/resend-login-instructions";
import { sendUserEmail } from "../users/send-user-email";
import { setUserActive } from "../users/set-user-active";
import { updateUser } from "../users/update-user";
import type { UserRecord } from "../users/user-record";
import type { Actor } from "./actor";
import { loadPermissions } from "./load-permissions";
import { allPermissionKeys, type PermissionKey } from "./modules";

// Delegation never escalates: for every permission in the registry, a delegate who
// holds everything but that permission is refused every change to a user who holds
// it. The cases are generated from the registry; the list of services is checked
// against the service files, so a new service without a case fails this test.

withTestDatabase();

type Fixture = {
  delegate: Actor;
  /** Holds the one permission the delegate lacks. */
  target: UserRecord;
  inactiveTarget: UserRecord;
  /** A group the delegate may grant, with the target in it. */
  emptyGroupId: string;
  /** Another group the delegate may grant, without the target. */
  spareGroupId: string;
};

type Case = (fixture: Fixture) => Promise<unknown>;

/** Every service that changes a user, with the call that tries it on the target. */
const userChangingServices: Record<string, Record<string, Case>> = {
  updateUser: {
    "edits the details": ({ delegate, target }) =>
      updateUser({ actor: delegate, userId: target.id, input: editInput(target, { title: "X" }) }),
    "sets a new password": ({ delegate, target }) =>
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { newPassword: "a takeover passphrase" }),
      }),
    "changes the email": ({ delegate, target }) =>
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { email: `${uniqueName("takeover")}@example.test` }),
      }),
    "inactivates through the form": ({ delegate, target }) =>
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { active: false }),
      }),
    "reactivates through the form": ({ delegate, inactiveTarget }) =>
      updateUser({
        actor: delegate,
        userId: inactiveTarget.id,
        input: editInput(inactiveTarget, { active: true }),
      }),
    "changes the groups through the form": ({ delegate, target }) =>
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { groupIds: [] }),
      }),
  },
  setUserActive: {
    inactivates: ({ delegate, target }) =>
      setUserActive({ actor: delegate, userId: target.id, active: false }),
    reactivates: ({ delegate, inactiveTarget }) =>
      setUserActive({ actor: delegate, userId: inactiveTarget.id, active: true }),
  },
  deleteUser: {
    deletes: ({ delegate, target }) => deleteUser({ actor: delegate, userId: target.id }),
  },
  // The link sets a password: taking over the user through their mailbox's link is a change.
  resendLoginInstructions: {
    "resends login instructions": ({ delegate, target }) =>
      resendLoginInstructions({ actor: delegate, userId: target.id, origin: "https://x.test" }),
  },
  sendUserEmail: {
    "sends an email": ({ delegate, target }) =>
      sendUserEmail({
        actor: delegate,
        userId: target.id,
        input: { from: "", subject: "Hello", body: "A message in the organization's name." },
      }),
  },
  setUserOverrides: {
    "adds a Deny": ({ delegate, target }) =>
      setUserOverrides({
        actor: delegate,
        userId: target.id,
        overrides: { "activity:view_own": "deny" },
      }),
  },
  addGroupMember: {
    "adds to a group": ({ delegate, target, spareGroupId }) =>
      addGroupMember({ actor: delegate, groupId: spareGroupId, userName: target.userName }),
  },
  removeGroupMember: {
    "removes from a group": ({ delegate, target, emptyGroupId }) =>
      removeGroupMember({ actor: delegate, groupId: emptyGroupId, userId: target.id }),
  },
};

// Services that take an actor but change no user, or only the actor themselves, and why.
const notUserChanging: Record<string, string> = {
  createUser: "a new user holds nothing yet; its groups go through setUserGroups' rules",
  changeUserActive: "called only by setUserActive and updateUser, covered through both",
  getUser: "reads",
  listUsers: "reads",
  countUsers: "reads",
  nameConflicts: "reads whether names are in use (limited like a refused save)",
  suggestUsers: "reads",
  listAdministrators: "reads",
  getUserPermissions: "reads",
  getProfile: "reads the actor",
  updateProfile: "the actor's own details",
  changeOwnPassword: "the actor's own password",
  mayManageUser: "the rule itself, for pages",
  getUserEmailForm: "reads, with the same rule as sendUserEmail",
  senderAddresses: "reads the actor's own sender addresses",
  createGroup: "grants checked by assertMayGrant (delegation.integration.test.ts)",
  updateGroup: "grants checked by assertMayGrant (delegation.integration.test.ts)",
  deleteGroup: "grants checked by assertMayGrant (delegation.integration.test.ts)",
  getGroup: "reads",
  listGroups: "reads",
  listGroupMembers: "reads",
  getGroupChoices: "reads",
  verifyOwnChange: "the actor's own password check",
  setUserGroups: "called only by createUser and updateUser, covered through updateUser",
  assertMayChangeGroup: "the group rule (hardening.integration.test.ts)",
  assertMayManageUser: "the rule itself",
  assertMayManageUsers: "the rule itself, for a group's members",
  permissionsBeyondActor: "the rule itself",
  withNameInUseLimit: "wraps createUser, updateUser and updateProfile",
};

/** Exported async functions taking `{ actor, ... }` in the service folders. */
function discoveredServices(): string[] {
  const names: string[] = [];
  for (const folder of ["users", "groups", "permissions"]) {
    const dir = path.join(import.meta.dirname, "..", folder);
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      // Parameters that name the actor, or an options object read for it first thing.
      for (const match of source.matchAll(
        /export async function (\w+)(?:<[^>]*>)?\(([^)]*)\)[^{]*\{([\s\S]{0,120})/g,
      )) {
        if (/\bactor\b/.test(match[2]!) || /\bactor\b/.test(match[3]!)) names.push(match[1]!);
      }
    }
  }
  return names.sort();
}

let admin: Actor;
const fixtures = new Map<PermissionKey, Fixture>();

async function signedIn(user: { id: string }): Promise<Actor> {
  const record = await getUser({ actor: admin, userId: user.id });
  return { ...actorFor(record), ...(await loadPermissions(user.id)) };
}

async function groupWith(permissions: PermissionKey[]) {
  return createGroup({
    actor: admin,
    input: { name: uniqueName("Grants"), description: "", permissions },
  });
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  const emptyGroup = await groupWith([]);
  const spareGroup = await groupWith([]);
  for (const missing of allPermissionKeys) {
    const [delegateUser, target, inactiveTarget] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("delegate") },
      { userName: uniqueName("target") },
      { userName: uniqueName("target"), active: false },
    ]);
    const allButOne = await groupWith(allPermissionKeys.filter((key) => key !== missing));
    const justThat = await groupWith([missing]);
    await addGroupMember({ actor: admin, groupId: allButOne.id, userName: delegateUser!.userName });
    // A Deny override takes even the User baseline's actions away from the delegate.
    await setUserOverrides({
      actor: admin,
      userId: delegateUser!.id,
      overrides: { [missing]: "deny" },
    });
    for (const user of [target!, inactiveTarget!]) {
      await addGroupMember({ actor: admin, groupId: justThat.id, userName: user.userName });
      await addGroupMember({ actor: admin, groupId: emptyGroup.id, userName: user.userName });
    }
    fixtures.set(missing, {
      delegate: await signedIn(delegateUser!),
      target: await getUser({ actor: admin, userId: target!.id }),
      inactiveTarget: await getUser({ actor: admin, userId: inactiveTarget!.id }),
      emptyGroupId: emptyGroup.id,
      spareGroupId: spareGroup.id,
    });
  }
}, 300_000);

describe("delegation containment", () => {
  it("has a case for every service that takes an actor", () => {
    const covered = [...Object.keys(userChangingServices), ...Object.keys(notUserChanging)].sort();
    expect(discoveredServices()).toEqual(covered);
  });

  const cases = Object.entries(userChangingServices).flatMap(([service, calls]) =>
    Object.entries(calls).map(([what, call]) => ({ name: `${service} ${what}`, call })),
  );

  for (const { name, call } of cases) {
    it(`refuses a delegate who ${name.replace(/^\w+ /, "")} (${name.split(" ")[0]}) on anyone holding a permission they lack`, async () => {
      for (const missing of allPermissionKeys) {
        const fixture = fixtures.get(missing)!;
        const error = await rejectionOf(call(fixture));
        expect(error, `${name} with ${missing}`).toBeInstanceOf(ForbiddenError);
      }
      // Nothing changed: the targets are as they were.
      for (const { target, inactiveTarget } of fixtures.values()) {
        expect(await getUser({ actor: admin, userId: target.id })).toMatchObject({
          email: target.email,
          active: true,
          title: target.title,
        });
        expect((await getUser({ actor: admin, userId: inactiveTarget.id })).active).toBe(false);
      }
    });

    it(`lets a delegate ${name.replace(/^\w+ /, "")} (${name.split(" ")[0]}) on a user holding less`, async () => {
      // The same delegate (everything but Billing: Manage) on users who hold nothing special.
      const { delegate, emptyGroupId, spareGroupId } = fixtures.get("billing:manage")!;
      const [target, inactiveTarget] = await insertTestUsers(admin.accountId, [
        { userName: uniqueName("plain") },
        { userName: uniqueName("plain"), active: false },
      ]);
      for (const user of [target!, inactiveTarget!]) {
        await addGroupMember({ actor: admin, groupId: emptyGroupId, userName: user.userName });
      }
      await call({
        delegate,
        emptyGroupId,
        spareGroupId,
        target: await getUser({ actor: admin, userId: target!.id }),
        inactiveTarget: await getUser({ actor: admin, userId: inactiveTarget!.id }),
      });
    });
  }
});

import { beforeAll, describe, expect, it } from "vitest";
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
import { listActivity } from "../activity/list-activity";
import { activityQuerySchema } from "../activity/schemas";
import type { Actor } from "../auth/actor";
import { authenticate } from "../auth/authenticate";
import { loadPermissions } from "../auth/load-permissions";
import type { PermissionKey } from "../auth/modules";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { getGroup } from "../groups/get-group";
import { getGroupChoices } from "../groups/group-choices";
import { addGroupMember, removeGroupMember } from "../groups/group-members";
import { updateGroup } from "../groups/update-group";
import { setUserOverrides } from "../permissions/set-user-overrides";
import { createUser } from "./create-user";
import { getUser } from "./find-user";
import { nameConflicts } from "./name-conflicts";
import { updateProfile } from "./update-profile";
import { updateUser } from "./update-user";

withTestDatabase();

let admin: Actor;

async function signedIn(userId: string): Promise<Actor> {
  const record = await getUser({ actor: admin, userId });
  return { ...actorFor(record), ...(await loadPermissions(userId)) };
}

/** A User who holds exactly `permissions`, through a group an Administrator made. */
async function delegateWith(permissions: PermissionKey[]): Promise<Actor> {
  const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("delegate") }]);
  const group = await createGroup({
    actor: admin,
    input: { name: uniqueName("Delegates"), description: "", permissions },
  });
  await addGroupMember({ actor: admin, groupId: group.id, userName: user!.userName });
  return signedIn(user!.id);
}

async function plainUser(overrides: { active?: boolean } = {}) {
  const [user] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("plain"), ...overrides },
  ]);
  return getUser({ actor: admin, userId: user!.id });
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

describe("removing a Deny is a grant (2)", () => {
  it("refuses to lift a Deny on an action the delegate does not hold", async () => {
    const delegate = await delegateWith(["users:view", "permissions:view", "permissions:edit"]);
    const target = await plainUser();
    await setUserOverrides({
      actor: admin,
      userId: target.id,
      overrides: { "activity:view_own": "deny" },
    });
    // activity:view_own is in the User baseline, which the delegate has too: that one is fine.
    await setUserOverrides({
      actor: delegate,
      userId: target.id,
      overrides: { "activity:view_own": "inherit" },
    });
    await setUserOverrides({
      actor: admin,
      userId: target.id,
      overrides: { "billing:view": "deny" },
    });
    for (const choice of ["inherit", "allow"] as const) {
      const error = await rejectionOf(
        setUserOverrides({
          actor: delegate,
          userId: target.id,
          overrides: { "billing:view": choice },
        }),
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toContain("Billing: View");
    }
    expect((await loadPermissions(target.id)).overrides.get("billing:view")).toBe("deny");
  });

  it("refuses anyone, Administrators too, their own overrides", async () => {
    const delegate = await delegateWith(["users:view", "permissions:view", "permissions:edit"]);
    await expect(
      setUserOverrides({
        actor: delegate,
        userId: delegate.id,
        overrides: { "users:view": "deny" },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setUserOverrides({ actor: admin, userId: admin.id, overrides: { "users:view": "deny" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await loadPermissions(delegate.id)).overrides.size).toBe(0);
  });
});

describe("inactivation and reactivation, one rule (3)", () => {
  it("refuses reactivation through the form without Users: Inactivate", async () => {
    const delegate = await delegateWith(["users:view", "users:edit"]);
    const inactive = await plainUser({ active: false });
    const error = await rejectionOf(
      updateUser({
        actor: delegate,
        userId: inactive.id,
        input: editInput(inactive, { active: true }),
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((await getUser({ actor: admin, userId: inactive.id })).active).toBe(false);
    // Other details of an inactive user can still be edited.
    await updateUser({
      actor: delegate,
      userId: inactive.id,
      input: editInput(inactive, { title: "Returning" }),
    });
    expect((await getUser({ actor: admin, userId: inactive.id })).title).toBe("Returning");
  });

  it("reactivates through the form with Users: Inactivate and records it once", async () => {
    const delegate = await delegateWith(["users:view", "users:edit", "users:inactivate"]);
    const inactive = await plainUser({ active: false });
    await updateUser({
      actor: delegate,
      userId: inactive.id,
      input: editInput(inactive, { active: true }),
    });
    expect((await getUser({ actor: admin, userId: inactive.id })).active).toBe(true);
    const page = await listActivity({
      actor: admin,
      query: activityQuerySchema.parse({ kind: "user.reactivated", target: inactive.userName }),
    });
    expect(page.rows).toHaveLength(1);
  });
});

describe("group membership (4)", () => {
  it("refuses to take someone out of a group the delegate cannot grant, in both places", async () => {
    const delegate = await delegateWith(["users:view", "users:edit", "groups:view", "groups:edit"]);
    const reports = await createGroup({
      actor: admin,
      input: { name: uniqueName("Reports"), description: "", permissions: ["activity:view_own"] },
    });
    const billing = await createGroup({
      actor: admin,
      input: { name: uniqueName("Billing"), description: "", permissions: ["billing:view"] },
    });
    const target = await plainUser();
    await addGroupMember({ actor: admin, groupId: billing.id, userName: target.userName });
    await addGroupMember({ actor: admin, groupId: reports.id, userName: target.userName });
    // The target holds Billing: View, which the delegate lacks: no change at all.
    await expect(
      removeGroupMember({ actor: delegate, groupId: billing.id, userId: target.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { groupIds: [] }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getGroup({ actor: admin, groupId: billing.id })).members).toHaveLength(1);

    // A member who holds nothing beyond the delegate: still not out of a group they could not grant.
    const other = await plainUser();
    const billingEmpty = await createGroup({
      actor: admin,
      input: { name: uniqueName("Finance"), description: "", permissions: ["users:view"] },
    });
    await addGroupMember({ actor: admin, groupId: billingEmpty.id, userName: other.userName });
    await removeGroupMember({ actor: delegate, groupId: billingEmpty.id, userId: other.id });
    const error = await rejectionOf(
      removeGroupMember({ actor: delegate, groupId: billing.id, userId: other.id }),
    );
    expect(error).toBeInstanceOf(Error);
  });

  it("needs Groups: Edit to change memberships on the user form, as in the Group Manager", async () => {
    const delegate = await delegateWith([
      "users:view",
      "users:create",
      "users:edit",
      "groups:view",
    ]);
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Open"), description: "", permissions: [] },
    });
    const target = await plainUser();
    await expect(
      updateUser({
        actor: delegate,
        userId: target.id,
        input: editInput(target, { groupIds: [group.id] }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createUser({ actor: delegate, input: userInput({ groupIds: [group.id] }) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addGroupMember({ actor: delegate, groupId: group.id, userName: target.userName }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getGroup({ actor: admin, groupId: group.id })).members).toHaveLength(0);
    // Unchanged memberships need nothing more than Users: Edit.
    await updateUser({
      actor: delegate,
      userId: target.id,
      input: editInput(target, { title: "Same groups", groupIds: [] }),
    });
  });

  it("refuses anyone, Administrators too, their own group memberships", async () => {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Mine"), description: "", permissions: [] },
    });
    const me = await getUser({ actor: admin, userId: admin.id });
    await expect(
      addGroupMember({ actor: admin, groupId: group.id, userName: me.userName }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updateUser({
        actor: admin,
        userId: admin.id,
        input: editInput(me, { groupIds: [group.id] }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("own password and email (6)", () => {
  it("asks for the current password to change one's own password on the user form", async () => {
    const { user, actor } = await createTestUser(admin, { role: "administrator" });
    const newPassword = "a brand new passphrase";
    const missing = await rejectionOf(
      updateUser({ actor, userId: user.id, input: editInput(user, { newPassword }) }),
    );
    expect(missing).toBeInstanceOf(InvalidError);
    expect((missing as InvalidError).fieldErrors.currentPassword).toMatch(/current password/);
    const wrong = await rejectionOf(
      updateUser({
        actor,
        userId: user.id,
        input: editInput(user, { newPassword, currentPassword: "not my password at all" }),
      }),
    );
    expect((wrong as InvalidError).fieldErrors.currentPassword).toBeTruthy();
    const stillOld = await authenticate({
      login: user.userName,
      password: testPassword,
      clientAddress: "192.0.2.60",
    });
    expect(stillOld.ok).toBe(true);
    await updateUser({
      actor,
      userId: user.id,
      input: editInput(user, { newPassword, currentPassword: testPassword }),
    });
    const signIn = await authenticate({
      login: user.userName,
      password: newPassword,
      clientAddress: "192.0.2.60",
    });
    expect(signIn.ok).toBe(true);
  });

  it("asks for the current password to change one's own email, on the form and the profile", async () => {
    const { user, actor } = await createTestUser(admin, { role: "administrator" });
    const email = `${uniqueName("moved")}@example.test`;
    await expect(
      updateUser({ actor, userId: user.id, input: editInput(user, { email }) }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(
      updateProfile({ actor, input: profileInput(user, { email }) }),
    ).rejects.toBeInstanceOf(InvalidError);
    expect((await getUser({ actor: admin, userId: user.id })).email).toBe(user.email);
    // Other changes need no password.
    await updateProfile({ actor, input: profileInput(user, { title: "Lead" }) });
    await updateProfile({
      actor,
      input: profileInput(user, { email, currentPassword: testPassword }),
    });
    expect((await getUser({ actor: admin, userId: user.id })).email).toBe(email);
  });

  it("needs no current password when an Administrator resets someone else's", async () => {
    const target = await plainUser();
    await updateUser({
      actor: admin,
      userId: target.id,
      input: editInput(target, { newPassword: "someone else's new passphrase" }),
    });
  });
});

describe("names and emails in use elsewhere (10)", () => {
  it("says the same about another account's email as about this account's", async () => {
    const other = await createTestAccount();
    const [theirs] = await insertTestUsers(other.account.id, [{ userName: uniqueName("theirs") }]);
    const [ours] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("ours") }]);
    const refusals = [];
    for (const taken of [theirs!, ours!]) {
      refusals.push(
        await rejectionOf(
          createUser({ actor: admin, input: userInput({ email: taken.email.toUpperCase() }) }),
        ),
      );
      refusals.push(
        await rejectionOf(
          createUser({ actor: admin, input: userInput({ userName: taken.userName }) }),
        ),
      );
    }
    expect(refusals.map((error) => error.message)).toEqual([
      "This email is already in use.",
      "This user name is already in use.",
      "This email is already in use.",
      "This user name is already in use.",
    ]);
  });

  it("limits refusals to 20 an hour per acting user, records them, then says to try later", async () => {
    const other = await createTestAccount();
    const { actor } = await createTestUser(admin, { role: "administrator" });
    const [taken] = await insertTestUsers(other.account.id, [{ userName: uniqueName("probe") }]);
    for (let attempt = 0; attempt < 20; attempt++) {
      const error = await rejectionOf(
        createUser({ actor, input: userInput({ email: taken!.email }) }),
      );
      expect(error.message).toBe("This email is already in use.");
    }
    // Now even a free email is not checked: the probe learns nothing more.
    const limited = await rejectionOf(createUser({ actor, input: userInput() }));
    expect(limited).toBeInstanceOf(ConflictError);
    expect(limited.message).toMatch(/Try again in \d+ minutes?/);
    const me = await getUser({ actor: admin, userId: actor.id });
    const viaProfile = await rejectionOf(
      updateProfile({
        actor,
        input: profileInput(me, { email: taken!.email, currentPassword: testPassword }),
      }),
    );
    expect(viaProfile.message).toMatch(/Try again in/);
    const recorded = await listActivity({
      actor: admin,
      query: activityQuerySchema.parse({ kind: "user.name_in_use_refused", actor: actor.userName }),
    });
    expect(recorded.rows).toHaveLength(20);
    // Another Administrator is not affected.
    await createUser({ actor: admin, input: userInput() });
  });
});

describe("no way around the rules", () => {
  it("asks for the current password when one's own id comes in another letter case", async () => {
    const { user, actor } = await createTestUser(admin, { role: "administrator" });
    const error = await rejectionOf(
      updateUser({
        actor,
        userId: user.id.toUpperCase(),
        input: editInput(user, { newPassword: "a takeover passphrase" }),
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors.currentPassword).toBeTruthy();
  });

  it("refuses a delegate to edit or delete a group whose members hold more, or to rename one they cannot grant", async () => {
    const delegate = await delegateWith([
      "users:view",
      "groups:view",
      "groups:edit",
      "groups:delete",
    ]);
    const viewers = await createGroup({
      actor: admin,
      input: { name: uniqueName("Viewers"), description: "", permissions: ["users:view"] },
    });
    const finance = await createGroup({
      actor: admin,
      input: { name: uniqueName("Finance"), description: "", permissions: ["billing:manage"] },
    });
    const target = await plainUser();
    await addGroupMember({ actor: admin, groupId: viewers.id, userName: target.userName });
    await addGroupMember({ actor: admin, groupId: finance.id, userName: target.userName });
    await expect(
      updateGroup({
        actor: delegate,
        groupId: viewers.id,
        input: { name: viewers.name, description: "", permissions: [] },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteGroup({ actor: delegate, groupId: viewers.id })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      updateGroup({
        actor: delegate,
        groupId: finance.id,
        input: { name: "Harmless", description: "", permissions: ["billing:manage"] },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getGroup({ actor: admin, groupId: viewers.id })).permissions).toEqual([
      "users:view",
    ]);
    expect((await getGroup({ actor: admin, groupId: finance.id })).name).toBe(finance.name);
    // A group whose members hold no more than the delegate can still be edited.
    const plain = await createGroup({
      actor: admin,
      input: { name: uniqueName("Plain"), description: "", permissions: ["users:view"] },
    });
    await addGroupMember({
      actor: admin,
      groupId: plain.id,
      userName: (await plainUser()).userName,
    });
    await updateGroup({
      actor: delegate,
      groupId: plain.id,
      input: { name: plain.name, description: "Tidied", permissions: [] },
    });
  });

  it("never takes actions away from the delegate's own group", async () => {
    const delegate = await delegateWith(["users:view", "groups:view", "groups:edit"]);
    const own = (await getGroupChoices({ actor: admin, userId: delegate.id })).memberOf[0]!;
    const group = await getGroup({ actor: admin, groupId: own });
    await expect(
      updateGroup({
        actor: delegate,
        groupId: own,
        input: { name: group.name, description: "", permissions: ["users:view"] },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps to 20 refusals an hour when they are asked for all at once", async () => {
    const other = await createTestAccount();
    const { actor } = await createTestUser(admin, { role: "administrator" });
    const [taken] = await insertTestUsers(other.account.id, [{ userName: uniqueName("race") }]);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        rejectionOf(createUser({ actor, input: userInput({ email: taken!.email }) })),
      ),
    );
    const inUse = answers.filter((error) => error.message === "This email is already in use.");
    expect(inUse.length).toBeLessThanOrEqual(20);
    expect(answers.length - inUse.length).toBeGreaterThanOrEqual(10);
  });

  it("does not check names against a user of another account", async () => {
    const other = await createTestAccount();
    const [theirs] = await insertTestUsers(other.account.id, [{ userName: uniqueName("oracle") }]);
    await expect(
      nameConflicts({ actor: admin, userName: theirs!.userName, exceptUserId: theirs!.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      nameConflicts({ actor: admin, userName: theirs!.userName, exceptUserId: "zzz" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

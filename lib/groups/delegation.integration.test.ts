import { beforeAll, describe, expect, it } from "vitest";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { loadPermissions } from "../auth/load-permissions";
import type { PermissionKey } from "../auth/modules";
import { ForbiddenError } from "../errors";
import { getUserPermissions } from "../permissions/get-user-permissions";
import { setUserOverrides } from "../permissions/set-user-overrides";
import { createUser } from "../users/create-user";
import { getUser } from "../users/find-user";
import { updateUser } from "../users/update-user";
import { createGroup } from "./create-group";
import { getGroup } from "./get-group";
import { getGroupChoices } from "./group-choices";
import { addGroupMember } from "./group-members";
import { updateGroup } from "./update-group";

withTestDatabase();

const delegated: PermissionKey[] = [
  "users:view",
  "users:create",
  "users:edit",
  "groups:view",
  "groups:edit",
  "permissions:view",
  "permissions:edit",
];

let admin: Actor;
let delegate: Actor;
let billingGroupId: string;

async function signedIn(userId: string): Promise<Actor> {
  const record = await getUser({ actor: admin, userId });
  return { ...actorFor(record), ...(await loadPermissions(userId)) };
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("delegate") }]);
  const helpdesk = await createGroup({
    actor: admin,
    input: { name: uniqueName("Helpdesk"), description: "", permissions: delegated },
  });
  await addGroupMember({ actor: admin, groupId: helpdesk.id, userName: user!.userName });
  const billing = await createGroup({
    actor: admin,
    input: { name: uniqueName("Billing"), description: "", permissions: ["billing:manage"] },
  });
  billingGroupId = billing.id;
  delegate = await signedIn(user!.id);
});

describe("delegation", () => {
  it("lets a User with Users edit through a group manage users", async () => {
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    const record = await getUser({ actor: delegate, userId: target!.id });
    const updated = await updateUser({
      actor: delegate,
      userId: target!.id,
      input: editInput(record, { title: "Support Lead" }),
    });
    expect(updated.title).toBe("Support Lead");
  });

  it("refuses to allow an action the delegate does not hold, and keeps the overrides", async () => {
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    const error = await rejectionOf(
      setUserOverrides({
        actor: delegate,
        userId: target!.id,
        overrides: { "users:delete": "allow" },
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((await loadPermissions(target!.id)).overrides.size).toBe(0);
    await setUserOverrides({
      actor: delegate,
      userId: target!.id,
      overrides: { "users:view": "allow" },
    });
    expect((await loadPermissions(target!.id)).overrides.get("users:view")).toBe("allow");
  });

  it("refuses to add an action the delegate lacks to a group", async () => {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("g"), description: "", permissions: ["users:view"] },
    });
    const error = await rejectionOf(
      updateGroup({
        actor: delegate,
        groupId: group.id,
        input: { name: group.name, description: "", permissions: ["users:view", "users:delete"] },
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((await getGroup({ actor: admin, groupId: group.id })).permissions).toEqual([
      "users:view",
    ]);
  });

  it("refuses to put someone in a group that grants what the delegate lacks", async () => {
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    await expect(
      addGroupMember({ actor: delegate, groupId: billingGroupId, userName: target!.userName }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const record = await getUser({ actor: delegate, userId: target!.id });
    await expect(
      updateUser({
        actor: delegate,
        userId: target!.id,
        input: { ...editInput(record), groupIds: [billingGroupId] },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getGroup({ actor: admin, groupId: billingGroupId })).members).toHaveLength(0);
  });

  it("says which action a delegate cannot grant", async () => {
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    const refusal = await rejectionOf(
      addGroupMember({ actor: delegate, groupId: billingGroupId, userName: target!.userName }),
    );
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect((refusal as Error).message).toBe(
      "You cannot grant Billing: Manage: you do not have it yourself.",
    );
  });

  it("offers a delegate only the groups whose grants they hold", async () => {
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    const forDelegate = await getGroupChoices({ actor: delegate, userId: target!.id });
    const billing = forDelegate.groups.find((group) => group.id === billingGroupId);
    expect(billing).toMatchObject({ mayChange: false });
    expect(forDelegate.groups.filter((group) => group.mayChange).length).toBeGreaterThan(0);
    const forAdmin = await getGroupChoices({ actor: admin, userId: target!.id });
    expect(forAdmin.groups.every((group) => group.mayChange)).toBe(true);
  });

  it("never lets a delegate make an Administrator or edit one", async () => {
    await expect(
      createUser({ actor: delegate, input: userInput({ role: "administrator" }) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const [target] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("t") }]);
    const record = await getUser({ actor: delegate, userId: target!.id });
    await expect(
      updateUser({
        actor: delegate,
        userId: target!.id,
        input: editInput(record, { role: "administrator" }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const adminRecord = await getUser({ actor: delegate, userId: admin.id });
    await expect(
      updateUser({
        actor: delegate,
        userId: admin.id,
        input: editInput(adminRecord, { title: "Hacked" }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getUser({ actor: admin, userId: admin.id })).title).toBe(adminRecord.title);
    expect((await getUser({ actor: admin, userId: target!.id })).role).toBe("user");
  });

  it("takes a new Deny override into account at the user's next request", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("d") }]);
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("g"), description: "", permissions: ["users:edit"] },
    });
    await addGroupMember({ actor: admin, groupId: group.id, userName: user!.userName });
    const before = await getUserPermissions({ actor: admin, userId: user!.id });
    const edit = (modules: typeof before.modules) =>
      modules
        .find((module) => module.key === "users")
        ?.actions.find((entry) => entry.action === "edit");
    expect(edit(before.modules)).toMatchObject({
      allowed: true,
      source: `allowed by group ${group.name}`,
    });
    await setUserOverrides({ actor: admin, userId: user!.id, overrides: { "users:edit": "deny" } });
    const after = await getUserPermissions({ actor: admin, userId: user!.id });
    expect(edit(after.modules)).toMatchObject({
      allowed: false,
      source: "denied by user override",
    });
  });
});

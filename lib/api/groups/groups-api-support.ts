import * as groupsRoute from "../../../app/api/v1/groups/route";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { actorFor, insertTestUsers, uniqueName } from "../../../tests/support/fixtures";
import type { Actor } from "../../auth/actor";
import type { PermissionKey } from "../../auth/modules";
import { createGroup } from "../../groups/create-group";
import { addGroupMember } from "../../groups/group-members";

// Shared by the groups and group members API tests.

export const newGroup = (permissions: string[] = ["users:view"]) => ({
  name: uniqueName("Group"),
  description: "Made by the API",
  permissions,
});

export function postGroup(token: string, body: unknown = newGroup()) {
  return callApi(groupsRoute.POST, "POST", "/api/v1/groups", { token, body });
}

export async function insertUser(admin: Actor, prefix = "member") {
  const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName(prefix) }]);
  return row!;
}

/** A User whose group grants `keys`, and a token of theirs with every scope. */
export async function delegateWith(admin: Actor, keys: PermissionKey[]) {
  const row = await insertUser(admin, "delegate");
  const group = await createGroup({
    actor: admin,
    input: { name: uniqueName("Helpdesk"), description: "", permissions: keys },
  });
  await addGroupMember({ actor: admin, groupId: group.id, userName: row.userName });
  return { row, token: (await insertApiToken(actorFor(row))).token };
}

/** A group granting `keys`, with `userName` in it. */
export async function grantThrough(admin: Actor, userName: string, keys: PermissionKey[]) {
  const group = await createGroup({
    actor: admin,
    input: { name: uniqueName("Grants"), description: "", permissions: keys },
  });
  await addGroupMember({ actor: admin, groupId: group.id, userName });
  return group;
}

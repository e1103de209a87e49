import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, groupMembers } from "../../db/schema";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, NotFoundError } from "../errors";
import { createGroup } from "./create-group";
import { deleteGroup } from "./delete-group";
import { getGroup } from "./get-group";
import { addGroupMember, removeGroupMember } from "./group-members";
import { listGroups } from "./list-groups";
import { groupFormSchema } from "./schemas";
import { updateGroup } from "./update-group";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
});

describe("groups", () => {
  it("creates a group with its permissions and records it", async () => {
    const name = uniqueName("Support");
    const group = await createGroup({
      actor: admin,
      input: { name, description: "Tier 1", permissions: ["users:view", "users:edit"] },
    });
    const loaded = await getGroup({ actor: admin, groupId: group.id });
    expect(loaded).toMatchObject({ name, description: "Tier 1", members: [] });
    expect(loaded.permissions.sort()).toEqual(["users:edit", "users:view"]);
    const rows = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetLabel, name));
    expect(rows.map((row) => row.kind)).toEqual(["group.created"]);
  });

  it("keeps group names unique per account, ignoring case", async () => {
    const name = uniqueName("Sales");
    await createGroup({ actor: admin, input: { name, description: "", permissions: [] } });
    const error = await rejectionOf(
      createGroup({
        actor: admin,
        input: { name: name.toUpperCase(), description: "", permissions: [] },
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("A group with this name already exists.");
    expect((error as ConflictError).field).toBe("name");
    // Another account may use the same name.
    await expect(
      createGroup({ actor: otherAdmin, input: { name, description: "", permissions: [] } }),
    ).resolves.toMatchObject({ name });
  });

  it("counts members, adds and removes them, and forgets them when the group is deleted", async () => {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Ops"), description: "", permissions: [] },
    });
    const [ann, bob] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("ann") },
      { userName: uniqueName("bob") },
    ]);
    await addGroupMember({
      actor: admin,
      groupId: group.id,
      userName: ann!.userName.toUpperCase(),
    });
    await addGroupMember({ actor: admin, groupId: group.id, userName: bob!.userName });
    await expect(
      addGroupMember({ actor: admin, groupId: group.id, userName: bob!.userName }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      addGroupMember({ actor: admin, groupId: group.id, userName: "nobody-here" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (await listGroups({ actor: admin })).find((row) => row.id === group.id)?.memberCount,
    ).toBe(2);
    await removeGroupMember({ actor: admin, groupId: group.id, userId: ann!.id });
    expect((await getGroup({ actor: admin, groupId: group.id })).members.map((m) => m.id)).toEqual([
      bob!.id,
    ]);
    await deleteGroup({ actor: admin, groupId: group.id });
    await expect(getGroup({ actor: admin, groupId: group.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await getDb().select().from(groupMembers).where(eq(groupMembers.groupId, group.id)),
    ).toEqual([]);
  });

  it("updates name, description and permissions, recording what was granted and revoked", async () => {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Desk"), description: "", permissions: ["users:view"] },
    });
    const name = uniqueName("Desk2");
    await updateGroup({
      actor: admin,
      groupId: group.id,
      input: { name, description: "Renamed", permissions: ["groups:view"] },
    });
    const loaded = await getGroup({ actor: admin, groupId: group.id });
    expect(loaded).toMatchObject({ name, description: "Renamed", permissions: ["groups:view"] });
    const [row] = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.targetLabel, name));
    expect(row?.details).toMatchObject({ added: ["groups:view"], removed: ["users:view"] });
  });

  it("never shows or changes another account's group", async () => {
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Mine"), description: "", permissions: [] },
    });
    expect((await listGroups({ actor: otherAdmin })).some((row) => row.id === group.id)).toBe(
      false,
    );
    await expect(getGroup({ actor: otherAdmin, groupId: group.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteGroup({ actor: otherAdmin, groupId: group.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      updateGroup({
        actor: otherAdmin,
        groupId: group.id,
        input: { name: "x", description: "", permissions: [] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await getGroup({ actor: admin, groupId: group.id })).name).toBe(group.name);
  });

  it("parses the form's check boxes: none, one or many, and refuses unknown actions", () => {
    expect(groupFormSchema.parse({ name: "A" }).permissions).toEqual([]);
    expect(groupFormSchema.parse({ name: "A", permissions: "users:view" }).permissions).toEqual([
      "users:view",
    ]);
    expect(
      groupFormSchema.parse({ name: "A", permissions: ["users:view", "users:view", "groups:edit"] })
        .permissions,
    ).toEqual(["users:view", "groups:edit"]);
    expect(groupFormSchema.safeParse({ name: "A", permissions: ["users:fly"] }).success).toBe(
      false,
    );
    expect(groupFormSchema.safeParse({ name: "  " }).error?.issues[0]?.message).toBe(
      "Enter a group name.",
    );
  });
});

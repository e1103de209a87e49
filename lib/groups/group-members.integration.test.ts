import { beforeAll, describe, expect, it } from "vitest";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { createGroup } from "./create-group";
import { getGroup } from "./get-group";
import { AmbiguousMemberError, addGroupMember } from "./group-members";

withTestDatabase();

let admin: Actor;
let other: Actor;
const tag = uniqueName("gm").replace("-", "");

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
});

async function newGroup(by: Actor = admin, permissions: PermissionKey[] = []) {
  return createGroup({
    actor: by,
    input: { name: uniqueName("Team"), description: "", permissions },
  });
}

const memberNames = async (groupId: string) =>
  (await getGroup({ actor: admin, groupId })).members.map((member) => member.userName);

/** A User who may edit groups, with or without Users → View. */
function groupEditor(user: Parameters<typeof actorFor>[0], viewUsers: boolean): Actor {
  const grants = new Map<PermissionKey, string[]>([
    ["groups:view", ["Editors"]],
    ["groups:edit", ["Editors"]],
  ]);
  if (viewUsers) grants.set("users:view", ["Editors"]);
  return { ...actorFor(user), grants };
}

describe("addGroupMember with what a person typed", () => {
  it("finds the user by user name, email or full name, in any letter case", async () => {
    const [byName, byEmail, byFullName] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("name") },
      { userName: uniqueName("mail"), email: `mail.${tag}@late.example` },
      { userName: uniqueName("full"), firstName: "Sophia", lastName: `Miller${tag}` },
    ]);
    const group = await newGroup();
    await addGroupMember({
      actor: admin,
      groupId: group.id,
      person: byName!.userName.toUpperCase(),
    });
    await addGroupMember({ actor: admin, groupId: group.id, person: ` MAIL.${tag}@late.example ` });
    await addGroupMember({ actor: admin, groupId: group.id, person: `sophia  miller${tag}` });
    expect((await memberNames(group.id)).sort()).toEqual(
      [byName!.userName, byEmail!.userName, byFullName!.userName].sort(),
    );
  });

  it("refuses a part of a name: only an exact user name, email or full name adds someone", async () => {
    await insertTestUsers(admin.accountId, [
      { userName: uniqueName("part"), firstName: "Partial", lastName: `Match${tag}` },
    ]);
    const group = await newGroup();
    const error = await rejectionOf(
      addGroupMember({ actor: admin, groupId: group.id, person: `match${tag}` }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(`No user has the user name, email or full name "match${tag}".`);
    expect(await memberNames(group.id)).toEqual([]);
  });

  it("offers the users who share a full name as choices, to those who may view users", async () => {
    const [first, second] = await insertTestUsers(admin.accountId, [
      { userName: `${tag}-jsmith-b`, firstName: "John", lastName: `Smith${tag}` },
      { userName: `${tag}-jsmith-a`, firstName: "John", lastName: `Smith${tag}` },
    ]);
    const group = await newGroup();
    const error = await rejectionOf(
      addGroupMember({ actor: admin, groupId: group.id, person: `John Smith${tag}` }),
    );
    expect(error).toBeInstanceOf(AmbiguousMemberError);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as AmbiguousMemberError).candidates.map((user) => user.userName)).toEqual([
      second!.userName,
      first!.userName,
    ]);
    expect(await memberNames(group.id)).toEqual([]);

    const [editor] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("editor") }]);
    const blind = await rejectionOf(
      addGroupMember({
        actor: groupEditor(editor!, false),
        groupId: group.id,
        person: `John Smith${tag}`,
      }),
    );
    expect(blind).toBeInstanceOf(AmbiguousMemberError);
    expect((blind as AmbiguousMemberError).candidates).toEqual([]);
    expect(blind.message).toContain("enter a user name or an email instead");
    // Choosing one by user name settles it.
    await addGroupMember({ actor: admin, groupId: group.id, person: first!.userName });
    expect(await memberNames(group.id)).toEqual([first!.userName]);
  });

  it("never finds another organization's user, by user name, email or full name", async () => {
    const [stranger] = await insertTestUsers(other.accountId, [
      {
        userName: uniqueName("stranger"),
        firstName: "Far",
        lastName: `Away${tag}`,
        email: `far.${tag}@elsewhere.example`,
      },
    ]);
    const group = await newGroup();
    for (const person of [stranger!.userName, stranger!.email, `Far Away${tag}`]) {
      await expect(
        addGroupMember({ actor: admin, groupId: group.id, person }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("keeps the rules: not oneself, not an Administrator for a User, not twice", async () => {
    const [editorUser, , plain] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("editor"), email: `editor.${tag}@corp.example` },
      { userName: uniqueName("boss"), email: `boss.${tag}@corp.example`, role: "administrator" },
      { userName: uniqueName("plain"), firstName: "Plain", lastName: `Person${tag}` },
    ]);
    const editor = groupEditor(editorUser!, true);
    const group = await newGroup();
    const self = await rejectionOf(
      addGroupMember({ actor: editor, groupId: group.id, person: `editor.${tag}@corp.example` }),
    );
    expect(self).toBeInstanceOf(ForbiddenError);
    const administrator = await rejectionOf(
      addGroupMember({ actor: editor, groupId: group.id, person: `boss.${tag}@corp.example` }),
    );
    expect(administrator).toBeInstanceOf(ForbiddenError);
    await addGroupMember({ actor: editor, groupId: group.id, person: `plain person${tag}` });
    const twice = await rejectionOf(
      addGroupMember({ actor: editor, groupId: group.id, person: plain!.userName }),
    );
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.message).toBe(`${plain!.userName} is already a member.`);
    // A group that grants what the editor lacks is out of reach, however the user is named.
    const billing = await newGroup(admin, ["billing:manage"]);
    await expect(
      addGroupMember({ actor: editor, groupId: billing.id, person: `plain person${tag}` }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await memberNames(group.id)).toEqual([plain!.userName]);
  });

  it("by user name (the option other callers use) matches only the user name", async () => {
    const [user] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("strict"), email: `strict.${tag}@corp.example` },
    ]);
    const group = await newGroup();
    await expect(
      addGroupMember({ actor: admin, groupId: group.id, userName: `strict.${tag}@corp.example` }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await addGroupMember({ actor: admin, groupId: group.id, userName: user!.userName });
    expect(await memberNames(group.id)).toEqual([user!.userName]);
  });
});

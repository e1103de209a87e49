import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { groupMembers, groupPermissions, groups, userPermissionOverrides } from "../../db/schema";
import { createTestAccount, createTestUser, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { loadPermissions } from "./load-permissions";
import { allPermissionKeys, type PermissionKey } from "./modules";
import { canKey } from "./permissions";

withTestDatabase();

type World = {
  role: "user" | "administrator";
  groups: { member: boolean; grants: PermissionKey[] }[];
  overrides: { key: PermissionKey; effect: "allow" | "deny" }[];
};

// The rule written as plainly as possible, straight from the raw rows.
function reference(world: World, key: PermissionKey): boolean {
  if (world.role === "administrator") return true;
  const override = world.overrides.findLast((entry) => entry.key === key);
  if (override) return override.effect === "allow";
  if (world.groups.some((group) => group.member && group.grants.includes(key))) return true;
  return ["activity:view_own", "instances:view", "instances:rebuild"].includes(key);
}

const key = fc.constantFrom(...allPermissionKeys);
const world: fc.Arbitrary<World> = fc.record({
  role: fc.constantFrom("user" as const, "user" as const, "administrator" as const),
  groups: fc.array(
    fc.record({ member: fc.boolean(), grants: fc.uniqueArray(key, { maxLength: 8 }) }),
    {
      maxLength: 5,
    },
  ),
  overrides: fc.array(
    fc.record({ key, effect: fc.constantFrom("allow" as const, "deny" as const) }),
    {
      maxLength: 8,
    },
  ),
});

describe("permission resolution", () => {
  it("matches the plain reference over random groups and overrides, through the database", async () => {
    const { admin } = await createTestAccount();
    await fc.assert(
      fc.asyncProperty(world, async (sample) => {
        const { user } = await createTestUser(admin, { role: sample.role });
        const db = getDb();
        for (const group of sample.groups) {
          const [row] = await db
            .insert(groups)
            .values({ accountId: admin.accountId, name: uniqueName("group") })
            .returning();
          if (group.grants.length > 0) {
            await db.insert(groupPermissions).values(
              group.grants.map((grant) => {
                const [module = "", action = ""] = grant.split(":");
                return { groupId: row!.id, module, action };
              }),
            );
          }
          if (group.member)
            await db.insert(groupMembers).values({ groupId: row!.id, userId: user.id });
        }
        // Later overrides of the same action replace earlier ones, as saving does.
        for (const override of sample.overrides) {
          const [module = "", action = ""] = override.key.split(":");
          await db
            .insert(userPermissionOverrides)
            .values({ userId: user.id, module, action, effect: override.effect })
            .onConflictDoUpdate({
              target: [
                userPermissionOverrides.userId,
                userPermissionOverrides.module,
                userPermissionOverrides.action,
              ],
              set: { effect: override.effect },
            });
        }
        const subject = { role: sample.role, ...(await loadPermissions(user.id)) };
        for (const permission of allPermissionKeys) {
          expect(canKey(subject, permission), permission).toBe(reference(sample, permission));
        }
      }),
      { numRuns: 40 },
    );
  });
});

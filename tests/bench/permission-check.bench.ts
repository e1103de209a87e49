import { performance } from "node:perf_hooks";
import { closeDb, getDb, openPglite, setConnection } from "../../db/client";
import { applyMigrations } from "../../db/migrate";
import {
  groupMembers,
  groupPermissions,
  groups,
  userPermissionOverrides,
  users,
} from "../../db/schema";
import { createOrganization } from "../../lib/accounts/setup-organization";
import { loadPermissions } from "../../lib/auth/load-permissions";
import { loadSessionUser } from "../../lib/auth/load-session-user";
import { allPermissionKeys } from "../../lib/auth/modules";
import { canKey } from "../../lib/auth/permissions";

// What the permission check costs per request for a User in 20 groups: the two
// queries currentSession() runs, then every can() of a page (in memory).
async function main() {
  if (!process.env.DATABASE_URL) setConnection(openPglite(undefined));
  await applyMigrations();
  const db = getDb();
  const suffix = Date.now().toString(36);
  const { account } = await createOrganization({
    organizationName: `Permission bench ${suffix}`,
    userName: `perm-admin-${suffix}`,
    email: `perm-admin-${suffix}@bench.example`,
    passwordHash: "x",
    clientAddress: "127.0.0.1",
    onlyIfFirst: false,
  });
  const [user] = await db
    .insert(users)
    .values({
      accountId: account.id,
      userName: `perm-user-${suffix}`,
      email: `perm-user-${suffix}@bench.example`,
      passwordHash: "x",
    })
    .returning();
  for (let index = 0; index < 20; index++) {
    const [group] = await db
      .insert(groups)
      .values({ accountId: account.id, name: `Group ${index}` })
      .returning();
    const grants = allPermissionKeys.filter((_, position) => (position + index) % 3 === 0);
    await db.insert(groupPermissions).values(
      grants.map((key) => {
        const [module = "", action = ""] = key.split(":");
        return { groupId: group!.id, module, action };
      }),
    );
    await db.insert(groupMembers).values({ groupId: group!.id, userId: user!.id });
  }
  await db
    .insert(userPermissionOverrides)
    .values({ userId: user!.id, module: "users", action: "delete", effect: "deny" });

  const runs = 200;
  const samples: number[] = [];
  for (let run = 0; run < runs + 10; run++) {
    const start = performance.now();
    const sessionUser = await loadSessionUser(user!.id, crypto.randomUUID());
    const subject = { role: sessionUser!.role, ...(await loadPermissions(user!.id)) };
    for (const key of allPermissionKeys) canKey(subject, key);
    if (run >= 10) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.floor(samples.length * q)]?.toFixed(2);
  console.log("Per-request session + permission load for a User in 20 groups (2 queries):");
  console.log(
    `  median ${at(0.5)} ms   p95 ${at(0.95)} ms   (plus ${allPermissionKeys.length} can() checks in memory)`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());

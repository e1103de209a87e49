// Helpers for the feature tests: rows written straight to the tables the feature services
// read, so these tests do not depend on the instance and seat services.
import { getDb } from "@/db/client";
import { instances, seats } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { insertTestUsers, uniqueName } from "@/tests/support/fixtures";

export async function insertTestInstance(accountId: string, name = uniqueName("pbx")) {
  const [instance] = await getDb()
    .insert(instances)
    .values({ accountId, name, region: "us-east" })
    .returning();
  return instance!;
}

/** A new user of the account with a seat in the instance. */
export async function insertTestSeat(accountId: string, instanceId: string, extension?: string) {
  const [user] = await insertTestUsers(accountId, [{ userName: uniqueName("seat") }]);
  const [seat] = await getDb()
    .insert(seats)
    .values({ accountId, instanceId, userId: user!.id, extension: extension ?? null })
    .returning();
  return { seat: seat!, user: user! };
}

/** A User of the account whose groups grant exactly these permissions. */
export function delegateOf(admin: Actor, keys: PermissionKey[]): Actor {
  return {
    ...admin,
    id: crypto.randomUUID(),
    role: "user",
    userName: uniqueName("delegate"),
    grants: new Map(keys.map((key) => [key, ["Delegates"]])),
  };
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instances } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

/** The Instance drop-down of the user form; empty for those who may not see instances. */
export async function instanceChoices({ actor }: { actor: Actor }) {
  if (!can(actor, "instances", "view")) return [];
  return getDb()
    .select({ id: instances.id, name: instances.name })
    .from(instances)
    .where(eq(instances.accountId, actor.accountId))
    .orderBy(sql`lower(${instances.name})`, instances.id)
    .limit(1000);
}

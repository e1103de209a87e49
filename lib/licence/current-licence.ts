import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { licenceAcceptances, licenceVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

export async function findCurrentLicence(accountId: string, db: Executor = getDb()) {
  const [current] = await db
    .select()
    .from(licenceVersions)
    .where(eq(licenceVersions.accountId, accountId))
    .orderBy(desc(licenceVersions.version))
    .limit(1);
  return current;
}

/** The current licence, whether the actor accepted it, and (for those who may) who has not. */
export async function getLicenceOverview({ actor }: { actor: Actor }) {
  const db = getDb();
  const current = await findCurrentLicence(actor.accountId);
  if (!current) return undefined;
  const [accepted] = await db
    .select({ acceptedAt: licenceAcceptances.acceptedAt })
    .from(licenceAcceptances)
    .where(
      and(
        eq(licenceAcceptances.userId, actor.id),
        eq(licenceAcceptances.licenceVersionId, current.id),
      ),
    );
  const mayManage = can(actor, "organization", "edit");
  const pending = mayManage
    ? await db
        .select({ id: users.id, userName: users.userName, email: users.email, color: users.color })
        .from(users)
        .where(
          and(
            eq(users.accountId, actor.accountId),
            eq(users.active, true),
            sql`not exists (select 1 from ${licenceAcceptances} la where la.user_id = ${users.id} and la.licence_version_id = ${current.id})`,
          ),
        )
        .orderBy(sql`lower(${users.userName})`)
        .limit(200)
    : [];
  return { current, acceptedAt: accepted?.acceptedAt, mayManage, pending };
}

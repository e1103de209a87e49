import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, users } from "@/db/schema";

/**
 * One query per request: the user, their organization, whether this session was
 * signed out, and whether they accepted the account's current licence version.
 */
export async function loadSessionUser(userId: string, sessionId: string) {
  const [row] = await getDb()
    .select({
      id: users.id,
      accountId: users.accountId,
      accountName: accounts.name,
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      color: users.color,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      sessionEnded: sql<boolean>`exists (select 1 from ended_sessions es where es.session_id = ${sessionId})`,
      licenceAccepted: sql<boolean>`coalesce((
        select exists (
          select 1 from licence_acceptances la
          where la.user_id = ${users.id} and la.licence_version_id = lv.id
        )
        from licence_versions lv
        where lv.account_id = ${users.accountId}
        order by lv.version desc
        limit 1
      ), true)`,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  return row;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

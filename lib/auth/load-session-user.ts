import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, sessions, users } from "@/db/schema";
import { isUuid } from "@/lib/uuid";

/**
 * One query per request: the user, their organization (name and logo version), this session's row, and
 * whether they accepted the account's current licence version.
 */
export async function loadSessionUser(userId: string, sessionId: string) {
  if (!isUuid(userId) || !isUuid(sessionId)) return undefined;
  const [row] = await getDb()
    .select({
      id: users.id,
      accountId: users.accountId,
      accountName: accounts.name,
      // The top bar's logo, versioned by the organization's last change (no bytes here).
      accountLogoVersion: sql<number | null>`case when ${accounts.logoType} <> ''
        then (extract(epoch from ${accounts.updatedAt}) * 1000)::bigint end`.mapWith((value) =>
        value === null ? null : Number(value),
      ),
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      color: users.color,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      sessionCreatedAt: sessions.createdAt,
      sessionLastSeenAt: sessions.lastSeenAt,
      sessionEndedAt: sessions.endedAt,
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
    .leftJoin(sessions, and(eq(sessions.id, sessionId), eq(sessions.userId, users.id)))
    .where(eq(users.id, userId));
  if (!row) return undefined;
  const { sessionCreatedAt, sessionLastSeenAt, sessionEndedAt, ...user } = row;
  return {
    ...user,
    session:
      sessionCreatedAt && sessionLastSeenAt
        ? { createdAt: sessionCreatedAt, lastSeenAt: sessionLastSeenAt, endedAt: sessionEndedAt }
        : null,
  };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

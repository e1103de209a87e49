import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** How many Administrators the "Not allowed" page names before it says "and more". */
export const administratorsShown = 10;

export type AdministratorContact = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  color: string;
};

export type AdministratorList = { administrators: AdministratorContact[]; more: boolean };

/**
 * The active Administrators of the actor's account, by user name: whom to ask for a
 * permission. No permission is asserted on purpose: anyone signed in may learn who can
 * grant them access, and the answer never leaves their own account.
 */
export async function listAdministrators({ actor }: { actor: Actor }): Promise<AdministratorList> {
  const rows = await getDb()
    .select({
      id: users.id,
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      color: users.color,
    })
    .from(users)
    .where(
      and(
        eq(users.accountId, actor.accountId),
        eq(users.role, "administrator"),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(sql`lower(${users.userName})`))
    .limit(administratorsShown + 1);
  return {
    administrators: rows.slice(0, administratorsShown),
    more: rows.length > administratorsShown,
  };
}

import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { type UserRecord, userColumns } from "./user-record";

/** A user of the actor's account; another account's user is simply not found. */
export async function findAccountUser(
  db: Executor,
  accountId: string,
  userId: string,
): Promise<UserRecord> {
  if (!isUuid(userId)) throw new NotFoundError("This user does not exist.");
  const [user] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
  if (!user) throw new NotFoundError("This user does not exist.");
  return user;
}

export async function getUser({ actor, userId }: { actor: Actor; userId: string }) {
  assertCan(actor, "users", "view");
  return findAccountUser(getDb(), actor.accountId, userId);
}

import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { escapeLike } from "@/lib/sql/escape-like";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { isUuid } from "@/lib/uuid";
import { assertMayGrant } from "./delegation";
import { findAccountGroup, groupPermissionKeys } from "./find-group";

/** Nobody changes their own group memberships, Administrators included. */
function assertNotSelf(actor: Actor, userId: string): void {
  if (userId === actor.id)
    throw new ForbiddenError("You cannot change your own group memberships.");
}

type MemberCandidate = {
  id: string;
  userName: string;
  role: "user" | "administrator";
  firstName: string;
  lastName: string;
  email: string;
  color: string;
  active: boolean;
};

/** Several users have the full name that was typed: the form offers them as choices. */
export class AmbiguousMemberError extends ConflictError {
  constructor(
    readonly typed: string,
    /** Empty for those who may not view users: they enter a user name or email instead. */
    readonly candidates: MemberCandidate[],
  ) {
    super(
      candidates.length > 0
        ? `Several users are named "${typed}": choose one.`
        : `Several users are named "${typed}": enter a user name or an email instead.`,
      "userName",
    );
    this.name = "AmbiguousMemberError";
  }
}

export type AddGroupMemberOptions = { actor: Actor; groupId: string } & (
  | {
      /** Exactly this user name, in any letter case. */
      userName: string;
      person?: never;
      userId?: never;
    }
  | {
      /** What someone typed: a user name, an email or a full name, in any letter case. */
      person: string;
      userName?: never;
      userId?: never;
    }
  | { /** The user's id (the REST API). */ userId: string; userName?: never; person?: never }
);

const candidateColumns = {
  id: users.id,
  userName: users.userName,
  role: users.role,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  color: users.color,
  active: users.active,
};

/** The account's user with this id; an unknown id is a mistake in the request, not a 404. */
async function findMemberById(
  tx: Transaction,
  actor: Actor,
  userId: string,
): Promise<MemberCandidate> {
  const [user] = isUuid(userId)
    ? await tx
        .select(candidateColumns)
        .from(users)
        .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)))
    : [];
  if (!user) {
    throw new InvalidError("Check the fields named in errors.", {
      userId: "There is no user with this id.",
    });
  }
  return user;
}

/**
 * The account's user with this user name or, for typed text, this email or else this full
 * name. User names have neither "@" nor spaces, so the three never compete for one text.
 */
async function findMember(
  tx: Transaction,
  actor: Actor,
  text: string,
  byNameOrEmail: boolean,
): Promise<MemberCandidate> {
  const typed = text.trim().replace(/\s+/g, " ");
  const term = typed.toLowerCase();
  const [user] = await tx
    .select(candidateColumns)
    .from(users)
    .where(
      and(
        eq(users.accountId, actor.accountId),
        byNameOrEmail
          ? or(eq(sql`lower(${users.userName})`, term), eq(sql`lower(${users.email})`, term))
          : eq(sql`lower(${users.userName})`, term),
      ),
    );
  if (user) return user;
  if (byNameOrEmail) {
    // The trigram index on search_text finds the few rows the full-name test then decides.
    const named = await tx
      .select(candidateColumns)
      .from(users)
      .where(
        and(
          eq(users.accountId, actor.accountId),
          sql`${users.searchText} like ${`%${escapeLike(term)}%`}`,
          eq(sql`lower(trim(${users.firstName} || ' ' || ${users.lastName}))`, term),
        ),
      )
      .orderBy(sql`lower(${users.userName})`)
      .limit(10);
    if (named.length === 1) return named[0]!;
    if (named.length > 1) {
      throw new AmbiguousMemberError(typed, can(actor, "users", "view") ? named : []);
    }
  }
  throw new NotFoundError(
    byNameOrEmail
      ? `No user has the user name, email or full name "${typed}".`
      : `There is no user named "${typed}".`,
  );
}

/**
 * Adds a user of the actor's account, found by id, by user name or by what was typed in
 * the form (user name, email or full name); membership grants the group's actions.
 */
export async function addGroupMember(options: AddGroupMemberOptions) {
  const { actor, groupId } = options;
  assertCan(actor, "groups", "edit");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
    const user =
      options.userId !== undefined
        ? await findMemberById(tx, actor, options.userId)
        : options.person !== undefined
          ? await findMember(tx, actor, options.person, true)
          : await findMember(tx, actor, options.userName, false);
    assertNotSelf(actor, user.id);
    await assertMayManageUser(tx, actor, user);
    const inserted = await tx
      .insert(groupMembers)
      .values({ groupId: group.id, userId: user.id })
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    if (inserted.length === 0) {
      throw new ConflictError(
        `${user.userName} is already a member.`,
        options.userId !== undefined ? "userId" : "userName",
      );
    }
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.member_added",
      actor,
      target: user,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
    return user;
  });
}

export async function removeGroupMember({
  actor,
  groupId,
  userId,
}: {
  actor: Actor;
  groupId: string;
  userId: string;
}) {
  assertCan(actor, "groups", "edit");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    // Taking a group away is refused like giving it: only for groups the actor could grant.
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
    const [user] = isUuid(userId)
      ? await tx
          .select({ id: users.id, userName: users.userName, role: users.role })
          .from(users)
          .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)))
      : [];
    if (!user) throw new NotFoundError("This user is not a member of the group.");
    assertNotSelf(actor, user.id);
    await assertMayManageUser(tx, actor, user);
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, user.id)))
      .returning({ userId: groupMembers.userId });
    if (removed.length === 0) throw new NotFoundError("This user is not a member of the group.");
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.member_removed",
      actor,
      target: user,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
  });
}

import "server-only";
import { type Executor, getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { loadPermissions, loadPermissionsOfUsers } from "@/lib/auth/load-permissions";
import { allPermissionKeys, type PermissionKey, permissionLabel } from "@/lib/auth/modules";
import { canKey } from "@/lib/auth/permissions";
import { resolvePermission } from "@/lib/auth/resolve-permission";
import { ForbiddenError } from "@/lib/errors";

type Target = { id: string; role: "user" | "administrator"; userName: string };

/**
 * What the target may do that the actor may not. A non-Administrator who changed,
 * reset or deleted such a user could sign in as them, or take them over, and so
 * climb above what they were given.
 */
export async function permissionsBeyondActor(
  db: Executor,
  actor: Actor,
  target: Target,
): Promise<PermissionKey[]> {
  if (actor.role === "administrator") return [];
  if (target.role === "administrator")
    return allPermissionKeys.filter((key) => !canKey(actor, key));
  const subject = { role: target.role, ...(await loadPermissions(target.id, db)) };
  return allPermissionKeys.filter(
    (key) => resolvePermission(subject, key).allowed && !canKey(actor, key),
  );
}

/**
 * The delegation rule for every change to a user (details, password, email, active
 * state, groups, overrides, deletion): a non-Administrator acts only on users whose
 * effective permissions are a subset of their own.
 */
export async function assertMayManageUser(
  db: Executor,
  actor: Actor,
  target: Target,
): Promise<void> {
  if (actor.role === "administrator") return;
  if (target.role === "administrator") {
    throw new ForbiddenError("Only an Administrator can change an Administrator.");
  }
  const beyond = await permissionsBeyondActor(db, actor, target);
  if (beyond.length > 0) {
    throw new ForbiddenError(
      `You cannot change ${target.userName}: they can do ${beyond
        .map(permissionLabel)
        .join(", ")}, which you cannot.`,
    );
  }
}

/**
 * The same rule for many users at once: a change to a group reaches all its members, so a
 * delegate makes it only when they may manage every one of them.
 */
export async function assertMayManageUsers(
  db: Executor,
  actor: Actor,
  targets: Target[],
): Promise<void> {
  if (actor.role === "administrator") return;
  const loaded = await loadPermissionsOfUsers(
    targets.filter((target) => target.role !== "administrator").map((target) => target.id),
    db,
  );
  for (const target of targets) {
    if (target.role === "administrator") {
      throw new ForbiddenError("Only an Administrator can change an Administrator.");
    }
    const subject = { role: target.role, ...loaded.get(target.id)! };
    const beyond = allPermissionKeys.filter(
      (key) => resolvePermission(subject, key).allowed && !canKey(actor, key),
    );
    if (beyond.length > 0) {
      throw new ForbiddenError(
        `You cannot change ${target.userName}: they can do ${beyond
          .map(permissionLabel)
          .join(", ")}, which you cannot.`,
      );
    }
  }
}

/** For pages: whether the actor may change this user at all (the services decide again). */
export async function mayManageUser({ actor, user }: { actor: Actor; user: Target }) {
  return (await permissionsBeyondActor(getDb(), actor, user)).length === 0;
}

import "server-only";
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { isPermissionKey, type PermissionKey } from "./modules";
import type { OverrideEffect, PermissionSubject } from "./resolve-permission";

export type LoadedPermissions = Required<Pick<PermissionSubject, "grants" | "overrides">>;

type Row = { kind: "grant" | "override"; module: string; action: string; detail: string };

/** A user's group grants (with group names) and overrides, in one query. */
export async function loadPermissions(
  userId: string,
  db: Executor = getDb(),
): Promise<LoadedPermissions> {
  const result = await db.execute(sql`
    select 'grant' as kind, gp.module, gp.action, g.name as detail
      from group_members gm
      join groups g on g.id = gm.group_id
      join group_permissions gp on gp.group_id = gm.group_id
     where gm.user_id = ${userId}
    union all
    select 'override', o.module, o.action, o.effect::text
      from user_permission_overrides o
     where o.user_id = ${userId}`);
  const grants = new Map<PermissionKey, string[]>();
  const overrides = new Map<PermissionKey, OverrideEffect>();
  // node-postgres and PGlite both answer raw queries with { rows }.
  for (const row of (result as { rows: Row[] }).rows) {
    const key = `${row.module}:${row.action}`;
    // Rows for actions no longer in the registry are ignored, never granted.
    if (!isPermissionKey(key)) continue;
    if (row.kind === "override") overrides.set(key, row.detail as OverrideEffect);
    else grants.set(key, [...(grants.get(key) ?? []), row.detail]);
  }
  return { grants, overrides };
}

type ManyRow = Row & { userId: string };

/** The grants and overrides of many users in one query (checking a whole group's members). */
export async function loadPermissionsOfUsers(
  userIds: string[],
  db: Executor = getDb(),
): Promise<Map<string, LoadedPermissions>> {
  const loaded = new Map<string, LoadedPermissions>();
  for (const id of userIds) loaded.set(id, { grants: new Map(), overrides: new Map() });
  if (userIds.length === 0) return loaded;
  const ids = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select gm.user_id as "userId", 'grant' as kind, gp.module, gp.action, g.name as detail
      from group_members gm
      join groups g on g.id = gm.group_id
      join group_permissions gp on gp.group_id = gm.group_id
     where gm.user_id in (${ids})
    union all
    select o.user_id, 'override', o.module, o.action, o.effect::text
      from user_permission_overrides o
     where o.user_id in (${ids})`);
  for (const row of (result as { rows: ManyRow[] }).rows) {
    const key = `${row.module}:${row.action}`;
    const permissions = loaded.get(row.userId);
    if (!permissions || !isPermissionKey(key)) continue;
    if (row.kind === "override") {
      (permissions.overrides as Map<PermissionKey, OverrideEffect>).set(
        key,
        row.detail as OverrideEffect,
      );
    } else {
      const grants = permissions.grants as Map<PermissionKey, string[]>;
      grants.set(key, [...(grants.get(key) ?? []), row.detail]);
    }
  }
  return loaded;
}

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

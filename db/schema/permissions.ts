import { pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { groups } from "./groups";
import { users } from "./users";

// Module and action names come from the registry in lib/auth/modules.ts.
export const groupPermissions = pgTable(
  "group_permissions",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    module: text("module").notNull(),
    action: text("action").notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.module, table.action] })],
);

export const overrideEffect = pgEnum("override_effect", ["allow", "deny"]);

export const userPermissionOverrides = pgTable(
  "user_permission_overrides",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    module: text("module").notNull(),
    action: text("action").notNull(),
    effect: overrideEffect("effect").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.module, table.action] })],
);

export type OverrideEffect = (typeof overrideEffect.enumValues)[number];

import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const activityKinds = [
  "user.created",
  "user.updated",
  "user.inactivated",
  "user.reactivated",
  "user.deleted",
  "user.signed_in",
  "user.sign_in_failed",
  "user.name_in_use_refused",
  "licence.accepted",
  "licence.published",
  "account.created",
  "group.created",
  "group.updated",
  "group.deleted",
  "group.member_added",
  "group.member_removed",
  "permissions.changed",
  "instance.created",
  "instance.updated",
  "instance.deleted",
  "instance.rebuild_requested",
  "instance.rebuilt",
  "instance.rebuild_failed",
  "feature.created",
  "feature.updated",
  "feature.deleted",
  "template.created",
  "template.updated",
  "template.deleted",
  "seat.created",
  "seat.updated",
  "seat.deleted",
  "api_token.created",
  "api_token.revoked",
  "webhook_endpoint.created",
  "webhook_endpoint.updated",
  "webhook_endpoint.deleted",
  "webhook_endpoint.disabled",
  "organization.updated",
  "subscription.changed",
  "invoice.issued",
  "invoice.voided",
  "invoice.paid",
  "payment.succeeded",
  "payment.declined",
  "payment.recorded",
  "credit.applied",
  "payment_method.added",
  "payment_method.removed",
  "payment_method.default_changed",
] as const;
export type ActivityKind = (typeof activityKinds)[number];

export type ActivityChange = { field: string; before: unknown; after: unknown };
export type ActivityDetails = { changes?: ActivityChange[]; [key: string]: unknown };

// Append-only. Actor and target are copied as labels so rows outlive deleted users.
export const accountActivity = pgTable(
  "account_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ActivityKind>().notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull().default(""),
    /** The API token the actor acted through, when the change came through the REST API. */
    actorTokenLabel: text("actor_token_label").notNull().default(""),
    targetUserId: uuid("target_user_id"),
    targetLabel: text("target_label").notNull().default(""),
    details: jsonb("details").$type<ActivityDetails>().notNull().default({}),
    clientAddress: text("client_address").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("account_activity_account_idx").on(table.accountId, table.createdAt, table.id),
    index("account_activity_actor_idx").on(table.accountId, table.actorUserId, table.createdAt),
    index("account_activity_target_idx").on(table.accountId, table.targetUserId, table.createdAt),
  ],
);

export type ActivityRow = typeof accountActivity.$inferSelect;

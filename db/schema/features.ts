import { sql } from "drizzle-orm";
import {
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { instances } from "./instances";
import { seats } from "./seats";

export const featureKinds = [
  "phone_number",
  "device",
  "conference_room",
  "fax_machine",
  "ring_group",
  "voicemail_box",
] as const;
export type FeatureKind = (typeof featureKinds)[number];

/**
 * An object of an instance. The fields every kind shares are columns; the rest are in
 * `settings`, validated per kind by lib/features/schemas. Phone numbers and MAC addresses
 * are columns too, so the database keeps them unique.
 */
export const features = pgTable(
  "features",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => instances.id, { onDelete: "cascade" }),
    kind: text("kind").$type<FeatureKind>().notNull(),
    name: text("name").notNull(),
    // Null: a spare, free to be added to a seat. Deleting a seat keeps its features as spares.
    seatId: uuid("seat_id").references(() => seats.id, { onDelete: "set null" }),
    phoneNumber: text("phone_number"),
    macAddress: text("mac_address"),
    extension: text("extension"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("features_phone_number_key")
      .on(table.accountId, table.phoneNumber)
      .where(sql`${table.phoneNumber} is not null`),
    uniqueIndex("features_mac_address_key")
      .on(table.accountId, table.macAddress)
      .where(sql`${table.macAddress} is not null`),
    // Keyset paging of an instance's features, all kinds or one, by name.
    index("features_list_idx").on(table.instanceId, sql`lower(${table.name})`, table.id),
    index("features_kind_list_idx").on(
      table.instanceId,
      table.kind,
      sql`lower(${table.name})`,
      table.id,
    ),
    // Spares of a kind, for "Add" and for templates that take a spare number.
    index("features_spare_idx")
      .on(table.instanceId, table.kind, table.createdAt, table.id)
      .where(sql`${table.seatId} is null`),
    index("features_seat_idx").on(table.seatId),
  ],
);

export type Feature = typeof features.$inferSelect;

export const extensionOwnerKinds = [
  "seat",
  "ring_group",
  "conference_room",
  "voicemail_box",
] as const;
export type ExtensionOwnerKind = (typeof extensionOwnerKinds)[number];

/**
 * Every extension in use in an instance, whatever uses it: the primary key makes two
 * concurrent saves unable to take the same one, across seats, ring groups, conference
 * rooms and mailboxes.
 */
export const instanceExtensions = pgTable(
  "instance_extensions",
  {
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => instances.id, { onDelete: "cascade" }),
    extension: text("extension").notNull(),
    ownerKind: text("owner_kind").$type<ExtensionOwnerKind>().notNull(),
    ownerId: uuid("owner_id").notNull(),
    // What the error message names ("ring group Sales", "seat of jsmith").
    ownerLabel: text("owner_label").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.instanceId, table.extension] }),
    index("instance_extensions_owner_idx").on(table.ownerId),
  ],
);

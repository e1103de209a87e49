import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An organization (tenant) and its profile: shown in the top bar, on invoices and emails. */
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  address: text("address").notNull().default(""),
  contactEmail: text("contact_email").notNull().default(""),
  billingEmail: text("billing_email").notNull().default(""),
  phone: text("phone").notNull().default(""),
  /** An IANA time zone ("Europe/Paris"): billing periods and dates are read in it. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Tax rate in hundredths of a percent (825 = 8.25 %), so money math stays in integers. */
  taxRateBasisPoints: integer("tax_rate_basis_points").notNull().default(0),
  /** The logo, validated and size-limited: its media type and bytes as base64. */
  logoType: text("logo_type").notNull().default(""),
  logoBase64: text("logo_base64").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Account = typeof accounts.$inferSelect;

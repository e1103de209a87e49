import { integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// How many active and inactive users each account has, kept by triggers on users
// (migration 0007), so the User List shows its counts without counting 100k rows.
export const accountUserCounts = pgTable("account_user_counts", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  active: integer("active").notNull().default(0),
  inactive: integer("inactive").notNull().default(0),
});

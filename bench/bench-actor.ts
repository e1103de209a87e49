import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import type { Actor } from "../lib/auth/actor";
import { benchAdminLogin } from "./bench-data";
import { rowsOf } from "./sql-values";

/** The big account's Administrator as the services see a signed-in request of theirs. */
export async function benchAdminActor(db: Executor): Promise<Actor> {
  const [admin] = rowsOf<{ id: string; accountId: string; userName: string }>(
    await db.execute(sql`
      select id, account_id as "accountId", user_name as "userName" from users
       where lower(user_name) = ${benchAdminLogin}`),
  );
  if (!admin) throw new Error("No bench data in this database: run `npm run bench:seed` first.");
  return { ...admin, role: "administrator", clientAddress: "127.0.0.1" };
}

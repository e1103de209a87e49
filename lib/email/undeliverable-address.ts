import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** Why a message was recorded but not sent. */
export const undeliverableError =
  "The address is marked undeliverable (the provider reported a bounce or complaint): nothing is sent to it until the address changes or an Administrator clears the mark.";

/** True when a user of the account has this address and it is marked undeliverable. */
export async function isAddressUndeliverable(
  db: Executor,
  accountId: string,
  address: string,
): Promise<boolean> {
  const [marked] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.accountId, accountId),
        sql`lower(${users.email}) = lower(${address})`,
        isNotNull(users.emailUndeliverableAt),
      ),
    )
    .limit(1);
  return Boolean(marked);
}

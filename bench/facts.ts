import { sql } from "drizzle-orm";
import { closeDb, connection } from "../db/client";
import { apiTokens } from "../db/schema";
import { generateApiToken } from "../lib/api-tokens/token-secret";
import { allPermissionKeys } from "../lib/auth/modules";
import { encodeUserListCursor } from "../lib/users/user-list-cursor";
import { benchAdminLogin, benchUserLogin } from "./bench-data";
import { commonSurnameFragment } from "./names";
import { type PhoneFacts, readPhoneFacts } from "./phone-facts";
import { rowsOf } from "./sql-values";

type Person = { id: string; userName: string };

/** A page deep in the User List: its cursor and the user the page must start with. */
export type DeepPage = { after: string; position: number; firstUserName: string };

export type BenchFacts = {
  database: { kind: "pglite" | "postgres"; version: string };
  accounts: number;
  users: number;
  admin: Person & { accountId: string };
  user: Person;
  bigActiveUsers: number;
  search: { q: string; activeMatches: number };
  deepByUserName: DeepPage;
  deepByLastName: DeepPage;
  detailUser: Person;
  /** The phone system's instances; undefined in a database seeded before them. */
  phone?: PhoneFacts;
  /** An API token of the big account's Administrator, made for this run. */
  apiToken: string;
};

/**
 * Reads what the cases need from the seeded database before the server starts (PGlite
 * admits one process at a time), then closes it. Deep cursors are built for the user 90%
 * of the way down the list, as the User List encodes them.
 */
export async function readBenchFacts(): Promise<BenchFacts> {
  const { db, kind } = connection();
  try {
    const people = rowsOf<Person & { accountId: string }>(
      await db.execute(sql`
        select id, user_name as "userName", account_id as "accountId" from users
         where lower(user_name) in (${benchAdminLogin}, ${benchUserLogin})`),
    );
    const admin = people.find((person) => person.userName === benchAdminLogin);
    const user = people.find((person) => person.userName === benchUserLogin);
    if (!admin || !user) {
      throw new Error("No bench data in this database: run `npm run bench:seed` first.");
    }
    const [totals] = rowsOf<{ version: string; accounts: number; users: number; active: number }>(
      await db.execute(sql`
        select version(), (select count(*) from accounts)::int as accounts,
               (select count(*) from users)::int as users,
               (select active from account_user_counts where account_id = ${admin.accountId})
                 as active`),
    );
    const active = totals?.active ?? 0;
    const deepPage = async (column: "user_name" | "last_name"): Promise<DeepPage> => {
      const position = Math.floor(active * 0.9);
      const key = sql.raw(`lower(${column})`);
      const [at, first] = rowsOf<{ value: string; id: string; userName: string }>(
        await db.execute(sql`
          select ${key} as value, id, user_name as "userName" from users
           where account_id = ${admin.accountId} and active
           order by ${key}, id offset ${position} limit 2`),
      );
      if (!at || !first) throw new Error("The big account has too few users for a deep page.");
      return {
        after: encodeUserListCursor({ value: at.value, id: at.id }),
        position,
        firstUserName: first.userName,
      };
    };
    const [detailUser] = rowsOf<Person>(
      await db.execute(sql`
        select id, user_name as "userName" from users
         where account_id = ${admin.accountId} and active
         order by lower(user_name), id offset ${Math.floor(active / 2)} limit 1`),
    );
    const [matches] = rowsOf<{ count: number }>(
      await db.execute(sql`
        select count(*)::int as count from users
         where account_id = ${admin.accountId} and active
           and search_text like ${`%${commonSurnameFragment}%`}`),
    );
    const token = generateApiToken();
    await db.insert(apiTokens).values({
      accountId: admin.accountId,
      createdByUserId: admin.id,
      name: `bench ${new Date().toISOString()}`,
      displayPrefix: token.displayPrefix,
      tokenHash: token.hash,
      scopes: allPermissionKeys,
    });
    return {
      apiToken: token.token,
      database: { kind, version: totals?.version ?? "" },
      accounts: totals?.accounts ?? 0,
      users: totals?.users ?? 0,
      admin,
      user,
      bigActiveUsers: active,
      search: { q: commonSurnameFragment, activeMatches: matches?.count ?? 0 },
      deepByUserName: await deepPage("user_name"),
      deepByLastName: await deepPage("last_name"),
      detailUser: detailUser ?? user,
      phone: await readPhoneFacts(db, admin.accountId),
    };
  } finally {
    await closeDb();
  }
}

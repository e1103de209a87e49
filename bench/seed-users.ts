import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { benchGroups } from "./bench-data";
import { colors, firstNames, surnames, titles } from "./names";
import type { SeededAccounts } from "./seed-accounts";
import { arrayLiteral, rowsOf } from "./sql-values";

export type UserBatch = {
  /** Generated users numbered from..to (inclusive); the first `bigCount` go to account 1. */
  from: number;
  to: number;
  bigCount: number;
  accounts: SeededAccounts;
  passwordHash: string;
};

export type BatchCounts = {
  users: number;
  members: number;
  overrides: number;
  acceptances: number;
  activity: number;
};

/**
 * One statement per batch: PostgreSQL generates the users from the name lists (a hash of
 * the user's number picks each attribute, so reruns produce the same people) and, in the
 * same statement, their group memberships (one or two groups), a few permission overrides
 * (1%), licence acceptances (90%) and "user.created" activity rows. The account counts are
 * kept by the users triggers, once per statement.
 */
export async function seedUserBatch(db: Database, batch: UserBatch): Promise<BatchCounts> {
  const others = Math.max(1, batch.accounts.accountIds.length - 1);
  const [counts] = rowsOf<BatchCounts>(
    await db.execute(sql`
      with numbered as (
        select n, abs(hashtext('x' || n)::bigint) as h,
               case when n <= ${batch.bigCount}::int then 1
                    else 2 + (n - ${batch.bigCount}::int - 1) % ${others}::int end as a
          from generate_series(${batch.from}::int, ${batch.to}::int) as n
      ), people as materialized (
        select n, h, a, gen_random_uuid() as id,
               (${arrayLiteral(batch.accounts.accountIds)}::uuid[])[a] as account_id,
               (${arrayLiteral(batch.accounts.adminIds)}::uuid[])[a] as admin_id,
               (${arrayLiteral(batch.accounts.adminLabels)}::text[])[a] as admin_label,
               (${arrayLiteral(firstNames)}::text[])
                 [1 + abs(hashtext('f' || n)::bigint) % ${firstNames.length}::int] as first_name,
               (${arrayLiteral(surnames)}::text[])
                 [1 + abs(hashtext('l' || n)::bigint) % ${surnames.length}::int] as last_name,
               now() - (n % 1000) * interval '1 day' - (h % 86400) * interval '1 second'
                 as created_at
          from numbered
      ), named as materialized (
        select *, lower(first_name || '.' || last_name) || n as user_name from people
      ), u as (
        insert into users (id, account_id, user_name, password_hash, first_name, last_name,
                           title, email, phone, extension, color, active, created_at, updated_at)
        select id, account_id, user_name, ${batch.passwordHash}, first_name, last_name,
               (${arrayLiteral(titles)}::text[])[1 + h % ${titles.length}::int],
               user_name || '@bench-' || a || '.example',
               '+442079460' || lpad((n % 1000)::text, 3, '0'), (100000 + n)::text,
               (${arrayLiteral(colors)}::text[])[1 + (h / 7) % ${colors.length}::int],
               h % 100 >= 5, created_at, created_at
          from named
        returning 1
      ), m as (
        insert into group_members (group_id, user_id, added_at)
        select g.id, p.id, p.created_at
          from named p
          cross join lateral (values ((p.h / 100) % ${benchGroups.length}::int),
                                     (case when (p.h / 1000) % 4 = 0
                                           then (p.h / 100 + 3) % ${benchGroups.length}::int end))
               as slot(i)
          join groups g on g.account_id = p.account_id
                       and g.name = (${arrayLiteral(benchGroups.map((group) => group.name))}::text[])[1 + slot.i]
         where slot.i is not null
        returning 1
      ), o as (
        insert into user_permission_overrides (user_id, module, action, effect)
        select id, case when h % 2 = 0 then 'billing' else 'users' end,
               case when h % 2 = 0 then 'view' else 'edit' end,
               (case when h % 2 = 0 then 'allow' else 'deny' end)::override_effect
          from named
         where (h / 10000) % 100 = 0
        returning 1
      ), la as (
        insert into licence_acceptances (account_id, user_id, licence_version_id, accepted_at,
                                         client_address, user_agent)
        select p.account_id, p.id, lv.id, p.created_at + interval '1 hour', '127.0.0.1',
               'bench seed'
          from named p
          join licence_versions lv on lv.account_id = p.account_id and lv.version = 1
         where (p.h / 13) % 10 <> 0
        returning 1
      ), act as (
        insert into account_activity (account_id, kind, actor_user_id, actor_label,
                                      target_user_id, target_label, client_address, created_at)
        select account_id, 'user.created', admin_id, admin_label, id, user_name, '127.0.0.1',
               created_at
          from named
        returning 1
      )
      select (select count(*) from u)::int as users, (select count(*) from m)::int as members,
             (select count(*) from o)::int as overrides,
             (select count(*) from la)::int as acceptances,
             (select count(*) from act)::int as activity`),
  );
  if (!counts) throw new Error("The batch insert returned no counts.");
  return counts;
}

import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { defaultLicenceBody, defaultLicenceSummary } from "../lib/licence/default-licence";
import { benchAdminLogin, benchGroups, benchUserLogin } from "./bench-data";
import { arrayLiteral, rowsOf } from "./sql-values";

export type SeededAccounts = {
  /** Account ids and their Administrators' ids and user names, account 1 (the big one) first. */
  accountIds: string[];
  adminIds: string[];
  adminLabels: string[];
};

/** Account n's first Administrator: the big account's is the one the bench signs in as. */
export function adminLogin(accountNumber: number): string {
  return accountNumber === 1 ? benchAdminLogin : `${benchAdminLogin}-${accountNumber}`;
}

/**
 * What createOrganization() writes for each account (the account, its first Administrator,
 * licence version 1, an "account.created" activity row), set-based for speed, plus the bench
 * groups with their permissions and, in the big account, the bench User. The bench users
 * have accepted the licence, so signing in leads straight to the portal.
 */
export async function seedAccounts(
  db: Database,
  accountCount: number,
  passwordHash: string,
): Promise<SeededAccounts> {
  const accounts = rowsOf<{ id: string; n: number }>(
    await db.execute(sql`
      insert into accounts (name, created_at)
      select 'Bench organization ' || n, now() - interval '3 years'
        from generate_series(1, ${accountCount}::int) as n
      returning id, (regexp_match(name, '[0-9]+$'))[1]::int as n`),
  ).sort((a, b) => a.n - b.n);
  const accountIds = accounts.map((account) => account.id);
  const adminLabels = accounts.map((account) => adminLogin(account.n));
  const ids = arrayLiteral(accountIds);
  const admins = rowsOf<{ id: string; account_id: string }>(
    await db.execute(sql`
      insert into users (account_id, user_name, password_hash, first_name, last_name, email,
                         role, color, created_at, updated_at)
      select a.id, a.login, ${passwordHash}, 'Avery', 'Administrator',
             a.login || '@bench-' || a.n || '.example', 'administrator', '#4f46e5',
             now() - interval '3 years', now() - interval '3 years'
        from unnest(${ids}::uuid[], ${arrayLiteral(adminLabels)}::text[])
             with ordinality as a(id, login, n)
      returning id, account_id`),
  );
  const adminByAccount = new Map(admins.map((admin) => [admin.account_id, admin.id]));
  const adminIds = accountIds.map((id) => adminByAccount.get(id) ?? "");
  await db.execute(sql`
    insert into licence_versions (account_id, version, body, summary, published_at)
    select id, 1, ${defaultLicenceBody}, ${defaultLicenceSummary}, now() - interval '3 years'
      from unnest(${ids}::uuid[]) as id`);
  await db.execute(sql`
    insert into account_activity (account_id, kind, actor_user_id, actor_label, target_user_id,
                                  target_label, details, client_address, created_at)
    select a.id, 'account.created', u.id, u.user_name, u.id, u.user_name,
           jsonb_build_object('organization', a.name), '127.0.0.1', a.created_at
      from accounts a join users u on u.account_id = a.id
     where a.id = any(${ids}::uuid[])`);
  await seedGroups(db, ids);
  await seedBenchUser(db, accountIds[0] ?? "", passwordHash);
  await db.execute(sql`
    insert into licence_acceptances (account_id, user_id, licence_version_id, client_address,
                                     user_agent)
    select u.account_id, u.id, lv.id, '127.0.0.1', 'bench seed'
      from users u join licence_versions lv on lv.account_id = u.account_id and lv.version = 1
     where u.account_id = any(${ids}::uuid[])`);
  return { accountIds, adminIds, adminLabels };
}

async function seedGroups(db: Database, ids: string) {
  const names = arrayLiteral(benchGroups.map((group) => group.name));
  const descriptions = arrayLiteral(benchGroups.map((group) => group.description));
  await db.execute(sql`
    insert into groups (account_id, name, description, created_at, updated_at)
    select a.id, g.name, g.description, now() - interval '2 years', now() - interval '2 years'
      from unnest(${ids}::uuid[]) as a(id)
     cross join unnest(${names}::text[], ${descriptions}::text[]) as g(name, description)`);
  const grants = benchGroups.flatMap((group) =>
    group.permissions.map((key) => ({ group: group.name, key })),
  );
  await db.execute(sql`
    insert into group_permissions (group_id, module, action)
    select g.id, split_part(p.key, ':', 1), split_part(p.key, ':', 2)
      from unnest(${arrayLiteral(grants.map((grant) => grant.group))}::text[],
                  ${arrayLiteral(grants.map((grant) => grant.key))}::text[]) as p(name, key)
      join groups g on g.name = p.name
     where g.account_id = any(${ids}::uuid[])`);
}

async function seedBenchUser(db: Database, accountId: string, passwordHash: string) {
  await db.execute(sql`
    with inserted as (
      insert into users (account_id, user_name, password_hash, first_name, last_name, email,
                         color, created_at, updated_at)
      values (${accountId}, ${benchUserLogin}, ${passwordHash}, 'Blake', 'User',
              ${`${benchUserLogin}@bench-1.example`}, '#0891b2', now() - interval '2 years',
              now() - interval '2 years')
      returning id
    )
    insert into group_members (group_id, user_id)
    select g.id, inserted.id from inserted
      join groups g on g.account_id = ${accountId} and g.name = 'Helpdesk'`);
}

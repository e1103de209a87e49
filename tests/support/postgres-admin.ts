import pg from "pg";

/**
 * Ends every session on `database` but the caller's own, as a server restart or failover
 * would, and returns how many it ended. The timeout makes pg_terminate_backend wait until
 * each session has exited (PostgreSQL 14+), so work issued afterwards is really "after".
 */
export async function terminateBackends(adminUrl: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const result = await admin.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid, 10000) as ended
         from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );
    return result.rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

/** How many sessions are open on `database` (the caller's own excluded). */
export async function countBackends(
  adminUrl: string,
  database: string,
  applicationName?: string,
): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const result = await admin.query<{ count: number }>(
      `select count(*)::int as count
         from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid()
          and ($2::text is null or application_name = $2)`,
      [database, applicationName ?? null],
    );
    return result.rows[0]?.count ?? 0;
  } finally {
    await admin.end();
  }
}

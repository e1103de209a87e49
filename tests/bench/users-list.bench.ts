import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDb, getDb, openPglite, setConnection } from "../../db/client";
import { applyMigrations } from "../../db/migrate";
import { createOrganization } from "../../lib/accounts/setup-organization";
import type { Actor } from "../../lib/auth/actor";
import { listUsers } from "../../lib/users/list-users";

// Prints the User List's server time at 100k users in one account.
// PGlite in memory by default; DATABASE_URL to measure a PostgreSQL server.
const userCount = Number(process.env.BENCH_USERS ?? 100_000);

async function time(label: string, runs: number, work: () => Promise<unknown>) {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(42)} median ${median.toFixed(1)} ms   max ${samples.at(-1)?.toFixed(1)} ms`,
  );
}

async function main() {
  if (!process.env.DATABASE_URL) setConnection(openPglite(undefined));
  await applyMigrations();
  const suffix = Date.now().toString(36);
  const { account, admin } = await createOrganization({
    organizationName: `Bench ${suffix}`,
    userName: `bench-admin-${suffix}`,
    email: `bench-admin-${suffix}@bench.example`,
    passwordHash: "not-a-real-hash",
    clientAddress: "127.0.0.1",
    onlyIfFirst: false,
  });
  const loadStart = performance.now();
  await getDb().execute(sql`
    insert into users (account_id, user_name, password_hash, first_name, last_name, email, active)
    select ${account.id}, 'u' || ${suffix} || '-' || lpad(n::text, 6, '0'), 'x',
      (array['Olivia','Liam','Emma','Noah','Ava','Mateo','Priya','Kenji'])[1 + n % 8],
      (array['Smith','Garcia','Nguyen','Patel','Okafor','Larsen','Rossi','Tanaka'])[1 + (n / 8) % 8] || n::text,
      'u' || ${suffix} || '-' || n || '@bench.example', n % 10 <> 0
    from generate_series(1, ${userCount}) as n`);
  await getDb().execute(sql`analyze users`);
  console.log(
    `Loaded ${userCount} users in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const actor: Actor = {
    ...admin,
    accountId: account.id,
    role: "administrator",
    clientAddress: "127.0.0.1",
  };
  const first = await listUsers({ actor, query: { status: "active", q: "" } });
  await time("first page (50 active users)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "" } }),
  );
  await time("next page (keyset cursor)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "", after: first.nextAfter } }),
  );
  await time("deep page (cursor near the end)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "", after: `u${suffix}-099000` } }),
  );
  await time("previous page (backwards cursor)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "", before: `u${suffix}-050000` } }),
  );
  await time("inactive users", 20, () =>
    listUsers({ actor, query: { status: "inactive", q: "" } }),
  );
  await time("search 'tanaka7' (trigram)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "tanaka7" } }),
  );
  await time("search rare '-04242@' (trigram)", 20, () =>
    listUsers({ actor, query: { status: "active", q: "-04242@" } }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());

import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, connection } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { hashPassword } from "../lib/auth/passwords";
import { env } from "../lib/env";
import { benchAdminLogin, benchPassword, benchUserLogin } from "./bench-data";
import { commonSurnameFragment } from "./names";
import { seedAccounts } from "./seed-accounts";
import { seedPhoneSystem } from "./seed-phone-system";
import { type BatchCounts, seedUserBatch } from "./seed-users";
import { rowsOf } from "./sql-values";

// `npm run bench:seed -- --users 1000000 --accounts 1000 --big 100000`: fills the configured
// database (DATABASE_URL, else PGlite in DATA_DIR) with bench data, once. `-- --phone-only`
// adds the phone system (instances, features, seats) to a database seeded before it existed.
const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    accounts: { type: "string", default: "1" },
    big: { type: "string" },
    batch: { type: "string" },
    force: { type: "boolean", default: false },
    "phone-only": { type: "boolean", default: false },
  },
});

const count = (value: string | undefined, name: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number.`);
  return parsed;
};

const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString("en");

// Bench Big seats 5,000 of the big account's users and Bench Small 10 more.
const phoneSystemUsers = 6000;

async function seedPhoneOnly() {
  const { db } = connection();
  await applyMigrations();
  const started = performance.now();
  await seedPhoneSystem(db);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function seed() {
  const userCount = count(args.users, "users");
  const accountCount = count(args.accounts, "accounts");
  // Users in account 1, its Administrator and the bench User included.
  const bigUsers = count(
    args.big ?? String(accountCount === 1 ? userCount : Math.floor(userCount / accountCount)),
    "big",
  );
  // Each account has its Administrator; the big one also has the bench User.
  const generated = userCount - accountCount - 1;
  const bigGenerated = bigUsers - 2;
  if (bigGenerated < 0 || generated < bigGenerated) {
    throw new Error("--big must be at least 2 and leave every other account its Administrator.");
  }
  if (accountCount === 1 && bigUsers !== userCount) {
    throw new Error("With one account, --big is --users (or leave it out).");
  }
  const { db, kind } = connection();
  // PGlite runs in this process on one core: smaller statements keep its memory in bounds.
  const batchSize = count(args.batch ?? (kind === "pglite" ? "10000" : "50000"), "batch");
  await applyMigrations();
  const existing = await db.execute(
    sql`select 1 from users where lower(user_name) = ${benchAdminLogin} limit 1`,
  );
  if (rowsOf(existing).length > 0) {
    console.error(
      `This database already holds bench data (${benchAdminLogin} exists); nothing was changed.\n` +
        "Seed a fresh one: drop and create the PostgreSQL database, or use another DATA_DIR.\n" +
        "To add only the phone system (instances, features, seats): npm run bench:seed:phone",
    );
    process.exitCode = 1;
    return;
  }
  console.log(
    `Seeding ${kind === "pglite" ? `PGlite in ${env.DATA_DIR}` : "PostgreSQL"}: ${userCount.toLocaleString("en")} users in ${accountCount.toLocaleString("en")} account${accountCount === 1 ? "" : "s"}, ${bigUsers.toLocaleString("en")} in the big one.`,
  );
  const started = performance.now();
  // One argon2id hash for everyone: hashing a million passwords would take hours.
  const passwordHash = await hashPassword(benchPassword);
  const accountsStarted = performance.now();
  const accounts = await seedAccounts(db, accountCount, passwordHash);
  const accountsMs = performance.now() - accountsStarted;
  console.log(
    `accounts   ${accountCount.toLocaleString("en")} with Administrators, licences, groups  ${rate(accountCount, accountsMs)} accounts/s`,
  );

  const totals: BatchCounts = { users: 0, members: 0, overrides: 0, acceptances: 0, activity: 0 };
  const usersStarted = performance.now();
  for (let from = 1; from <= generated; from += batchSize) {
    const to = Math.min(generated, from + batchSize - 1);
    const batchStarted = performance.now();
    const counts = await seedUserBatch(db, {
      from,
      to,
      bigCount: bigGenerated,
      accounts,
      passwordHash,
    });
    const ms = performance.now() - batchStarted;
    const rows = Object.values(counts).reduce((sum, value) => sum + value, 0);
    for (const key of Object.keys(totals) as (keyof BatchCounts)[]) totals[key] += counts[key];
    console.log(
      `users      ${to.toLocaleString("en").padStart(11)} / ${generated.toLocaleString("en")}  ${rate(counts.users, ms)} users/s, ${rate(rows, ms)} rows/s (with memberships, overrides, acceptances, activity)`,
    );
  }
  const usersMs = performance.now() - usersStarted;
  const allRows = Object.values(totals).reduce((sum, value) => sum + value, 0);
  console.log(
    `generated  ${JSON.stringify(totals)}: ${rate(totals.users, usersMs)} users/s, ${rate(allRows, usersMs)} rows/s`,
  );

  if (bigUsers >= phoneSystemUsers) await seedPhoneSystem(db);
  else
    console.log(
      `phone      skipped: the big account needs ${phoneSystemUsers.toLocaleString("en")} users for Bench Big's seats.`,
    );

  const analyzeStarted = performance.now();
  // Fresh statistics and visibility maps, as autovacuum would leave a long-lived database.
  await db.execute(sql`vacuum (analyze)`);
  console.log(`vacuum     ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`);

  const [big] = rowsOf<{ users: number; matches: number }>(
    await db.execute(sql`
      select (select count(*) from users where account_id = ${accounts.accountIds[0]})::int as users,
             (select count(*) from users where account_id = ${accounts.accountIds[0]}
                 and search_text like ${`%${commonSurnameFragment}%`})::int as matches`),
  );
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. The big account has ${big?.users.toLocaleString("en")} users; "${commonSurnameFragment}" matches ${big?.matches.toLocaleString("en")} of them.`,
  );
  console.log(
    `Sign in as ${benchAdminLogin} (Administrator) or ${benchUserLogin} (User), password ${benchPassword}.`,
  );
}

// Every bench user shares a published password, an Administrator among them.
if (env.NODE_ENV === "production" && !args.force) {
  console.error(
    "Refusing to seed bench data: NODE_ENV is production and every bench user's password is " +
      "published. Unset NODE_ENV, or pass --force if you really mean this database.",
  );
  process.exitCode = 1;
} else {
  (args["phone-only"] ? seedPhoneOnly() : seed())
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}

// Measures how many messages a minute the dispatcher sends, through the embedded outbox and
// through a local stand-in for Resend (lib/email/fake-resend-server.ts), on a fresh embedded
// database (or DATABASE_URL). Run: npx tsx lib/email/measure-throughput.ts [messages]
// Prints figures; asserts nothing about speed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { closeDb, connection, getDb, openPglite, setConnection } from "../../db/client";
import { applyMigrations } from "../../db/migrate";
import { accounts, emails } from "../../db/schema";
import { env } from "../env";
import { startDispatcher } from "../jobs/dispatcher";
import { emailJobHandlers } from "./email-job-handlers";
import type { EmailTransportConfig } from "./email-transport-config";
import { startFakeResend } from "./fake-resend-server";
import { queueEmail } from "./queue-email";

const messages = Number(process.argv[2] ?? 500);
const quiet = { error: console.error, warn: console.warn, info: () => {} };
const perMinute = (n: number, ms: number) => Math.round((n / ms) * 60_000);

async function queueBurst(accountId: string): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < messages; n += 1) {
    await queueEmail(getDb(), {
      accountId,
      to: `user${n}@example.test`,
      template: "role-changed",
      props: {
        organizationName: "Bench",
        recipientName: `User ${n}`,
        oldRole: "User",
        newRole: "Administrator",
      },
    });
  }
  return performance.now() - started;
}

async function sent(accountId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(emails)
    .where(and(eq(emails.accountId, accountId), eq(emails.status, "sent")));
  return row?.n ?? 0;
}

async function measure(label: string, config: EmailTransportConfig) {
  const [account] = await getDb().insert(accounts).values({ name: label }).returning();
  if (!account) throw new Error("no account");
  const queueMs = await queueBurst(account.id);
  const started = performance.now();
  const dispatcher = startDispatcher({
    handlers: emailJobHandlers(config),
    pollMs: 100,
    log: quiet,
  });
  while ((await sent(account.id)) < messages) await new Promise((r) => setTimeout(r, 50));
  const sendMs = performance.now() - started;
  await dispatcher.stop();
  console.log(
    `${label}: ${messages} messages sent in ${(sendMs / 1000).toFixed(1)} s = ${perMinute(messages, sendMs)} messages/minute (queueing them, rendered, took ${(queueMs / 1000).toFixed(1)} s = ${perMinute(messages, queueMs)}/minute)`,
  );
}

async function main() {
  const folder = env.DATABASE_URL
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), "email-bench-"));
  if (folder) setConnection(openPglite(path.join(folder, "pglite")));
  try {
    await applyMigrations();
    console.log(`Database: ${connection().kind}; dispatcher batch 10, one process.`);
    await measure("Embedded outbox", { kind: "outbox" });
    const provider = await startFakeResend();
    try {
      await measure("Local fake Resend", {
        kind: "resend",
        apiKey: "re_bench",
        baseUrl: provider.baseUrl,
      });
      const keys = new Set(provider.requests.map((request) => request.headers["idempotency-key"]));
      console.log(
        `  the fake provider got ${provider.requests.length} requests, ${keys.size} keys, ${provider.messages.size} messages`,
      );
    } finally {
      await provider.close();
    }
  } finally {
    await closeDb();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  }
}

await main();

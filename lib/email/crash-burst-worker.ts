// The process lib/email/crash-burst.ts starts and kills: "queue" queues a burst of messages;
// "send" runs the dispatcher against the given Resend stand-in until every one is sent.
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { closeDb, getDb, openPglite, setConnection } from "../../db/client";
import { applyMigrations } from "../../db/migrate";
import { accounts, emails } from "../../db/schema";
import { startDispatcher } from "../jobs/dispatcher";
import { emailJobHandlers } from "./email-job-handlers";
import { queueEmail } from "./queue-email";

const [mode = "", folder = "", total = "0", baseUrl = ""] = process.argv.slice(2);
const messages = Number(total);

async function queue() {
  await applyMigrations();
  const [account] = await getDb().insert(accounts).values({ name: "Crash burst" }).returning();
  if (!account) throw new Error("no account");
  for (let n = 0; n < messages; n += 1) {
    await queueEmail(getDb(), {
      accountId: account.id,
      to: `user${n}@example.test`,
      template: "password-changed",
      props: { organizationName: "Crash burst", recipientName: `User ${n}`, userName: `user${n}` },
    });
  }
}

async function sentCount() {
  const [row] = await getDb().select({ n: count() }).from(emails).where(eq(emails.status, "sent"));
  return row?.n ?? 0;
}

async function send() {
  const handlers = emailJobHandlers({ kind: "resend", apiKey: "re_crash", baseUrl });
  const dispatcher = startDispatcher({ handlers, pollMs: 200 });
  while ((await sentCount()) < messages) await new Promise((r) => setTimeout(r, 250));
  await dispatcher.stop();
}

setConnection(openPglite(path.join(folder, "pglite")));
try {
  if (mode === "queue") await queue();
  else if (mode === "send") await send();
  else throw new Error(`Unknown mode "${mode}"`);
  console.log(`${mode}: done`);
} finally {
  await closeDb();
}

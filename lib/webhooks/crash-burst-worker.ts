// The process lib/webhooks/crash-burst.integration.test.ts starts and kills: it runs the job
// dispatcher against the shared database until every webhook delivery succeeded. A clock
// offset past the claim time lets a restarted worker take over at once the jobs a killed one
// held, instead of waiting for their claims to lapse.
import { count, eq } from "drizzle-orm";
import { closeDb, getDb, openPglite, openPostgres, setConnection } from "../../db/client";
import { webhookDeliveries } from "../../db/schema";
import { startDispatcher } from "../jobs/dispatcher";
import { webhookDeliveryConfig } from "./webhook-config";
import { webhookJobHandlers } from "./webhook-job-handlers";

const [target = "", offset = "0", total = "0"] = process.argv.slice(2);
const clockOffsetMs = Number(offset);
const deliveries = Number(total);

async function succeeded() {
  const [row] = await getDb()
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, "succeeded"));
  return row?.n ?? 0;
}

setConnection(target.startsWith("postgres") ? openPostgres(target) : openPglite(target));
try {
  const handlers = webhookJobHandlers(
    webhookDeliveryConfig({
      allowPrivateUrls: true,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    }),
  );
  const dispatcher = startDispatcher({
    handlers,
    pollMs: 50,
    batchSize: 25,
    now: clockOffsetMs ? () => new Date(Date.now() + clockOffsetMs) : undefined,
  });
  while ((await succeeded()) < deliveries) await new Promise((r) => setTimeout(r, 100));
  await dispatcher.stop();
} finally {
  await closeDb();
}

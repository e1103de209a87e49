import fs from "node:fs";
import pg from "pg";
import { dataDir, env } from "../../../lib/env";

// Each browser-test run starts from an empty database, so /setup exists again.
if (env.DATABASE_URL) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query("drop schema if exists public cascade");
  await client.query("drop schema if exists drizzle cascade");
  await client.query("create schema public");
  await client.end();
} else {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log("Browser-test database reset.");

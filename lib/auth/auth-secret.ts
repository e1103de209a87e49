import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

let cached: string | undefined;

/**
 * AUTH_SECRET from the environment, or one generated on first run and kept in the
 * data folder so sessions survive restarts. A deployment on PostgreSQL (possibly
 * many instances) must share one secret, so there it is required.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) {
    cached = env.AUTH_SECRET;
    return cached;
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error("AUTH_SECRET must be set in production when DATABASE_URL is used.");
  }
  const file = path.join(dataDir, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const generated = crypto.randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { flag: "wx", mode: 0o600 });
      cached = generated;
    } catch {
      // Another worker wrote it first: use theirs.
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}

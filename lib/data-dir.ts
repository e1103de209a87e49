import fs from "node:fs";

// No "server-only" here: server.ts and the db scripts run under plain tsx, outside React's
// server condition, and reach this through the auth secret and the PGlite lock.

/**
 * Creates the data folder (and any missing parents) readable by its owner only: it holds
 * the database files and the secret that signs every session. An existing folder keeps
 * the mode its operator gave it.
 */
export function ensureDataDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

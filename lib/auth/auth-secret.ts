import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureDataDir } from "@/lib/data-dir";
import { dataDir, env } from "@/lib/env";

// No "server-only" here: server.ts checks the secret at start under plain tsx.

/** The shortest secret accepted from the file, as lib/env.ts requires of AUTH_SECRET. */
export const minimumSecretLength = 32;

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
  cached = readOrCreateSecretFile(path.join(dataDir, "auth-secret"));
  return cached;
}

/**
 * The secret kept in `file`, created (owner-only, in an owner-only folder) when missing.
 * Anyone who can read it can forge a session for any user, so a file that others may read,
 * or one too short to resist guessing, stops the start instead of being used.
 */
export function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing !== undefined) return existing;
  ensureDataDir(path.dirname(file));
  const generated = crypto.randomBytes(48).toString("base64url");
  // Written aside and linked into place, so a second worker starting at the same moment
  // sees either no file or the whole secret, never a half-written one.
  const pending = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(pending, generated, { flag: "wx", mode: 0o600 });
  try {
    fs.linkSync(pending, file);
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another worker wrote it first: use theirs.
    return readSecretFile(file) ?? generated;
  } finally {
    fs.rmSync(pending, { force: true });
  }
}

/** The checked secret in `file`, or undefined when there is no such file. */
function readSecretFile(file: string): string | undefined {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`The auth secret file ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    // Checked on the open file, so the file read is the file whose mode was checked.
    const { mode } = fs.fstatSync(descriptor);
    // Windows has no group or world permission bits to check.
    if (process.platform !== "win32" && (mode & 0o077) !== 0) {
      throw new Error(
        `The auth secret file ${file} can be read by other users (mode ${formatMode(mode)}). ` +
          `Run \`chmod 600 ${file}\` to make it private, or delete it to have a new secret ` +
          "generated at the next start (that signs everyone out).",
      );
    }
    const secret = fs.readFileSync(descriptor, "utf8").trim();
    if (secret.length < minimumSecretLength) {
      throw new Error(
        `The auth secret file ${file} holds ${secret.length} characters; at least ` +
          `${minimumSecretLength} are needed. Delete it to have a new secret generated at the ` +
          "next start (that signs everyone out), or set AUTH_SECRET.",
      );
    }
    return secret;
  } finally {
    fs.closeSync(descriptor);
  }
}

function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

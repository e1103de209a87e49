import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: two processes on one folder silently lose writes.
// A lock file naming the holder's pid keeps a second process out.
export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The database folder ${dir} is in use by another process (pid ${pid}). ` +
        "Stop that process first, or set DATA_DIR to another folder or DATABASE_URL to a PostgreSQL server.",
    );
    this.name = "DataDirInUseError";
  }
}

/** A takeover lasts microseconds; one this old was left by a process killed in the middle. */
const abandonedTakeoverMs = 10_000;
const giveUpMs = 5_000;

type Holder = { pid: number; inode: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Creates the lock file with our pid in it, or returns false if one exists. The pid is
 * written to a private file first and linked into place, so the lock file never exists
 * empty: a reader never mistakes a lock being written for a stale one.
 */
function createLock(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(draft, String(process.pid), { flag: "wx" });
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** The lock's holder and the file's identity, read from one handle; undefined if it is gone. */
function readHolder(lockFile: string): Holder | undefined {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, "r");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
  try {
    const pid = Number.parseInt(fs.readFileSync(fd, "utf8"), 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, inode: fs.fstatSync(fd).ino };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Removes a lock whose holder died, if it is still that very file. Racing processes take
 * turns through a takeover directory (mkdir succeeds for one of them); inside it the lock is
 * read again, so a lock another racer has just created is never removed. Deleting the stale
 * file and retrying the create outside such a turn is how two processes both "won".
 */
function removeStaleLock(lockFile: string, stale: Holder): void {
  const turn = `${lockFile}.takeover`;
  try {
    fs.mkdirSync(turn);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
    const since = fs.statSync(turn, { throwIfNoEntry: false })?.mtimeMs;
    if (since !== undefined && Date.now() - since > abandonedTakeoverMs) {
      fs.rmSync(turn, { recursive: true, force: true });
    } else {
      // Another process is taking its turn: by the next attempt its lock is in place.
      sleep(10);
    }
    return;
  }
  try {
    const current = readHolder(lockFile);
    if (current?.inode === stale.inode && current.pid === stale.pid) fs.unlinkSync(lockFile);
  } finally {
    fs.rmdirSync(turn);
  }
}

export function acquireDataDirLock(dir: string): () => void {
  // Owner-only: the folder holds the database files and the generated auth secret.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dir, "pglite.lock");
  const deadline = Date.now() + giveUpMs;
  while (Date.now() < deadline) {
    if (createLock(lockFile)) {
      const release = () => {
        if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    }
    const holder = readHolder(lockFile);
    // Released between our attempt and the read: try again.
    if (!holder) continue;
    if (holder.pid === process.pid) return () => {};
    if (holder.pid !== 0 && isAlive(holder.pid)) throw new DataDirInUseError(dir, holder.pid);
    // The holder died without cleaning up (or the file names no process): take it over.
    removeStaleLock(lockFile, holder);
  }
  throw new Error(`Could not take the lock on ${dir}`);
}

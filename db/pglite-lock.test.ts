import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError } from "./pglite-lock";

const folders: string[] = [];
function tempFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-lock-"));
  folders.push(folder);
  return folder;
}

/**
 * A separate process that loads the lock module, says "ready", tries to take the lock on
 * `folder` when told "go", prints "won" or the refusal, and holds on until its stdin closes.
 */
function racer(folder: string) {
  const script = `import("./db/pglite-lock.ts").then(({ acquireDataDirLock }) => {
    process.stdin.once("data", () => {
      try {
        acquireDataDirLock(${JSON.stringify(folder)});
        console.log("won");
      } catch (error) {
        console.log(error.message);
      }
    });
    process.stdin.on("end", () => process.exit(0));
    console.log("ready");
  })`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: process.cwd() });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    pid: child.pid,
    nextLine: async () => String((await lines.next()).value),
    go: () => child.stdin.write("go\n"),
    stop: () => child.stdin.end(),
    exited: new Promise((resolve) => child.on("exit", resolve)),
  };
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("acquireDataDirLock", () => {
  it("refuses a folder held by another live process, naming the folder and the process", async () => {
    const folder = tempFolder();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(path.join(folder, "pglite.lock"), String(holder.pid));
      expect(() => acquireDataDirLock(folder)).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(folder)).toThrow(
        new RegExp(`${folder.replace(/[/\\]/g, ".")}.*pid ${holder.pid}`),
      );
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died", () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, "pglite.lock"), "999999999");
    const release = acquireDataDirLock(folder);
    expect(fs.readFileSync(path.join(folder, "pglite.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(folder, "pglite.lock"))).toBe(false);
  });

  it("stops a second process that opens the database folder", async () => {
    const folder = tempFolder();
    const release = acquireDataDirLock(folder);
    const script = `import("./db/client.ts").then((db) => db.openPglite(${JSON.stringify(path.join(folder, "pglite"))}))`;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: process.cwd(),
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    release();
    expect(code).not.toBe(0);
    expect(stderr).toContain(
      `The database folder ${folder} is in use by another process (pid ${process.pid})`,
    );
    expect(fs.existsSync(path.join(folder, "pglite"))).toBe(false);
  });

  it("lets the same process open the folder again", () => {
    const folder = tempFolder();
    const release = acquireDataDirLock(folder);
    expect(() => acquireDataDirLock(folder)).not.toThrow();
    release();
  });

  it("lets exactly one of several processes take over a stale lock at once", async () => {
    for (let round = 0; round < 5; round++) {
      const folder = tempFolder();
      fs.writeFileSync(path.join(folder, "pglite.lock"), "999999999");
      const racers = Array.from({ length: 6 }, () => racer(folder));
      try {
        expect(await Promise.all(racers.map((each) => each.nextLine()))).toEqual(
          racers.map(() => "ready"),
        );
        for (const each of racers) each.go();
        const results = await Promise.all(racers.map((each) => each.nextLine()));
        const winners = racers.filter((_, index) => results[index] === "won");
        expect(winners, `round ${round}: ${results.join(" | ")}`).toHaveLength(1);
        const winner = winners[0]!;
        for (const result of results.filter((result) => result !== "won")) {
          expect(result).toContain(`in use by another process (pid ${winner.pid})`);
        }
        expect(fs.readFileSync(path.join(folder, "pglite.lock"), "utf8")).toBe(String(winner.pid));
      } finally {
        for (const each of racers) each.stop();
        await Promise.all(racers.map((each) => each.exited));
      }
    }
  }, 120_000);

  it("finishes a takeover that a process killed halfway left behind", () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, "pglite.lock"), "999999999");
    const turn = path.join(folder, "pglite.lock.takeover");
    fs.mkdirSync(turn);
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(turn, minuteAgo, minuteAgo);
    const release = acquireDataDirLock(folder);
    expect(fs.readFileSync(path.join(folder, "pglite.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it.skipIf(process.platform === "win32")(
    "creates the data folder readable by its owner only",
    () => {
      const folder = path.join(tempFolder(), "data");
      acquireDataDirLock(folder)();
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    },
  );
});

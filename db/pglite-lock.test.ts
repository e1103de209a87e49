import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError } from "./pglite-lock";

const folders: string[] = [];
function tempFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-lock-"));
  folders.push(folder);
  return folder;
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
});

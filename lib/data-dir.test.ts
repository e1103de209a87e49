import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureDataDir } from "./data-dir";

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "data-dir-"));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === "win32")("ensureDataDir", () => {
  it("creates the folder and its missing parents readable by the owner only", () => {
    const dir = path.join(root, "a", "b");
    expect(ensureDataDir(dir)).toBe(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(root, "a")).mode & 0o777).toBe(0o700);
  });

  it("leaves an existing folder and its contents alone", () => {
    const dir = path.join(root, "existing");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o750);
    fs.writeFileSync(path.join(dir, "kept"), "yes");
    ensureDataDir(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o750);
    expect(fs.readFileSync(path.join(dir, "kept"), "utf8")).toBe("yes");
  });
});

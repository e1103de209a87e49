import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { minimumSecretLength, readOrCreateSecretFile } from "./auth-secret";

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "auth-secret-"));
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

function writeSecret(file: string, secret: string, mode: number) {
  fs.writeFileSync(file, secret, { mode });
  // The umask may have taken bits away from `mode`; set exactly what the test means.
  fs.chmodSync(file, mode);
}

const goodSecret = "x".repeat(minimumSecretLength);

describe.skipIf(process.platform === "win32")("readOrCreateSecretFile", () => {
  it("creates a missing data folder owner-only and the secret file owner-only", () => {
    const dir = path.join(root, "data", "nested");
    const file = path.join(dir, "auth-secret");
    const secret = readOrCreateSecretFile(file);
    expect(secret.length).toBeGreaterThanOrEqual(minimumSecretLength);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(root, "data"))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe(secret);
    expect(fs.readdirSync(dir)).toEqual(["auth-secret"]);
  });

  it("returns the same secret on the next start", () => {
    const file = path.join(root, "auth-secret");
    expect(readOrCreateSecretFile(file)).toBe(readOrCreateSecretFile(file));
  });

  it("uses the secret another worker wrote first, and leaves no temporary file", () => {
    const file = path.join(root, "auth-secret");
    const theirs = "t".repeat(64);
    const link = fs.linkSync;
    vi.spyOn(fs, "linkSync").mockImplementation((existing, target) => {
      writeSecret(file, theirs, 0o600);
      link(existing, target);
    });
    expect(readOrCreateSecretFile(file)).toBe(theirs);
    expect(fs.readdirSync(root)).toEqual(["auth-secret"]);
  });

  it("keeps an existing owner-only secret, trimmed", () => {
    const file = path.join(root, "auth-secret");
    writeSecret(file, `${goodSecret}\n`, 0o600);
    expect(readOrCreateSecretFile(file)).toBe(goodSecret);
  });

  it("accepts a secret only its owner can read", () => {
    const file = path.join(root, "auth-secret");
    writeSecret(file, goodSecret, 0o400);
    expect(readOrCreateSecretFile(file)).toBe(goodSecret);
  });

  it.each([0o640, 0o604, 0o644, 0o660, 0o606, 0o610])(
    "refuses a secret file with mode %o and says how to fix it",
    (mode) => {
      const file = path.join(root, "auth-secret");
      writeSecret(file, goodSecret, mode);
      expect(() => readOrCreateSecretFile(file)).toThrow(
        `The auth secret file ${file} can be read by other users (mode 0${mode.toString(8)}). ` +
          `Run \`chmod 600 ${file}\` to make it private, or delete it`,
      );
      // Refused, not repaired or replaced behind the operator's back.
      expect(fs.readFileSync(file, "utf8")).toBe(goodSecret);
      expect(modeOf(file)).toBe(mode);
    },
  );

  it.each(["", "short", "x".repeat(minimumSecretLength - 1), `  ${"x".repeat(20)}  \n`])(
    "refuses a secret shorter than the minimum (%j) and says how to fix it",
    (secret) => {
      const file = path.join(root, "auth-secret");
      writeSecret(file, secret, 0o600);
      expect(() => readOrCreateSecretFile(file)).toThrow(
        new RegExp(`at least ${minimumSecretLength} are needed\\. Delete it to have a new secret`),
      );
      expect(fs.readFileSync(file, "utf8")).toBe(secret);
    },
  );

  it("names the file when it cannot be read at all", () => {
    const file = path.join(root, "auth-secret");
    fs.mkdirSync(file);
    expect(() => readOrCreateSecretFile(file)).toThrow(file);
  });
});

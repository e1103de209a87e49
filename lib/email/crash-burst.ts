// Kills the sending process (SIGKILL) in the middle of a burst of queued messages, starts it
// again, and checks that the local Resend stand-in received every message exactly once.
// Run: npx tsx lib/email/crash-burst.ts [messages]. Takes over two minutes: messages in
// flight at the kill are taken up again once their claim lapses (lib/jobs/claim-due-jobs.ts).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeResend } from "./fake-resend-server";

const messages = Number(process.argv[2] ?? 1000);
const worker = path.join(import.meta.dirname, "crash-burst-worker.ts");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "email-crash-"));

function start(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited };
}

const provider = await startFakeResend({ delayMs: 20 });
try {
  const queued = start(["queue", folder, String(messages)]);
  if ((await queued.exited) !== 0) throw new Error("queueing failed");
  const first = start(["send", folder, String(messages), provider.baseUrl]);
  while (provider.messages.size < messages / 3) await new Promise((r) => setTimeout(r, 20));
  first.child.kill("SIGKILL");
  await first.exited;
  const atKill = provider.messages.size;
  console.log(`Killed the sender after ${atKill} of ${messages} messages reached the provider.`);
  const second = start(["send", folder, String(messages), provider.baseUrl]);
  if ((await second.exited) !== 0) throw new Error("the restarted sender failed");
  const keys = provider.requests.map((request) => String(request.headers["idempotency-key"]));
  const repeats = keys.length - new Set(keys).size;
  console.log(
    `The provider holds ${provider.messages.size} messages for ${messages} queued (${keys.length} requests, ${repeats} of them repeats answered from the idempotency key).`,
  );
  if (provider.messages.size !== messages || new Set(keys).size !== messages) {
    throw new Error("Some message was lost or sent twice.");
  }
  console.log("Every message reached the provider exactly once.");
} finally {
  await provider.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

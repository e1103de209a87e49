import "server-only";
import { getDb } from "@/db/client";
import { addressPrefix } from "@/lib/auth/address-prefix";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { hitRateLimit } from "@/lib/rate-limits/rate-limit";
import { portalOrigin } from "@/lib/users/portal-origin";
import { type PasswordResetPayload, passwordResetJobKind } from "./password-reset-job";

const hourMs = 60 * 60 * 1000;
/** Messages one name or email can cause an hour: a stranger cannot flood someone's inbox. */
export const resetsPerLoginPerHour = 5;
/** Requests one client address (an IPv6 /64) can make an hour. */
export const resetsPerAddressPerHour = 30;

export type RequestPasswordResetOptions = {
  /** What was typed: a user name or an email. */
  login: string;
  clientAddress: string;
  /** Where the link points; default: the portal's (lib/users/portal-origin). */
  origin?: string;
  now?: Date;
};

/**
 * "Forgot password?". Whoever the login names, or nobody, the request does the same work:
 * it counts against the limits and queues one job, which looks the user up later and
 * sends the link (lib/password-tokens/password-reset-job.ts). So neither its answer nor
 * its timing tells whether an account exists. Over a limit, nothing is queued.
 */
export async function requestPasswordReset({
  login,
  clientAddress,
  origin,
  now = new Date(),
}: RequestPasswordResetOptions): Promise<void> {
  const payload: PasswordResetPayload = {
    login: login.trim().toLowerCase().slice(0, 254),
    origin: origin ?? (await portalOrigin()),
  };
  await getDb().transaction(async (tx) => {
    const byLogin = await hitRateLimit(
      tx,
      {
        key: `password-reset:login:${payload.login}`,
        limit: resetsPerLoginPerHour,
        windowMs: hourMs,
      },
      now,
    );
    const byAddress = await hitRateLimit(
      tx,
      {
        key: `password-reset:address:${addressPrefix(clientAddress)}`,
        limit: resetsPerAddressPerHour,
        windowMs: hourMs,
      },
      now,
    );
    if (byLogin.hits > resetsPerLoginPerHour || byAddress.hits > resetsPerAddressPerHour) return;
    await enqueueJob(tx, { kind: passwordResetJobKind, payload });
  });
}

import { and, eq, gte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emails, users } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { emailRecipient } from "@/lib/users/email-recipient";
import { portalUrl } from "@/lib/users/portal-url";
import { issuePasswordToken } from "./issue-password-token";
import { passwordTokenLifetimeMs } from "./token-lifetimes";

// No "server-only" in this module or what it imports: the dispatcher runs it under plain Node.

/** The background job that answers a "Forgot password?" request (payload { login, origin }). */
export const passwordResetJobKind = "password.reset_request";

export const passwordResetPayload = z.object({
  login: z.string().min(1).max(254),
  origin: z.url({ protocol: /^https?$/ }),
});
export type PasswordResetPayload = z.output<typeof passwordResetPayload>;

export type SendPasswordResetOptions = PasswordResetPayload & {
  /** When it was asked for: a message already queued since then means this one was done. */
  requestedAt: Date;
  now: Date;
};

/**
 * Sends a reset link to the active user with this user name or email, and to nobody
 * otherwise. Runs as a job, so the request itself does the same work whoever it names.
 */
export async function sendPasswordReset({
  login,
  origin,
  requestedAt,
  now,
}: SendPasswordResetOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const name = login.trim().toLowerCase();
    const [user] = await tx
      .select({
        id: users.id,
        accountId: users.accountId,
        userName: users.userName,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        active: users.active,
      })
      .from(users)
      .where(or(eq(sql`lower(${users.userName})`, name), eq(sql`lower(${users.email})`, name)))
      .limit(1)
      .for("update");
    if (!user?.active) return;
    // The same request run again (a retry after a crash before the job was marked done), or
    // a second request made before the first was answered: one message is enough.
    const [queued] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(
        and(
          eq(emails.userId, user.id),
          eq(emails.kind, "password-reset"),
          gte(emails.createdAt, requestedAt),
        ),
      )
      .limit(1);
    if (queued) return;
    const token = await issuePasswordToken(tx, {
      accountId: user.accountId,
      userId: user.id,
      purpose: "reset_password",
      now,
    });
    const recipient = await emailRecipient(tx, user);
    await queueEmail(tx, {
      accountId: user.accountId,
      userId: user.id,
      to: recipient.to,
      template: "password-reset",
      props: {
        organizationName: recipient.organizationName,
        recipientName: recipient.recipientName,
        resetUrl: portalUrl(origin, "/reset-password", { token }),
        expiresInMinutes: passwordTokenLifetimeMs.reset_password / 60_000,
      },
    });
  });
}

export function passwordResetJobHandlers(): JobHandlers {
  return {
    [passwordResetJobKind]: {
      run: async (job, { now }) => {
        const parsed = passwordResetPayload.safeParse(job.payload);
        if (!parsed.success) throw new PermanentJobError("The job's payload names no login.");
        await sendPasswordReset({ ...parsed.data, requestedAt: job.createdAt, now });
      },
    },
  };
}

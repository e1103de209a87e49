// No "server-only" in job modules: the dispatcher runs them under plain Node.
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { type Payment, payments } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobHandlers } from "@/lib/jobs/job-handler";
import { PermanentJobError } from "@/lib/jobs/job-handler";
import { chargeCardPayment } from "./charge-card-payment";
import { chargeLeaseMs } from "./payable-invoice";
import { paymentProvider } from "./payment-provider-for";

export const paymentJobKinds = { settle: "payments.settle" } as const;

/**
 * Queued with every card charge, in the transaction that claims it, for just after its lease:
 * if the request that charged died before recording the answer (a crash, a closed tab that
 * ended the process, a provider timeout), the job asks the provider again under the payment's
 * id and records the first answer. A charge that settled in time makes it a no-op.
 */
export async function queueChargeCheck(tx: Executor, payment: Payment, now = new Date()) {
  await enqueueJob(tx, {
    kind: paymentJobKinds.settle,
    payload: { paymentId: payment.id },
    accountId: payment.accountId,
    runAt: new Date(now.getTime() + chargeLeaseMs + 5_000),
    uniqueKey: `${paymentJobKinds.settle}:${payment.id}`,
  });
}

const unconfirmedReason =
  "The payment provider never confirmed this charge, so it was not counted. Check the provider's records before paying again.";

/** The person who pressed Pay, named on what the job records. */
function actorOf(payment: Payment) {
  return {
    actor: payment.actorUserId ? { id: payment.actorUserId, userName: payment.actorLabel } : null,
    clientAddress: "",
  };
}

function paymentIdOf(payload: unknown): string {
  const id = (payload as { paymentId?: unknown } | null)?.paymentId;
  if (typeof id !== "string") throw new PermanentJobError("The job names no payment.");
  return id;
}

export function paymentJobHandlers(): JobHandlers {
  return {
    [paymentJobKinds.settle]: {
      run: async (job, { now }) => {
        const paymentId = paymentIdOf(job.payload);
        const [taken] = await getDb()
          .update(payments)
          .set({ chargeStartedAt: now })
          .where(
            and(
              eq(payments.id, paymentId),
              eq(payments.status, "pending"),
              or(
                isNull(payments.chargeStartedAt),
                lte(payments.chargeStartedAt, new Date(now.getTime() - chargeLeaseMs)),
              ),
            ),
          )
          .returning();
        if (!taken) {
          const [current] = await getDb()
            .select({ status: payments.status })
            .from(payments)
            .where(eq(payments.id, paymentId));
          if (current?.status !== "pending") return;
          // Someone is charging it right now: look again later (the retry schedule).
          throw new Error("A charge of this payment is in progress; checking again later.");
        }
        await chargeCardPayment(taken, paymentProvider(), actorOf(taken));
      },
      // A provider down for hours: keep asking for about four days.
      retryDelaysMs: [
        60_000,
        5 * 60_000,
        30 * 60_000,
        2 * 3_600_000,
        6 * 3_600_000,
        24 * 3_600_000,
        24 * 3_600_000,
        36 * 3_600_000,
      ],
      giveUp: async (job, _error, { tx }) => {
        // Left pending, the charge would block the invoice for good: it is closed as not
        // counted, saying so, and the invoice can be paid again.
        const [given] = await tx
          .update(payments)
          .set({ status: "declined", declineReason: unconfirmedReason, settledAt: new Date() })
          .where(and(eq(payments.id, paymentIdOf(job.payload)), eq(payments.status, "pending")))
          .returning();
        if (!given) return;
        await recordActivity(tx, {
          accountId: given.accountId,
          kind: "payment.declined",
          ...actorOf(given),
          targetLabel: given.methodLabel,
          targetId: given.invoiceId ?? undefined,
          details: { summary: `${given.methodLabel}: ${unconfirmedReason}` },
        });
      },
    },
  };
}

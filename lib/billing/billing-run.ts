// No "server-only" in this module or what it imports: the dispatcher runs it under plain Node.
import { and, asc, eq, notExists } from "drizzle-orm";
import { z } from "zod";
import { type Executor, getDb } from "@/db/client";
import { accounts, invoices } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type Job, type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { issueInvoice } from "./issue-invoice";

export const billingJobKinds = { run: "billing.run" } as const;

/** "2026-12": the month a billing run issues invoices for. */
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const billingRunPayload = z.object({ month: z.string().regex(monthPattern) });

/**
 * When the run for a month starts: noon UTC on the 1st. By then the month has begun in every
 * time zone (the furthest behind, UTC−12, reaches midnight then) and has not ended in any
 * (UTC+14 reads 02:00 on the 2nd), so that instant lies in the month wherever an account is.
 */
export function billingRunAt(month: string): Date {
  const match = monthPattern.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1, 12));
}

function monthOf(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month after "2026-12": "2027-01". */
export function nextMonth(month: string): string {
  const at = billingRunAt(month);
  return monthOf(at.getUTCFullYear(), at.getUTCMonth() + 1);
}

/** The first month whose run starts after `now`. */
export function upcomingBillingMonth(now: Date): string {
  const current = monthOf(now.getUTCFullYear(), now.getUTCMonth());
  return billingRunAt(current) > now ? current : nextMonth(current);
}

/** Queues the run for a month at its start; the unique key keeps it one job, however asked. */
export function scheduleBillingRun(tx: Executor, month: string) {
  return enqueueJob(tx, {
    kind: billingJobKinds.run,
    payload: { month },
    runAt: billingRunAt(month),
    uniqueKey: `${billingJobKinds.run}:${month}`,
  });
}

/**
 * Makes sure the next billing run is queued; called when a server or worker starts, so a new
 * installation has one. A run queues the one after it, so later starts add nothing.
 */
export async function ensureBillingRunScheduled(now = new Date()): Promise<void> {
  await scheduleBillingRun(getDb(), upcomingBillingMonth(now));
}

export type RunBillingResult = { issued: number };

/**
 * Issues the month's invoice of every account that has none, each in its own transaction
 * (issueInvoice is idempotent, so a run repeated after a crash finishes the rest), and queues
 * the next month's run first, so a failing account cannot stop the schedule.
 */
export async function runBilling(month: string): Promise<RunBillingResult> {
  await scheduleBillingRun(getDb(), nextMonth(month));
  const at = billingRunAt(month);
  const periodStart = `${month}-01`;
  const pending = await getDb()
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      notExists(
        getDb()
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.accountId, accounts.id), eq(invoices.periodStart, periodStart))),
      ),
    )
    .orderBy(asc(accounts.id));
  let issued = 0;
  const failures: string[] = [];
  for (const account of pending) {
    try {
      if ((await issueInvoice({ accountId: account.id, at })).issued) issued += 1;
    } catch (error) {
      failures.push(`${account.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) {
    // Thrown so the job is retried: the accounts already billed are skipped then.
    throw new Error(
      `Billing run ${month} failed for ${failures.length} account(s): ${failures.join("; ")}`,
    );
  }
  return { issued };
}

function payloadOf(job: Job) {
  const parsed = billingRunPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job's payload names no month to bill.");
  return parsed.data;
}

export function billingJobHandlers(): JobHandlers {
  return {
    [billingJobKinds.run]: {
      run: async (job) => {
        await runBilling(payloadOf(job).month);
      },
    },
  };
}

import { billingJobHandlers } from "@/lib/billing/billing-run";
import { emailJobHandlers } from "@/lib/email/email-job-handlers";
import { licenceJobHandlers } from "@/lib/licence/licence-job-handlers";
import { passwordResetJobHandlers } from "@/lib/password-tokens/password-reset-job";
import { paymentJobHandlers } from "@/lib/payments/payment-jobs";
import { provisioningJobHandlers } from "@/lib/provisioning/job-handlers";
import { webhookJobHandlers } from "@/lib/webhooks/webhook-job-handlers";
import type { JobHandlers } from "./job-handler";

/**
 * Every kind of background job and the handler that runs it. A domain adds its handlers
 * here and queues work with enqueueJob(tx, { kind, payload }) in the transaction of the
 * change that causes it. Handler modules run under plain Node in server.ts and
 * scripts/worker.ts: nothing they import may carry `import "server-only"`.
 */
export const jobHandlers: JobHandlers = {
  ...provisioningJobHandlers(),
  ...emailJobHandlers(),
  ...passwordResetJobHandlers(),
  ...licenceJobHandlers(),
  ...webhookJobHandlers(),
  ...billingJobHandlers(),
  ...paymentJobHandlers(),
};

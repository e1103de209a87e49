import { Resend } from "resend";
import type { Email } from "@/db/schema";
import type { ResendTransport } from "./email-transport-config";

/** A refusal by Resend: `permanent` when sending the same message again cannot succeed. */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

const defaultTimeoutMs = 15_000;

// Resend's tag naming the portal's message, so its webhook events find the row even before
// the provider's id is recorded.
export const emailIdTag = "switchboard_email_id";

// 400 and 422 say the message itself is wrong (a refused address, a malformed field); so does
// reusing an idempotency key for a different message. Everything else (401/403 until the key
// is fixed, 409 "concurrent", 429, 5xx, no answer) may pass later.
function isPermanent(status: number | null, name: string): boolean {
  if (name === "invalid_idempotent_request") return true;
  return status === 400 || status === 422;
}

export type SendViaResend = (
  email: Pick<Email, "id" | "fromAddress" | "toAddress" | "replyTo" | "subject" | "html" | "text">,
) => Promise<{ providerMessageId: string }>;

/**
 * A sender for one configuration. Each message carries its own id as the Idempotency-Key, so
 * a repeat after a crash (sent, but not yet recorded) is answered with the first message's
 * id instead of sending a second.
 */
export function resendSender(config: ResendTransport): SendViaResend {
  const resend = new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : {});
  return async (email) => {
    const { data, error } = await resend.emails.send(
      {
        from: email.fromAddress,
        to: email.toAddress,
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        tags: [{ name: emailIdTag, value: email.id }],
      },
      {
        idempotencyKey: email.id,
        signal: AbortSignal.timeout(config.timeoutMs ?? defaultTimeoutMs),
      },
    );
    if (error || !data?.id) {
      const status = error?.statusCode ?? null;
      const reason = error?.message || "no message id in the answer";
      const message =
        status === null
          ? `Resend could not be reached: ${reason}`
          : `Resend answered ${status}: ${reason}`;
      throw new EmailSendError(message, isPermanent(status, error?.name ?? ""));
    }
    return { providerMessageId: data.id };
  };
}

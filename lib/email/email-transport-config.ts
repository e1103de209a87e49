import { env } from "@/lib/env";

export type ResendTransport = {
  kind: "resend";
  apiKey: string;
  baseUrl?: string;
  /** How long one request may take before it counts as failed (and is retried). */
  timeoutMs?: number;
};

/** Where messages go: Resend when a key is set, else the embedded outbox (stored as sent). */
export type EmailTransportConfig = { kind: "outbox" } | ResendTransport;

export function emailTransportConfig(): EmailTransportConfig {
  if (!env.RESEND_API_KEY) return { kind: "outbox" };
  return { kind: "resend", apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL };
}

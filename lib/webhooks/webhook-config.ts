import { env } from "@/lib/env";
import { type ResolveHost, systemResolver } from "./resolve-host";

/** How deliveries are made; tests shorten the timeout and answer DNS themselves. */
export type WebhookDeliveryConfig = {
  /** WEBHOOK_ALLOW_PRIVATE_URLS: http and private addresses (development). */
  allowPrivateUrls: boolean;
  timeoutMs: number;
  resolve: ResolveHost;
};

export const webhookTimeoutMs = 15_000;

/**
 * The waits before each retry, as Svix does it (receivers know it): the first attempt at once,
 * then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; eight attempts in all.
 */
export const webhookRetryDelaysMs = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** An endpoint failing this long without a success between is disabled. */
export const webhookDisableAfterMs = 5 * 24 * 3_600_000;

export function webhookDeliveryConfig(
  overrides: Partial<WebhookDeliveryConfig> = {},
): WebhookDeliveryConfig {
  return {
    allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    timeoutMs: webhookTimeoutMs,
    resolve: systemResolver,
    ...overrides,
  };
}

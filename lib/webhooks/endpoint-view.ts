import type { webhookEndpoints } from "@/db/schema";
import type { CheckWebhookUrlOptions } from "./check-webhook-url";
import { webhookDeliveryConfig } from "./webhook-config";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** An endpoint as pages see it: the secret is shown once, when it is made, and never sent again. */
export type WebhookEndpointView = Omit<WebhookEndpoint, "secret">;

export function withoutSecret({
  secret: _secret,
  ...endpoint
}: WebhookEndpoint): WebhookEndpointView {
  return endpoint;
}

/** How a saved URL is checked: the delivery settings unless a test gives its own. */
export function urlCheckOptions(
  overrides: Partial<CheckWebhookUrlOptions> = {},
): CheckWebhookUrlOptions {
  const config = webhookDeliveryConfig();
  return { allowPrivate: config.allowPrivateUrls, resolve: config.resolve, ...overrides };
}

/** The background job that makes one attempt at a webhook delivery (payload { deliveryId }). */
export const webhookJobKinds = { deliver: "webhook.deliver" } as const;

// The events an endpoint can subscribe to, shared by the form (browser) and the services.

export const webhookEventGroups = [
  {
    key: "user",
    label: "Users",
    types: [
      "user.created",
      "user.updated",
      "user.inactivated",
      "user.reactivated",
      "user.deleted",
      "user.permissions_changed",
    ],
  },
  {
    key: "group",
    label: "Groups",
    types: [
      "group.created",
      "group.updated",
      "group.deleted",
      "group.member_added",
      "group.member_removed",
    ],
  },
  {
    key: "instance",
    label: "Instances",
    types: [
      "instance.created",
      "instance.updated",
      "instance.deleted",
      "instance.rebuild_requested",
      "instance.rebuilt",
      "instance.rebuild_failed",
    ],
  },
  {
    key: "feature",
    label: "Features",
    types: ["feature.created", "feature.updated", "feature.deleted"],
  },
  {
    key: "template",
    label: "Templates",
    types: ["template.created", "template.updated", "template.deleted"],
  },
  { key: "seat", label: "Seats", types: ["seat.created", "seat.updated", "seat.deleted"] },
  { key: "email", label: "Email", types: ["email.bounced"] },
  {
    key: "invoice",
    label: "Invoices",
    types: ["invoice.issued", "invoice.paid", "invoice.voided"],
  },
  {
    key: "payment",
    label: "Payments",
    types: ["payment.succeeded", "payment.declined", "payment.recorded"],
  },
] as const;

export type WebhookEventGroup = (typeof webhookEventGroups)[number];
export type WebhookEventType = WebhookEventGroup["types"][number];
/** "user.*": every event of the group, including ones added later. */
export type WebhookEventWildcard = `${WebhookEventGroup["key"]}.*`;
/** What an endpoint stores in event_types. */
export type WebhookSubscription = WebhookEventType | WebhookEventWildcard;

/** Sent only by "Send test event", whatever the endpoint subscribes to. */
export const webhookTestEventType = "webhook.test";

export const webhookEventTypes: readonly WebhookEventType[] = webhookEventGroups.flatMap(
  (group) => group.types,
);

export const wildcardOf = (group: { key: string }) => `${group.key}.*` as WebhookEventWildcard;

const subscriptions = new Set<string>([
  ...webhookEventTypes,
  ...webhookEventGroups.map(wildcardOf),
]);

export function isWebhookSubscription(value: string): value is WebhookSubscription {
  return subscriptions.has(value);
}

/** The wildcard that also covers `type` ("user.created" -> "user.*"). */
export function wildcardFor(type: string): string {
  return `${type.slice(0, type.indexOf("."))}.*`;
}

/**
 * A subscription list as stored: known values only, each once, and a group's single types
 * left out when its wildcard covers them; in the order of the groups above.
 */
export function normalizeSubscriptions(values: readonly string[]): WebhookSubscription[] {
  const chosen = new Set(values);
  return webhookEventGroups.flatMap((group): WebhookSubscription[] => {
    const wildcard = wildcardOf(group);
    if (chosen.has(wildcard)) return [wildcard];
    return group.types.filter((type) => chosen.has(type));
  });
}

const groupLabels = new Map<string, string>(
  webhookEventGroups.map((group) => [wildcardOf(group), `All ${group.key} events`]),
);

/** A stored subscription as people read it: "user.created", or "All user events". */
export function subscriptionLabel(value: string): string {
  return groupLabels.get(value) ?? value;
}

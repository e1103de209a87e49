import type { ActivityKind } from "@/db/schema";
import type { WebhookEventType } from "./event-types";

// Which account activity is also an outbound event. Sign-ins, refusals, licence and
// integration housekeeping are not: receivers sync people and phone systems, not audit trails.
const activityEvents: Partial<Record<ActivityKind, WebhookEventType>> = {
  "user.created": "user.created",
  "user.updated": "user.updated",
  "user.inactivated": "user.inactivated",
  "user.reactivated": "user.reactivated",
  "user.deleted": "user.deleted",
  "permissions.changed": "user.permissions_changed",
  "group.created": "group.created",
  "group.updated": "group.updated",
  "group.deleted": "group.deleted",
  "group.member_added": "group.member_added",
  "group.member_removed": "group.member_removed",
  "instance.created": "instance.created",
  "instance.updated": "instance.updated",
  "instance.deleted": "instance.deleted",
  "instance.rebuild_requested": "instance.rebuild_requested",
  "instance.rebuilt": "instance.rebuilt",
  "instance.rebuild_failed": "instance.rebuild_failed",
  "feature.created": "feature.created",
  "feature.updated": "feature.updated",
  "feature.deleted": "feature.deleted",
  "template.created": "template.created",
  "template.updated": "template.updated",
  "template.deleted": "template.deleted",
  "seat.created": "seat.created",
  "seat.updated": "seat.updated",
  "seat.deleted": "seat.deleted",
  "invoice.issued": "invoice.issued",
  "invoice.paid": "invoice.paid",
  "invoice.voided": "invoice.voided",
  "payment.succeeded": "payment.succeeded",
  "payment.declined": "payment.declined",
  "payment.recorded": "payment.recorded",
};

/** The event an activity kind is sent as, or undefined when it is none. */
export function webhookEventForActivity(kind: ActivityKind): WebhookEventType | undefined {
  return Object.hasOwn(activityEvents, kind) ? activityEvents[kind] : undefined;
}

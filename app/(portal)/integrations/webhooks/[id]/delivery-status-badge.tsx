import { StatusBadge, type StatusLook } from "@/components/status-badge";
import type { WebhookDeliveryStatus } from "@/lib/webhooks/list-webhook-deliveries";

const looks: Record<WebhookDeliveryStatus, StatusLook> = {
  pending: {
    label: "Pending",
    className: "bg-amber-50 text-amber-900 ring-amber-600/40",
    // A clock.
    icon: "M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11M8 5v3l2 1.5",
  },
  succeeded: {
    label: "Delivered",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  failed: {
    label: "Failed",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A cross.
    icon: "M5 5l6 6M11 5l-6 6",
  },
};

/** A delivery's state in words, with a shape beside it: never colour alone. */
export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const look = looks[status] ?? looks.pending;
  return <StatusBadge look={look} />;
}

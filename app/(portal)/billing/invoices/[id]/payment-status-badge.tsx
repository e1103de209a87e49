import { StatusBadge, type StatusLook } from "@/components/status-badge";
import type { PaymentStatus } from "@/db/schema/payments";

const looks: Record<PaymentStatus, StatusLook> = {
  pending: {
    label: "Processing",
    className: "bg-amber-50 text-amber-900 ring-amber-600/30",
    // A clock.
    icon: "M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM8 5v3.25l2 1.25",
  },
  succeeded: {
    label: "Succeeded",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  declined: {
    label: "Declined",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A cross.
    icon: "M5 5l6 6M11 5l-6 6",
  },
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <StatusBadge look={looks[status]} />;
}

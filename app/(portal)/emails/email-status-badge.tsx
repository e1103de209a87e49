import { StatusBadge, type StatusLook } from "@/components/status-badge";
import type { EmailStatus } from "@/lib/email/list-emails";

const looks: Record<EmailStatus, StatusLook> = {
  queued: {
    label: "Queued",
    className: "bg-amber-50 text-amber-900 ring-amber-600/40",
    // A clock.
    icon: "M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11M8 5v3l2 1.5",
  },
  sent: {
    label: "Sent",
    className: "bg-sky-50 text-sky-900 ring-sky-600/30",
    // A paper plane.
    icon: "M2.5 7.5l11-5-4 11-2-4.5-5-1.5M7.5 9l6-6.5",
  },
  delivered: {
    label: "Delivered",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  bounced: {
    label: "Bounced",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // An arrow turning back.
    icon: "M6 4L2.5 7.5 6 11M2.5 7.5h7a4 4 0 0 1 0 8",
  },
  failed: {
    label: "Failed",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A cross.
    icon: "M5 5l6 6M11 5l-6 6",
  },
};

/** The message's status in words, with a shape beside it: never colour alone. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const look = looks[status] ?? looks.queued;
  return <StatusBadge look={look} />;
}

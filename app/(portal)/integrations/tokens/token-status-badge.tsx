import { StatusBadge, type StatusLook } from "@/components/status-badge";
import type { ApiTokenStatus } from "@/lib/api-tokens/token-status";

const looks: Record<ApiTokenStatus, StatusLook> = {
  active: {
    label: "Active",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  expired: {
    label: "Expired",
    className: "bg-neutral-100 text-neutral-800 ring-neutral-500/30",
    // A clock.
    icon: "M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM8 5v3.25l2 1.25",
  },
  revoked: {
    label: "Revoked",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A circle struck through.
    icon: "M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM4.1 4.1l7.8 7.8",
  },
};

/** The token's status in words, with a shape beside it: never colour alone. */
export function TokenStatusBadge({ status }: { status: ApiTokenStatus }) {
  const look = looks[status];
  return <StatusBadge look={look} />;
}

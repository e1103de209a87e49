import { StatusBadge, type StatusLook } from "@/components/status-badge";
import type { InstanceStatus } from "@/lib/instances/list-instances";

const looks: Record<InstanceStatus, StatusLook> = {
  active: {
    label: "Active",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  rebuilding: {
    label: "Rebuilding",
    className: "bg-amber-50 text-amber-900 ring-amber-600/40",
    // Two arrows chasing each other.
    icon: "M12.5 6.5A4.5 4.5 0 0 0 4 5M3.5 9.5A4.5 4.5 0 0 0 12 11M4 2.5V5h2.5M12 13.5V11H9.5",
  },
  failed: {
    label: "Failed",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A cross.
    icon: "M5 5l6 6M11 5l-6 6",
  },
};

/** The instance's status in words, with a shape beside it: never colour alone. */
export function InstanceStatusBadge({ status }: { status: InstanceStatus }) {
  const look = looks[status] ?? looks.active;
  return (
    <StatusBadge
      look={look}
      iconClassName={status === "rebuilding" ? "motion-safe:animate-spin" : undefined}
    />
  );
}

import { StatusBadge, type StatusLook } from "@/components/status-badge";

const looks: Record<"enabled" | "failing" | "disabled", StatusLook> = {
  enabled: {
    label: "Enabled",
    className: "bg-green-50 text-green-800 ring-green-600/30",
    // A check mark.
    icon: "M4 8.5l2.5 2.5L12 5.5",
  },
  failing: {
    label: "Failing",
    className: "bg-amber-50 text-amber-900 ring-amber-600/40",
    // An exclamation mark.
    icon: "M8 3.5v5.5M8 12.5v.01",
  },
  disabled: {
    label: "Disabled",
    className: "bg-red-50 text-red-800 ring-red-600/30",
    // A cross.
    icon: "M5 5l6 6M11 5l-6 6",
  },
};

/** The endpoint's state in words, with a shape beside it: never colour alone. */
export function WebhookStatusBadge({
  enabled,
  failingSince,
}: {
  enabled: boolean;
  failingSince: Date | null;
}) {
  const look = !enabled ? looks.disabled : failingSince ? looks.failing : looks.enabled;
  return <StatusBadge look={look} />;
}

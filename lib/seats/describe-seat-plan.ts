import { featureKindLabels } from "@/lib/features/kinds";
import { formatPhone } from "@/lib/users/fields/phone";
import type { PlannedStep, SeatPlan } from "./plan-seat";

export function describeCallFlowStep(step: PlannedStep): string {
  switch (step.type) {
    case "ring_devices":
      return `Ring the seat's devices for ${step.seconds} seconds`;
    case "ring_group":
      return `Ring the ring group ${step.label}`;
    case "forward":
      return `Forward to ${formatPhone(step.number)}`;
    case "voicemail":
      return `Voicemail box ${step.mailboxNumber}`;
  }
}

/** What a seat plan will create, line by line, as the preview and the user form show it. */
export function describeSeatPlan(plan: SeatPlan) {
  const features = plan.features.map((feature) => {
    const kind = featureKindLabels[feature.kind];
    if (feature.source === "spare") {
      return feature.candidate
        ? `${kind}: the next spare one (now ${feature.candidate})`
        : `${kind}: none spare`;
    }
    const named = Object.entries(feature.fields)
      .filter(([field, value]) => value !== "" && !/pin/i.test(field))
      .map(([, value]) => value);
    return `${kind}: ${named.join(", ") || "(no fields)"}`;
  });
  return {
    extension: plan.extension ? `Extension ${plan.extension}` : "No extension",
    features,
    callFlow: plan.callFlow.map(describeCallFlowStep),
  };
}

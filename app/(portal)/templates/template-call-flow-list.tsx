import { solePlaceholder } from "@/lib/templates/resolve-placeholders";
import { callFlowStepLabels, type TemplateCallFlowStep } from "@/lib/templates/template-parts";

function stepDescription(step: TemplateCallFlowStep): string {
  switch (step.type) {
    case "ring_devices":
      return `for ${step.value} seconds`;
    case "ring_group":
      return `the instance's ring group ${step.value}`;
    case "forward":
      return solePlaceholder(step.value) !== undefined
        ? `to ${step.value} (skipped when it is empty)`
        : `to ${step.value}`;
    case "voicemail":
      return step.value === "" ? "the voicemail box the template creates" : `mailbox ${step.value}`;
  }
}

/** How calls to a seat made from the template flow, step by step. */
export function TemplateCallFlowList({ steps }: { steps: TemplateCallFlowStep[] }) {
  if (steps.length === 0) {
    return <p className="text-sm text-neutral-600">The template sets no call flow.</p>;
  }
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm">
      {steps.map((step, index) => (
        <li key={index}>
          <span className="font-medium text-neutral-900">
            {callFlowStepLabels[step.type] ?? step.type}
          </span>{" "}
          <span className="text-neutral-700">{stepDescription(step)}</span>
        </li>
      ))}
    </ol>
  );
}

"use client";

import { Select, TextInput } from "@/components/field";
import { callFlowStepLabels, callFlowStepTypes } from "@/lib/templates/template-parts";
import { MoreRowsButton } from "./more-rows-button";
import { FormSection, RowFieldset } from "./row-fieldset";
import type { RowKit } from "./row-kit";

const stepOptions = [
  { value: "", label: "Choose a step…" },
  ...callFlowStepTypes.map((type) => ({ value: type, label: callFlowStepLabels[type] })),
];

function CallFlowRow({ kit, index }: { kit: RowKit; index: number }) {
  const name = (field: string) => `callFlow.${index}.${field}`;
  return (
    <RowFieldset legend={`Step ${index + 1}`}>
      <Select label="Step" options={stepOptions} {...kit.text(name("type"))} />
      <TextInput label="Value" {...kit.text(name("value"))} spellCheck={false} />
    </RowFieldset>
  );
}

export function CallFlowRows({
  kit,
  count,
  onMore,
}: {
  kit: RowKit;
  count: number;
  onMore?: () => void;
}) {
  return (
    <FormSection
      id="call-flow-rows-heading"
      title="Call flow"
      error={kit.error("callFlow")}
      help={
        <ul className="list-disc space-y-0.5 pl-4">
          <li>Ring devices: seconds, 5 to 300, or a placeholder such as {"{{ringSeconds}}"}.</li>
          <li>Ring group: the name of a ring group of the instance.</li>
          <li>
            Forward: a phone number or a placeholder; skipped when the placeholder&apos;s value is
            empty.
          </li>
          <li>Voicemail: empty for the voicemail box the template creates, or a placeholder.</li>
        </ul>
      }
      footer={<MoreRowsButton section="callFlow" label="More call flow rows" onMore={onMore} />}
    >
      {Array.from({ length: count }, (_, index) => (
        <CallFlowRow key={index} kit={kit} index={index} />
      ))}
    </FormSection>
  );
}

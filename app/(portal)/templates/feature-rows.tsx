"use client";

import { useState } from "react";
import { Select, TextInput } from "@/components/field";
import { deviceKinds, featureKindLabels, ringStrategies } from "@/lib/features/kinds";
import {
  featureFieldLabel,
  featureSourceLabels,
  featureSources,
  isFeatureKind,
  kindFieldNames,
} from "@/lib/templates/template-parts";
import { MoreRowsButton } from "./more-rows-button";
import { FormSection, RowFieldset } from "./row-fieldset";
import type { RowKit } from "./row-kit";

const kindOptions = [
  { value: "", label: "Choose a kind…" },
  ...Object.entries(featureKindLabels).map(([value, label]) => ({ value, label })),
];
const sourceOptions = featureSources.map((source) => ({
  value: source,
  label: featureSourceLabels[source],
}));

const fieldHelp: Record<string, string> = {
  deviceKind: `${deviceKinds.join(", ")} or a placeholder`,
  strategy: `${ringStrategies.join(" or ")}, or a placeholder`,
};

function FeatureRow({ kit, index }: { kit: RowKit; index: number }) {
  const name = (field: string) => `features.${index}.${field}`;
  const postedKind = kit.value(name("kind"));
  const [kind, setKind] = useState(postedKind);
  const kindProps = kit.text(name("kind"));
  const fields = isFeatureKind(kind) ? kindFieldNames(kind) : [];
  // Fields typed for another kind stay visible (with their error) until cleared, so a save
  // refused for them shows where they are; once the kind is changed here they are dropped.
  const stale =
    kind === postedKind
      ? kit
          .names(name("fields."))
          .map((field) => field.slice(name("fields.").length))
          .filter((field) => !fields.includes(field) && kit.value(name(`fields.${field}`)) !== "")
      : [];
  return (
    <RowFieldset legend={`Feature ${index + 1}`}>
      <Select
        label="Kind"
        options={kindOptions}
        {...kindProps}
        onChange={(event) => {
          void kindProps.onChange(event);
          kit.unregister(name("fields"));
          setKind(event.target.value);
        }}
      />
      <Select
        label="Source"
        options={sourceOptions}
        {...kit.text(name("source"))}
        help="Phone numbers and devices only can be spares"
      />
      {[...fields, ...stale].map((field) => (
        <TextInput
          key={`${kind}-${field}`}
          label={featureFieldLabel(field)}
          {...kit.text(name(`fields.${field}`))}
          spellCheck={false}
          help={fieldHelp[field]}
        />
      ))}
      {kind === "" ? (
        <p className="self-end text-xs text-neutral-600 sm:col-span-2">
          Choose a kind to fill in its fields.
          <noscript> Then press More rows to show them.</noscript>
        </p>
      ) : null}
    </RowFieldset>
  );
}

export function FeatureRows({
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
      id="feature-rows-heading"
      title="Features"
      error={kit.error("features")}
      help={
        <>
          What the template creates in the instance, or takes from its spares. Fields may use
          placeholders, such as <code>{"{{firstName}} {{lastName}} softphone"}</code>; empty fields
          are left out. Rows without a kind are ignored.
        </>
      }
      footer={<MoreRowsButton section="features" label="More feature rows" onMore={onMore} />}
    >
      {Array.from({ length: count }, (_, index) => (
        <FeatureRow key={index} kit={kit} index={index} />
      ))}
    </FormSection>
  );
}

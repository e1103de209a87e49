"use client";

import { Checkbox, Select, TextInput } from "@/components/field";
import { attributeTypeLabels, attributeTypeList } from "@/lib/templates/attribute-types";
import { MoreRowsButton } from "./more-rows-button";
import { FormSection, RowFieldset } from "./row-fieldset";
import type { RowKit } from "./row-kit";

const typeOptions = attributeTypeList.map((type) => ({
  value: type,
  label: attributeTypeLabels[type],
}));

function AttributeRow({ kit, index }: { kit: RowKit; index: number }) {
  const name = (field: string) => `attributes.${index}.${field}`;
  return (
    <RowFieldset legend={`Attribute ${index + 1}`}>
      <TextInput label="Key" {...kit.text(name("key"))} autoComplete="off" spellCheck={false} />
      <TextInput label="Label" {...kit.text(name("label"))} />
      <Select label="Type" options={typeOptions} {...kit.text(name("type"))} />
      <Checkbox label="Required" className="self-end pb-2" {...kit.checkbox(name("required"))} />
      <TextInput label="Default" {...kit.text(name("defaultValue"))} />
      <TextInput
        label="Pattern"
        {...kit.text(name("pattern"))}
        spellCheck={false}
        help="Optional; the whole value must match, e.g. \d{4,8}"
      />
      <TextInput label="Help text" {...kit.text(name("helpText"))} />
      <TextInput
        label="Options"
        {...kit.text(name("options"))}
        help="Choice only; separate with commas"
      />
    </RowFieldset>
  );
}

export function AttributeRows({
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
      id="attribute-rows-heading"
      title="Setup attributes"
      error={kit.error("attributes")}
      help={
        <>
          The questions the Apply Template wizard asks. Features and the call flow use the answers
          as <code>{"{{key}}"}</code>, as well as the user&apos;s <code>{"{{userName}}"}</code>,{" "}
          <code>{"{{firstName}}"}</code>, <code>{"{{lastName}}"}</code>, <code>{"{{email}}"}</code>{" "}
          and <code>{"{{extension}}"}</code>. An attribute keyed extension (type Extension) asks for
          the seat&apos;s extension. Empty rows are ignored.
        </>
      }
      footer={<MoreRowsButton section="attributes" label="More attribute rows" onMore={onMore} />}
    >
      {Array.from({ length: count }, (_, index) => (
        <AttributeRow key={index} kit={kit} index={index} />
      ))}
    </FormSection>
  );
}

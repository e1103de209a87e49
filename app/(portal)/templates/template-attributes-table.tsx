import { Table, TD, TH, THead, TR } from "@/components/data-table";
import { type AttributeDefinition, attributeTypeLabels } from "@/lib/templates/attribute-types";

function Rules({ attribute }: { attribute: AttributeDefinition }) {
  const rules = [
    attribute.options.length > 0 ? `One of: ${attribute.options.join(", ")}` : null,
    attribute.pattern ? `Matches ${attribute.pattern}` : null,
    attribute.helpText || null,
  ].filter((rule) => rule !== null);
  if (rules.length === 0) return <span className="text-neutral-500">None</span>;
  return (
    <ul className="space-y-0.5">
      {rules.map((rule) => (
        <li key={rule} className="break-words">
          {rule}
        </li>
      ))}
    </ul>
  );
}

/** The questions the Apply Template wizard asks, as the template defines them. */
export function TemplateAttributesTable({ attributes }: { attributes: AttributeDefinition[] }) {
  if (attributes.length === 0) {
    return <p className="text-sm text-neutral-600">The wizard asks nothing: none are defined.</p>;
  }
  return (
    <Table caption="Setup attributes">
      <THead>
        <tr>
          <TH>Attribute</TH>
          <TH>Type</TH>
          <TH>Default</TH>
          <TH>Rules</TH>
        </tr>
      </THead>
      <tbody>
        {attributes.map((attribute) => (
          <TR key={attribute.key}>
            <TD className="align-top">
              <p className="font-medium text-neutral-900">{attribute.label}</p>
              <code className="text-xs text-neutral-600">{`{{${attribute.key}}}`}</code>
            </TD>
            <TD className="align-top">
              <p>{attributeTypeLabels[attribute.type] ?? attribute.type}</p>
              <p className="text-xs text-neutral-600">
                {attribute.required ? "Required" : "Optional"}
              </p>
            </TD>
            <TD className="break-all align-top">
              {attribute.defaultValue || <span className="text-neutral-500">None</span>}
            </TD>
            <TD className="align-top text-xs text-neutral-700">
              <Rules attribute={attribute} />
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

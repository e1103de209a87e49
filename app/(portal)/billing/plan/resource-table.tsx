import { Table, TD, TH, THead, TR } from "@/components/data-table";
import { resourceTitles } from "@/lib/billing/catalog";
import type { ResourceLine } from "@/lib/billing/quote-plan-change";
import { overageText } from "./billing-format";

/** Each resource: in use, included, extra units billed, and what the plan does beyond. */
export function ResourceTable({
  lines,
  currency,
  caption,
}: {
  lines: ResourceLine[];
  currency: string;
  caption: string;
}) {
  return (
    <Table caption={caption}>
      <THead>
        <tr>
          <TH>Resource</TH>
          <TH className="text-right">In use</TH>
          <TH className="text-right">Included</TH>
          <TH className="text-right">Extra billed</TH>
          <TH>Beyond the plan</TH>
        </tr>
      </THead>
      <tbody>
        {lines.map((line) => (
          <TR key={line.resource}>
            <th
              scope="row"
              className="border-b border-neutral-100 px-3 py-2 text-left font-medium text-neutral-900"
            >
              {resourceTitles[line.resource]}
            </th>
            <TD className="text-right">
              {line.refused ? (
                <span className="font-semibold text-red-700">{line.used} (over the plan)</span>
              ) : (
                line.used
              )}
            </TD>
            <TD className="text-right">{line.included}</TD>
            <TD className="text-right">
              {line.addOns > 0 ? line.addOns : "—"}
              {line.raised ? (
                <span className="block text-xs text-neutral-600">raised to cover use</span>
              ) : null}
            </TD>
            <TD>{overageText(line.resource, line.policy, currency)}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

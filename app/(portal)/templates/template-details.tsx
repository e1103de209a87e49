import type { ReactNode } from "react";
import type { TemplateDetails } from "@/lib/templates/get-template";
import { TemplateAttributesTable } from "./template-attributes-table";
import { TemplateCallFlowList } from "./template-call-flow-list";
import { TemplateFeatureList } from "./template-feature-list";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 border-t border-neutral-200 p-4">
      <h3 id={id} className="text-sm font-semibold text-neutral-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** What a template asks, creates and how its seats' calls flow, read-only. */
export function TemplateDetailsView({ template }: { template: TemplateDetails }) {
  const older = template.seatsFromOlderVersions;
  return (
    <div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 p-4 text-sm">
        <dt className="text-neutral-600">Description</dt>
        <dd className="text-neutral-900">{template.description || "None"}</dd>
        <dt className="text-neutral-600">Version</dt>
        <dd className="tabular-nums text-neutral-900">{template.version}</dd>
        <dt className="text-neutral-600">Seats made from it</dt>
        <dd className="tabular-nums text-neutral-900">{template.seatCount}</dd>
      </dl>
      {older > 0 ? (
        <p className="mx-4 mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {older === 1 ? "1 seat was" : `${older} seats were`} made from older versions. Edits
          change only the seats made from now on.
        </p>
      ) : null}
      <Section id="attributes-heading" title={`Setup attributes (${template.attributes.length})`}>
        <TemplateAttributesTable attributes={template.attributes} />
      </Section>
      <Section id="features-heading" title={`Features (${template.features.length})`}>
        <TemplateFeatureList features={template.features} />
      </Section>
      <Section id="call-flow-heading" title="Call flow">
        <TemplateCallFlowList steps={template.callFlow} />
      </Section>
    </div>
  );
}

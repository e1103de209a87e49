import {
  featureFieldLabel,
  featureKindLabel,
  featureSourceLabels,
  type TemplateFeature,
} from "@/lib/templates/template-parts";

/** The features a template creates or takes, with their fields as written (placeholders kept). */
export function TemplateFeatureList({ features }: { features: TemplateFeature[] }) {
  if (features.length === 0) {
    return <p className="text-sm text-neutral-600">The template creates no features.</p>;
  }
  return (
    <ol className="divide-y divide-neutral-100 rounded-md border border-neutral-200">
      {features.map((feature, index) => {
        const fields = Object.entries(feature.fields);
        return (
          <li key={index} className="px-3 py-2 text-sm">
            <p className="font-medium text-neutral-900">
              {featureKindLabel(feature.kind)}{" "}
              <span className="font-normal text-neutral-600">
                ({featureSourceLabels[feature.source].toLowerCase()})
              </span>
            </p>
            {fields.length > 0 ? (
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
                {fields.map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="text-neutral-600">{featureFieldLabel(name)}</dt>
                    <dd className="break-all text-neutral-900">{value}</dd>
                  </div>
                ))}
              </dl>
            ) : feature.source === "spare" ? (
              <p className="mt-1 text-xs text-neutral-600">
                The first spare of the instance, as it is.
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

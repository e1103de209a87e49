import Link from "next/link";
import { featureKindPluralLabels, featureKindSlugs } from "@/lib/features/kinds";
import type { InstanceDetails } from "@/lib/instances/get-instance";

const linkClasses = "font-medium text-accent-700 hover:underline";

/** Features by kind and seats, each leading to its list. */
export function InstanceContents({
  instance,
  canViewFeatures,
}: {
  instance: InstanceDetails;
  canViewFeatures: boolean;
}) {
  const featuresPath = `/instances/${instance.id}/features`;
  const kinds = Object.keys(featureKindSlugs) as (keyof typeof featureKindSlugs)[];
  return (
    <div className="grid gap-4 border-t border-neutral-200 p-4 sm:grid-cols-2">
      <section aria-labelledby="instance-features">
        <h3 id="instance-features" className="text-sm font-semibold text-neutral-900">
          Features{" "}
          <span className="font-normal text-neutral-600 tabular-nums">
            ({instance.featureTotal.toLocaleString("en-US")})
          </span>
        </h3>
        <ul className="mt-2 space-y-1 text-sm">
          {kinds.map((kind) => (
            <li key={kind} className="flex justify-between gap-4">
              {canViewFeatures ? (
                <Link
                  href={`${featuresPath}?kind=${featureKindSlugs[kind]}`}
                  className={linkClasses}
                >
                  {featureKindPluralLabels[kind]}
                </Link>
              ) : (
                <span>{featureKindPluralLabels[kind]}</span>
              )}
              <span className="tabular-nums text-neutral-800">
                {instance.featureCounts[kind].toLocaleString("en-US")}
              </span>
            </li>
          ))}
        </ul>
        {canViewFeatures ? (
          <p className="mt-2 text-sm">
            <Link href={featuresPath} className={linkClasses}>
              All features
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="instance-seats">
        <h3 id="instance-seats" className="text-sm font-semibold text-neutral-900">
          Seats
        </h3>
        <p className="mt-2 text-sm text-neutral-700">
          Users placed in this instance, each with their extension and features.
        </p>
        <p className="mt-2 text-sm">
          <Link href={`/instances/${instance.id}/seats`} className={linkClasses}>
            {instance.seatCount.toLocaleString("en-US")} seat{instance.seatCount === 1 ? "" : "s"}
          </Link>
        </p>
      </section>
    </div>
  );
}

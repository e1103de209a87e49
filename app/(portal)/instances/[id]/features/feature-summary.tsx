import Link from "next/link";
import type { ReactNode } from "react";
import type { Feature } from "@/lib/features/feature-columns";
import { featureKindLabels } from "@/lib/features/kinds";
import type { SeatHolder } from "@/lib/features/seat-holder";
import { FeatureDetailsText } from "./feature-details-cell";

/** The facts above a feature's form: its kind, who has it, its details. */
export function FeatureSummary({
  feature,
  assignedTo,
  linkUsers,
}: {
  feature: Feature;
  assignedTo: SeatHolder | null;
  /** Whether the viewer may open users (the holder's name is a link then). */
  linkUsers: boolean;
}) {
  const holder = !assignedTo ? (
    "Spare: no seat has it yet"
  ) : linkUsers ? (
    <Link href={`/users/${assignedTo.userId}`} className="text-accent-700 underline">
      {assignedTo.displayName}
    </Link>
  ) : (
    assignedTo.displayName
  );
  const rows: [string, ReactNode][] = [
    ["Kind", featureKindLabels[feature.kind]],
    ["Assigned to", holder],
    ["Details", <FeatureDetailsText key="details" feature={feature} />],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 border-b border-neutral-200 px-4 py-3 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-neutral-600">{term}</dt>
          <dd className="min-w-0 text-neutral-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

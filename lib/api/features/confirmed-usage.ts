import { ConflictError } from "@/lib/errors";
import { featureKindLabels } from "@/lib/features/kinds";
import type { FeatureDetails } from "@/lib/features/read-feature-details";

/**
 * The API's form of the page's delete confirmation: a feature in use (a seat has it, a call
 * flow or ring group reaches it) goes only when the request names, by If-Match, the version
 * whose `usage` the caller read. The uses it was shown are then what the delete confirms.
 */
export function confirmedUsageOf(details: FeatureDetails, ifMatch: string | null): string[] {
  if (ifMatch !== null) return details.usage;
  if (details.usage.length > 0) {
    const { feature } = details;
    throw new ConflictError(
      `${featureKindLabels[feature.kind]} ${feature.name} was not deleted: it is in use. ${details.usage.join(" ")} Send If-Match with its ETag to delete it anyway.`,
    );
  }
  return [];
}

import { type FeatureKind, featureKindFromSlug, featureKindSlugs } from "@/lib/features/kinds";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where the feature list is: one kind or all, and the page (a keyset cursor). */
export type FeatureListQuery = { kind?: FeatureKind; after?: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseFeatureListQuery(
  params: Record<string, string | string[] | undefined>,
): FeatureListQuery {
  const after = first(params.after);
  return {
    kind: featureKindFromSlug(first(params.kind)),
    after: after && after.length <= 600 ? after : undefined,
  };
}

/** "?kind=devices&after=…", so links keep the list where it is. */
export function featureListQueryString(query: FeatureListQuery): string {
  const params = new URLSearchParams();
  if (query.kind) params.set("kind", featureKindSlugs[query.kind]);
  if (query.after) params.set("after", query.after);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function featuresPath(instanceId: string): string {
  return `/instances/${instanceId}/features`;
}

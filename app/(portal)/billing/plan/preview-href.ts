import { resourceKeys } from "@/lib/billing/catalog";
import type { PlanChangeInput } from "@/lib/billing/schemas";

/** The plan page showing the preview of these choices, as the change form's GET makes it. */
export function previewHref(input: PlanChangeInput): string {
  const query = new URLSearchParams({ plan: input.plan });
  for (const resource of resourceKeys) query.set(resource, String(input[resource]));
  return `/billing/plan?${query}#preview`;
}

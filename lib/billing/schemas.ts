import { z } from "zod";
import { planKeys, type ResourceKey, resourceKeys, resourceLabels } from "./catalog";

const maxQuantity = 100_000;

/** An add-on quantity as a form sends it: blank means none. */
function quantity(resource: ResourceKey) {
  const many = resourceLabels[resource].many;
  return z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? 0 : value),
    z.coerce
      .number({ error: `Enter a whole number of extra ${many}.` })
      .int(`Enter a whole number of extra ${many}.`)
      .min(0, "Enter 0 or more.")
      .max(maxQuantity, `Enter at most ${maxQuantity.toLocaleString("en-US")}.`),
  );
}

/**
 * The plan form: a plan and the add-on quantity of each resource. `basedOn` is the
 * subscription the preview was made against, so a confirm made after someone else changed
 * it is refused rather than applied to a plan nobody previewed.
 */
export const planChangeSchema = z.object({
  plan: z.enum(planKeys, { error: "Choose a plan." }),
  instances: quantity("instances"),
  phoneNumbers: quantity("phoneNumbers"),
  conferenceRooms: quantity("conferenceRooms"),
  faxMachines: quantity("faxMachines"),
  storageGb: quantity("storageGb"),
  basedOn: z.string().max(500).optional().default(""),
});
export type PlanChangeFormValues = z.input<typeof planChangeSchema>;
export type PlanChangeInput = z.output<typeof planChangeSchema>;

/** The add-on quantities of a parsed form, by resource. */
export function addOnsOf(input: PlanChangeInput): Record<ResourceKey, number> {
  return Object.fromEntries(resourceKeys.map((key) => [key, input[key]])) as Record<
    ResourceKey,
    number
  >;
}

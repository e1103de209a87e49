import { z } from "zod";
import type { Instance } from "@/db/schema/instances";
import { type InstanceInput, instanceFormSchema } from "@/lib/instances/schemas";
import { cursorParam, limitParam } from "../paging";

// The instance form's own field schemas: the API validates exactly as the form does.
const form = instanceFormSchema.shape;
const editableFields = { name: form.name, region: form.region, notes: form.notes };

export const createInstanceBodySchema = z
  .object(editableFields)
  .strict()
  .meta({ id: "NewInstance" });

export const updateInstanceBodySchema = z
  .object(editableFields)
  .partial()
  .strict()
  .meta({ id: "InstanceChanges" });

/** A PATCH applied to the stored instance: what is not sent stays as it is. */
export function updateInstanceInput(
  before: Instance,
  changes: z.output<typeof updateInstanceBodySchema>,
): InstanceInput {
  return {
    name: before.name,
    // A region no longer offered stays until it is changed: the form would refuse it.
    region: before.region as InstanceInput["region"],
    notes: before.notes,
    ...changes,
  };
}

export const instanceListQuerySchema = z
  .object({ limit: limitParam, cursor: cursorParam })
  .strict();

/** Force Rebuild takes no fields. */
export const rebuildBodySchema = z.object({}).strict();

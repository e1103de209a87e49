import { z } from "zod";
import type { Template } from "@/db/schema/templates";
import { attributeDefinitionSchema } from "@/lib/templates/attribute-definitions";
import { templateFeatureSchema } from "@/lib/templates/template-features";
import type { TemplateInput } from "@/lib/templates/template-schema";
import { templateCallFlowStepSchema } from "@/lib/templates/template-steps";

// The shape of a template as the template form's schema takes it (lib/templates/template-
// schema). What the form checks, the services check with that same schema, in one pass: every
// problem at once, named by its path ("attributes.2.pattern", "features.0.fields.name"). Here
// only the shape: unknown fields refused, the choices' lists, and what a form leaves blank
// may be left out.
const attribute = attributeDefinitionSchema.in.shape;
const feature = templateFeatureSchema.in.shape;
const step = templateCallFlowStepSchema.in.shape;

const attributeBody = z
  .object({
    key: z.string().meta({ description: "Named in the template's text as {{key}}." }),
    label: z.string(),
    type: attribute.type,
    required: attribute.required.default(false),
    defaultValue: z.string().default(""),
    pattern: z
      .string()
      .default("")
      .meta({ description: "A regular expression the whole value must match." }),
    helpText: z.string().default(""),
    options: z
      .array(z.string())
      .default([])
      .meta({ description: "The choices of a choice attribute." }),
  })
  .strict()
  .meta({ id: "NewTemplateAttribute" });

const featureBody = z
  .object({
    kind: z.string().meta({ description: "A feature kind, such as voicemail_box." }),
    source: feature.source.default("create"),
    fields: z.record(z.string(), z.string()).default({}).meta({
      description: "The kind's fields by name; values may name {{attributes}} and user fields.",
    }),
  })
  .strict()
  .meta({ id: "NewTemplateFeature" });

const stepBody = z
  .object({ type: step.type, value: z.string().default("") })
  .strict()
  .meta({ id: "NewTemplateCallFlowStep" });

// No defaults here: a PATCH leaves out what it does not change.
const editableFields = {
  name: z.string({ error: "Enter a template name." }),
  description: z.string(),
  attributes: z.array(attributeBody),
  features: z
    .array(featureBody)
    .meta({ description: "Features each seat gets: created, or taken from the spares." }),
  callFlow: z.array(stepBody),
};

export const createTemplateBodySchema = z
  .object({
    ...editableFields,
    description: editableFields.description.default(""),
    attributes: editableFields.attributes.default([]),
    features: editableFields.features.default([]),
    callFlow: editableFields.callFlow.default([]),
  })
  .strict()
  .meta({ id: "NewTemplate" });

export const updateTemplateBodySchema = z.object(editableFields).partial().strict().meta({
  id: "TemplateChanges",
  description: "Fields left out stay as they are; a list sent replaces the whole list.",
});

/** A PATCH applied to the stored template: what is not sent stays as it is. */
export function updateTemplateInput(
  before: Template,
  changes: z.output<typeof updateTemplateBodySchema>,
): TemplateInput {
  return {
    name: before.name,
    description: before.description,
    attributes: before.attributes,
    features: before.features as TemplateInput["features"],
    callFlow: before.callFlow,
    ...changes,
  };
}

/** The template list has no paging (accounts have a handful): nothing to ask for. */
export const templateListQuerySchema = z.object({}).strict();

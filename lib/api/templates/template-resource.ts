import { z } from "zod";
import type { Template } from "@/db/schema/templates";
import { attributeTypeList } from "@/lib/templates/attribute-types";
import type { TemplateListRow } from "@/lib/templates/list-templates";
import { callFlowStepTypes, featureSources } from "@/lib/templates/template-parts";

const dateTime = z.iso.datetime();

export const templateAttributeSchema = z
  .object({
    key: z.string().meta({ description: "Named in the template's text as {{key}}." }),
    label: z.string(),
    type: z.enum(attributeTypeList),
    required: z.boolean(),
    defaultValue: z.string(),
    pattern: z.string().meta({ description: "A regular expression the whole value matches." }),
    helpText: z.string(),
    options: z.array(z.string()).meta({ description: "The choices of a choice attribute." }),
  })
  .meta({ id: "TemplateAttribute", description: "A setup attribute: asked when applying." });

export const templateFeatureSchema = z
  .object({
    kind: z.string().meta({ description: "A feature kind, such as voicemail_box." }),
    source: z.enum(featureSources),
    fields: z
      .record(z.string(), z.string())
      .meta({ description: "The kind's fields; values may name {{attributes}} and user fields." }),
  })
  .meta({ id: "TemplateFeature" });

export const templateCallFlowStepSchema = z
  .object({ type: z.enum(callFlowStepTypes), value: z.string() })
  .meta({ id: "TemplateCallFlowStep" });

/** A template as the REST API shows it (GET /templates/{id}, and the answer to its writes). */
export const templateResourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    version: z.number().int().meta({
      description: "Raised by every change; a seat records the version it was made from.",
    }),
    attributes: z.array(templateAttributeSchema),
    features: z.array(templateFeatureSchema),
    callFlow: z.array(templateCallFlowStepSchema),
    seatCount: z.number().int().meta({ description: "Seats made from the template." }),
    seatsFromOlderVersions: z
      .number()
      .int()
      .meta({ description: "Of those, how many were made from an earlier version." }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Template" });

export type TemplateResource = z.infer<typeof templateResourceSchema>;

export function toTemplateResource(
  template: Template & { seatCount: number; seatsFromOlderVersions: number },
): TemplateResource {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    version: template.version,
    attributes: template.attributes,
    features: template.features as TemplateResource["features"],
    callFlow: template.callFlow,
    seatCount: template.seatCount,
    seatsFromOlderVersions: template.seatsFromOlderVersions,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

/** A row of GET /templates, as the template list shows it. */
export const templateSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    version: z.number().int(),
    featureCount: z.number().int(),
    seatCount: z.number().int(),
  })
  .meta({ id: "TemplateSummary" });

export function toTemplateSummary(row: TemplateListRow): z.infer<typeof templateSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    featureCount: Number(row.featureCount),
    seatCount: Number(row.seatCount),
  };
}

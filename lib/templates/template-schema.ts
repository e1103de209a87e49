import { z } from "zod";
import { featureKindLabels } from "@/lib/features/kinds";
import { attributeDefinitionsSchema } from "./attribute-definitions";
import { malformedPlaceholder, placeholdersIn } from "./resolve-placeholders";
import { templateFeatureSchema } from "./template-features";
import {
  callFlowStepLabels,
  featureFieldLabel,
  isFeatureKind,
  type TemplateCallFlowStep,
  type TemplateFeature,
} from "./template-parts";
import { templateCallFlowStepSchema } from "./template-steps";
import { templateUserFields } from "./user-fields";

export const maxTemplateFeatures = 50;
export const maxCallFlowSteps = 20;

type Issue = { path: (string | number)[]; message: string };

/** Every placeholder must name an attribute of the template or a user field. */
function placeholderIssues(
  text: string,
  known: ReadonlySet<string>,
  where: string,
  path: (string | number)[],
): Issue[] {
  const broken = malformedPlaceholder(text);
  if (broken !== undefined) {
    return [
      {
        path,
        message: `${where}: "${broken}" is not a placeholder; write {{key}}, the key one word of letters, digits or _.`,
      },
    ];
  }
  return placeholdersIn(text)
    .filter((key) => !known.has(key))
    .map((key) => ({
      path,
      message: `{{${key}}} in ${where}: no setup attribute or user field is called ${key}.`,
    }));
}

function featureWhere(feature: TemplateFeature, index: number, field: string): string {
  const kind = isFeatureKind(feature.kind) ? featureKindLabels[feature.kind] : feature.kind;
  return `feature ${index + 1} (${kind}), ${featureFieldLabel(field)}`;
}

function stepWhere(step: TemplateCallFlowStep, index: number): string {
  return `call flow step ${index + 1} (${callFlowStepLabels[step.type] ?? step.type})`;
}

/**
 * A template as saved: its attributes, the features it creates and its call flow, with every
 * placeholder naming something that will have a value when the template is applied.
 */
export const templateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter a template name.")
      .max(80, "Use a name of at most 80 characters."),
    description: z
      .string()
      .trim()
      .max(500, "Use a description of at most 500 characters.")
      .default(""),
    attributes: attributeDefinitionsSchema,
    features: z
      .array(templateFeatureSchema)
      .max(maxTemplateFeatures, `Use at most ${maxTemplateFeatures} features.`),
    callFlow: z
      .array(templateCallFlowStepSchema)
      .max(maxCallFlowSteps, `Use at most ${maxCallFlowSteps} call flow steps.`),
  })
  .superRefine((template, ctx) => {
    const known = new Set<string>([
      ...templateUserFields,
      ...template.attributes.map((attribute) => attribute.key),
    ]);
    const issues: Issue[] = [];
    for (const [index, feature] of template.features.entries()) {
      for (const [field, value] of Object.entries(feature.fields ?? {})) {
        if (typeof value !== "string") continue;
        const where = featureWhere(feature, index, field);
        issues.push(
          ...placeholderIssues(value, known, where, ["features", index, "fields", field]),
        );
      }
    }
    const createsMailbox = template.features.some(
      (feature) => feature.kind === "voicemail_box" && feature.source === "create",
    );
    for (const [index, step] of template.callFlow.entries()) {
      const path = ["callFlow", index, "value"];
      if (typeof step.value !== "string") continue;
      issues.push(...placeholderIssues(step.value, known, stepWhere(step, index), path));
      if (step.type === "voicemail" && step.value === "" && !createsMailbox) {
        issues.push({
          path,
          message: `Voicemail: the template creates no voicemail box; add one under Features, or name a mailbox as a placeholder.`,
        });
      }
    }
    for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
  });

/** What a template service accepts. */
export type TemplateInput = z.input<typeof templateSchema>;
/** A template as checked, ready to store. */
export type ValidTemplate = z.output<typeof templateSchema>;

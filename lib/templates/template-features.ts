import { z } from "zod";
import { featureKindLabels } from "@/lib/features/kinds";
import {
  featureFieldLabel,
  featureSources,
  isFeatureKind,
  kindFieldNames,
  spareKinds,
  type TemplateFeature,
} from "./template-parts";

const maxFieldValueLength = 200;

/**
 * A feature the template creates, or takes from the instance's spares (phone numbers and
 * devices only). Fields are named as the kind's form names them; empty ones are left out.
 * A spare's fields, when given, are set on the spare it takes.
 */
export const templateFeatureSchema = z
  .object({
    kind: z.string().trim().min(1, "Choose a feature kind."),
    source: z.enum(featureSources, "Choose Create new or Take a spare."),
    fields: z.record(
      z.string(),
      z.string().trim().max(maxFieldValueLength, `Use at most ${maxFieldValueLength} characters.`),
    ),
  })
  .superRefine((feature, ctx) => {
    if (feature.kind === "") return;
    if (!isFeatureKind(feature.kind)) {
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: `Unknown feature kind ${feature.kind}.`,
      });
      return;
    }
    const label = featureKindLabels[feature.kind];
    if (feature.source === "spare" && !spareKinds.includes(feature.kind)) {
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: `Only phone numbers and devices can be taken from the spares; a ${label.toLowerCase()} is created.`,
      });
    }
    const names = kindFieldNames(feature.kind);
    for (const [name, value] of Object.entries(feature.fields ?? {})) {
      if (typeof value !== "string" || value.trim() === "" || names.includes(name)) continue;
      ctx.addIssue({
        code: "custom",
        path: ["fields", name],
        message: `A ${label.toLowerCase()} has no field ${featureFieldLabel(name)} (${name}); clear it.`,
      });
    }
  })
  .transform(
    (feature): TemplateFeature => ({
      kind: feature.kind,
      source: feature.source,
      fields: Object.fromEntries(
        Object.entries(feature.fields).filter(([, value]) => value !== ""),
      ),
    }),
  );

import { z } from "zod";
import type { Feature } from "@/lib/features/feature-columns";
import { allFeatureKinds, type FeatureKind } from "@/lib/features/kinds";
import { featureEditSchemas, featureFormSchemas } from "@/lib/features/schemas";
import { cursorParam, limitParam } from "../paging";
import { featureFields } from "./feature-resource";

// The kinds' own form schemas (lib/features/schemas): the API validates exactly as the
// feature forms do, and `kind` chooses which.
export const createFeatureBodySchema = z
  .discriminatedUnion("kind", [
    featureFormSchemas.phone_number
      .safeExtend({ kind: z.literal("phone_number") })
      .strict()
      .meta({ id: "NewPhoneNumber" }),
    featureFormSchemas.device
      .safeExtend({ kind: z.literal("device") })
      .strict()
      .meta({ id: "NewDevice" }),
    featureFormSchemas.conference_room
      .safeExtend({ kind: z.literal("conference_room") })
      .strict()
      .meta({ id: "NewConferenceRoom" }),
    featureFormSchemas.fax_machine
      .safeExtend({ kind: z.literal("fax_machine") })
      .strict()
      .meta({ id: "NewFaxMachine" }),
    featureFormSchemas.ring_group
      .safeExtend({ kind: z.literal("ring_group") })
      .strict()
      .meta({ id: "NewRingGroup" }),
    featureFormSchemas.voicemail_box
      .safeExtend({ kind: z.literal("voicemail_box") })
      .strict()
      .meta({ id: "NewVoicemailBox" }),
  ])
  .meta({ id: "NewFeature" });

/** The kind and its fields, as the feature services take them. */
export function createFeatureInput(body: z.output<typeof createFeatureBodySchema>): {
  kind: FeatureKind;
  input: Record<string, unknown>;
} {
  const { kind, ...input } = body;
  return { kind, input };
}

/**
 * The edit form's fields of one kind, each checked by its own schema, any of them left out.
 * Rules across fields (a desk phone's MAC address) are checked on the feature as changed.
 */
function changesOf(kind: FeatureKind, id: string) {
  const { shape } = featureEditSchemas[kind] as unknown as z.ZodObject<z.ZodRawShape>;
  return z.object(shape).partial().strict().meta({ id });
}

export const featureChangesSchemas = {
  phone_number: changesOf("phone_number", "PhoneNumberChanges"),
  device: changesOf("device", "DeviceChanges"),
  conference_room: changesOf("conference_room", "ConferenceRoomChanges"),
  fax_machine: changesOf("fax_machine", "FaxMachineChanges"),
  ring_group: changesOf("ring_group", "RingGroupChanges"),
  voicemail_box: changesOf("voicemail_box", "VoicemailBoxChanges"),
} satisfies Record<FeatureKind, z.ZodType>;

/** PATCH's body, for the document: the fields of the feature's own kind (it cannot change). */
export const featureChangesDocSchema = z
  .union(allFeatureKinds.map((kind) => featureChangesSchemas[kind]))
  .meta({
    id: "FeatureChanges",
    description:
      "Any of the fields of the feature's kind; a voicemail PIN left out (or empty) stays.",
  });

/** A PATCH applied to the stored feature: what is not sent stays as it is. */
export function updateFeatureInput(
  before: Feature,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  return { ...featureFields(before), ...changes };
}

export const featureListQuerySchema = z
  .object({
    limit: limitParam,
    cursor: cursorParam,
    kind: z
      .enum(allFeatureKinds as [FeatureKind, ...FeatureKind[]], {
        error: `kind must be one of ${allFeatureKinds.join(", ")}.`,
      })
      .optional(),
  })
  .strict();

import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import {
  choice,
  extension,
  idList,
  macAddress,
  optionalEmail,
  optionalText,
  phoneNumber,
  pin,
  requiredName,
  wholeNumber,
} from "./fields/schema-fields";
import { deviceKinds, type FeatureKind, ringStrategies } from "./kinds";

// One schema per feature kind, shared by the feature forms (browser and server), the
// services and the template wizard's preview. Field names are those of featureKindFields.

const phoneNumberSchema = z.object({
  number: phoneNumber("Enter a phone number."),
  label: optionalText(80),
  // Caller ID name (CNAM) carries at most 15 plain characters.
  callerIdName: optionalText(15).refine(
    (value) => /^[\x20-\x7e]*$/.test(value),
    "Use letters, digits, spaces and punctuation only: caller ID shows plain characters.",
  ),
});

// Only desk phones are provisioned by their MAC address; a softphone or mobile has none,
// and a MAC typed for one is refused (not dropped) so nothing typed is silently lost.
const deviceSchema = z
  .object({
    name: requiredName("a device name"),
    deviceKind: choice(deviceKinds, "Choose Desk phone, Softphone or Mobile."),
    macAddress,
    model: optionalText(80),
  })
  .superRefine(
    (value, ctx) => {
      const mac = typeof value.macAddress === "string" ? value.macAddress : undefined;
      if (value.deviceKind === "desk_phone" && mac === "") {
        ctx.addIssue({
          code: "custom",
          path: ["macAddress"],
          message: "Enter the desk phone's MAC address.",
        });
      }
      if (value.deviceKind !== "desk_phone" && deviceKinds.includes(value.deviceKind) && mac) {
        ctx.addIssue({
          code: "custom",
          path: ["macAddress"],
          message: "Only desk phones have a MAC address: clear this field or choose Desk phone.",
        });
      }
    },
    // Runs when other fields are wrong too, so one Save reports every problem.
    { when: () => true },
  );

const conferenceRoomSchema = z.object({
  name: requiredName("a room name"),
  extension,
  pin: pin({ required: false }),
  maxParticipants: wholeNumber(2, 500, "the most participants"),
});

const faxMachineSchema = z.object({
  name: requiredName("a fax machine name"),
  faxNumber: phoneNumber("Enter the fax number."),
  emailToFax: optionalEmail,
});

const ringGroupSchema = z.object({
  name: requiredName("a ring group name"),
  extension,
  strategy: choice(ringStrategies, "Choose how the group rings."),
  members: idList(200, "members"),
  ringSeconds: wholeNumber(5, 300, "how long to ring, in seconds"),
});

const voicemailBoxFields = {
  mailboxNumber: extension,
  pin: pin({ required: true }),
  notificationEmail: optionalEmail,
};
const voicemailBoxSchema = z.object(voicemailBoxFields);

/** The form of each kind, for creating one (and for a template's feature). */
export const featureFormSchemas = {
  phone_number: phoneNumberSchema,
  device: deviceSchema,
  conference_room: conferenceRoomSchema,
  fax_machine: faxMachineSchema,
  ring_group: ringGroupSchema,
  voicemail_box: voicemailBoxSchema,
} satisfies Record<FeatureKind, z.ZodType>;

/**
 * The form of each kind for editing one: a voicemail PIN is never shown again once saved,
 * so its field starts empty and empty keeps the PIN it has.
 */
export const featureEditSchemas = {
  ...featureFormSchemas,
  voicemail_box: z.object({ ...voicemailBoxFields, pin: pin({ required: false }) }),
} satisfies Record<FeatureKind, z.ZodType>;

/** A kind's validated fields, as services take them. */
export type FeatureValues<K extends FeatureKind = FeatureKind> = z.output<
  (typeof featureFormSchemas)[K]
>;
export type PhoneNumberValues = FeatureValues<"phone_number">;
export type DeviceValues = FeatureValues<"device">;
export type ConferenceRoomValues = FeatureValues<"conference_room">;
export type FaxMachineValues = FeatureValues<"fax_machine">;
export type RingGroupValues = FeatureValues<"ring_group">;
export type VoicemailBoxValues = FeatureValues<"voicemail_box">;

/** What a feature form posts: text fields and, for ring groups, the ticked members. */
export type FeatureFormValues = Record<string, string | string[]>;

export type ParseFeatureFieldsResult<K extends FeatureKind> =
  | { ok: true; value: FeatureValues<K> }
  | { ok: false; fieldErrors: FieldErrors };

/** Validates one kind's fields (a template's resolved values); the first problem per field. */
export function parseFeatureFields<K extends FeatureKind>(
  kind: K,
  fields: Record<string, unknown>,
): ParseFeatureFieldsResult<K> {
  const schema = featureFormSchemas[kind] as unknown as z.ZodType<FeatureValues<K>>;
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

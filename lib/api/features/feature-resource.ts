import { z } from "zod";
import type { FeatureColumns } from "@/lib/features/feature-columns";
import { ringGroupMembers } from "@/lib/features/feature-columns";
import { deviceKinds, type FeatureKind, ringStrategies } from "@/lib/features/kinds";
import type { FeatureListRow } from "@/lib/features/list-features";
import type { FeatureDetails } from "@/lib/features/read-feature-details";

const dateTime = z.iso.datetime();
const phone = z.string().meta({ description: "E.164, such as +12125550100." });

/** Each kind's fields as JSON holds them, named as the kind's form names them. */
const kindFields = {
  phone_number: { number: phone, label: z.string(), callerIdName: z.string() },
  device: {
    name: z.string(),
    deviceKind: z.enum(deviceKinds),
    macAddress: z.string().meta({ description: "AA:BB:CC:DD:EE:FF; empty for none." }),
    model: z.string(),
  },
  conference_room: {
    name: z.string(),
    extension: z.string(),
    pin: z.string().meta({ description: "Empty: no PIN asked." }),
    maxParticipants: z.number().int(),
  },
  fax_machine: { name: z.string(), faxNumber: phone, emailToFax: z.string() },
  ring_group: {
    name: z.string(),
    extension: z.string(),
    strategy: z.enum(ringStrategies),
    members: z.array(z.uuid()).meta({ description: "Seats and devices of the instance." }),
    ringSeconds: z.number().int(),
  },
  // The PIN of a mailbox is never shown again once saved (write-only).
  voicemail_box: { mailboxNumber: z.string(), notificationEmail: z.string() },
} satisfies Record<FeatureKind, z.ZodRawShape>;

const seatHolderSchema = z
  .object({ userId: z.uuid(), userName: z.string(), displayName: z.string() })
  .meta({ id: "SeatHolder", description: "The user whose seat has the feature." });

const common = {
  id: z.uuid(),
  instanceId: z.uuid(),
  name: z.string(),
  seatId: z.uuid().nullable().meta({ description: "Null: a spare, free for a seat." }),
  assignedTo: seatHolderSchema.nullable(),
  usage: z.array(z.string()).meta({
    description:
      "Where deleting it reaches (its seat, call flows, ring groups), as sentences; empty when nothing.",
  }),
  createdAt: dateTime,
  updatedAt: dateTime,
};

const variant = <K extends FeatureKind>(kind: K, id: string) =>
  z.object({ ...common, kind: z.literal(kind), ...kindFields[kind] }).meta({ id });

/** A feature as the REST API shows it: the fields every kind has, then its kind's. */
export const featureResourceSchema = z
  .discriminatedUnion("kind", [
    variant("phone_number", "PhoneNumber"),
    variant("device", "Device"),
    variant("conference_room", "ConferenceRoom"),
    variant("fax_machine", "FaxMachine"),
    variant("ring_group", "RingGroup"),
    variant("voicemail_box", "VoicemailBox"),
  ])
  .meta({ id: "Feature" });

export type FeatureResource = z.infer<typeof featureResourceSchema>;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const whole = (value: unknown) => (typeof value === "number" ? value : Number(value ?? 0));

/** The kind's fields of a stored feature, in the JSON types its schema accepts back. */
export function featureFields(feature: FeatureColumns): Record<string, unknown> {
  const settings = feature.settings;
  switch (feature.kind) {
    case "phone_number":
      return {
        number: feature.phoneNumber ?? "",
        label: text(settings.label),
        callerIdName: text(settings.callerIdName),
      };
    case "device":
      return {
        name: feature.name,
        deviceKind: text(settings.deviceKind),
        macAddress: feature.macAddress ?? "",
        model: text(settings.model),
      };
    case "conference_room":
      return {
        name: feature.name,
        extension: feature.extension ?? "",
        pin: text(settings.pin),
        maxParticipants: whole(settings.maxParticipants),
      };
    case "fax_machine":
      return {
        name: feature.name,
        faxNumber: text(settings.faxNumber),
        emailToFax: text(settings.emailToFax),
      };
    case "ring_group":
      return {
        name: feature.name,
        extension: feature.extension ?? "",
        strategy: text(settings.strategy),
        members: ringGroupMembers(feature),
        ringSeconds: whole(settings.ringSeconds),
      };
    default:
      return {
        mailboxNumber: feature.extension ?? "",
        notificationEmail: text(settings.notificationEmail),
      };
  }
}

export function toFeatureResource({
  feature,
  assignedTo,
  usage,
}: Pick<FeatureDetails, "feature" | "assignedTo" | "usage">): FeatureResource {
  // The kind's own fields come after `name`: a named kind's name is the same value.
  return {
    id: feature.id,
    instanceId: feature.instanceId,
    kind: feature.kind,
    name: feature.name,
    ...featureFields(feature),
    seatId: feature.seatId,
    assignedTo,
    usage,
    createdAt: feature.createdAt.toISOString(),
    updatedAt: feature.updatedAt.toISOString(),
  } as FeatureResource;
}

/** A row of GET /instances/{id}/features: what the feature list shows (never a PIN). */
export const featureSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(Object.keys(kindFields) as [FeatureKind, ...FeatureKind[]]),
    name: z.string(),
    phoneNumber: phone.nullable(),
    extension: z.string().nullable(),
    macAddress: z.string().nullable(),
    seatId: z.uuid().nullable().meta({ description: "Null: a spare, free for a seat." }),
    assignedTo: seatHolderSchema.nullable(),
  })
  .meta({ id: "FeatureSummary" });

export function toFeatureSummary(row: FeatureListRow): z.infer<typeof featureSummarySchema> {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    phoneNumber: row.phoneNumber,
    extension: row.extension,
    macAddress: row.macAddress,
    seatId: row.seatId,
    assignedTo: row.assignedTo,
  };
}

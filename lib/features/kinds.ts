import type { FeatureKind } from "@/db/schema/features";

export type { FeatureKind };

/**
 * The fields of each feature kind, by the names its form, its zod schema and a template's
 * feature specification all use. `extension` fields are claimed in the instance's
 * extension table; `phone` fields hold E.164 numbers.
 */
export const featureKindFields = {
  phone_number: ["number", "label", "callerIdName"],
  device: ["name", "deviceKind", "macAddress", "model"],
  conference_room: ["name", "extension", "pin", "maxParticipants"],
  fax_machine: ["name", "faxNumber", "emailToFax"],
  ring_group: ["name", "extension", "strategy", "members", "ringSeconds"],
  voicemail_box: ["mailboxNumber", "pin", "notificationEmail"],
} as const satisfies Record<FeatureKind, readonly string[]>;

export const featureKindLabels: Record<FeatureKind, string> = {
  phone_number: "Phone number",
  device: "Device",
  conference_room: "Conference room",
  fax_machine: "Fax machine",
  ring_group: "Ring group",
  voicemail_box: "Voicemail box",
};

/** Plural, for headings and empty states. */
export const featureKindPluralLabels: Record<FeatureKind, string> = {
  phone_number: "Phone numbers",
  device: "Devices",
  conference_room: "Conference rooms",
  fax_machine: "Fax machines",
  ring_group: "Ring groups",
  voicemail_box: "Voicemail boxes",
};

/** The kinds' URL segments (/instances/<id>/features/<segment>). */
export const featureKindSlugs: Record<FeatureKind, string> = {
  phone_number: "phone-numbers",
  device: "devices",
  conference_room: "conference-rooms",
  fax_machine: "fax-machines",
  ring_group: "ring-groups",
  voicemail_box: "voicemail-boxes",
};

export const deviceKinds = ["desk_phone", "softphone", "mobile"] as const;
export const ringStrategies = ["simultaneous", "in_order"] as const;

/** The kind a URL segment names ("ring-groups"), or undefined for anything else. */
export function featureKindFromSlug(slug: string | undefined): FeatureKind | undefined {
  return allFeatureKinds.find((kind) => featureKindSlugs[kind] === slug);
}

export const deviceKindLabels: Record<(typeof deviceKinds)[number], string> = {
  desk_phone: "Desk phone",
  softphone: "Softphone",
  mobile: "Mobile",
};

export const ringStrategyLabels: Record<(typeof ringStrategies)[number], string> = {
  simultaneous: "Ring all at once",
  in_order: "Ring in order",
};

/** Every kind, in the order menus and tabs list them. */
export const allFeatureKinds = Object.keys(featureKindLabels) as FeatureKind[];

export function isFeatureKind(value: unknown): value is FeatureKind {
  return typeof value === "string" && (allFeatureKinds as string[]).includes(value);
}

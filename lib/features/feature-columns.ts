import type { Feature } from "@/db/schema/features";
import { formatPhone } from "@/lib/users/fields/phone";
import type { FeatureKind } from "./kinds";
import type { FeatureFormValues, FeatureValues } from "./schemas";

export type { Feature };

/** The stored shape of a feature: what `features` holds as columns and settings. */
export type FeatureColumns = Pick<
  Feature,
  "kind" | "name" | "phoneNumber" | "macAddress" | "extension" | "settings"
>;

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Maps a kind's validated fields to columns. Phone numbers, MAC addresses and extensions
 * are columns so the database keeps them unique and lists can show them; the rest of a
 * kind's fields live in `settings`.
 */
export function featureColumns<K extends FeatureKind>(
  kind: K,
  input: FeatureValues<K>,
): FeatureColumns {
  const common = { kind, phoneNumber: null, macAddress: null, extension: null };
  switch (kind) {
    case "phone_number": {
      const value = input as FeatureValues<"phone_number">;
      return {
        ...common,
        name: value.label || formatPhone(value.number),
        phoneNumber: value.number,
        settings: { label: value.label, callerIdName: value.callerIdName },
      };
    }
    case "device": {
      const value = input as FeatureValues<"device">;
      return {
        ...common,
        name: value.name,
        macAddress: value.macAddress || null,
        settings: { deviceKind: value.deviceKind, model: value.model },
      };
    }
    case "conference_room": {
      const value = input as FeatureValues<"conference_room">;
      return {
        ...common,
        name: value.name,
        extension: value.extension,
        settings: { pin: value.pin, maxParticipants: value.maxParticipants },
      };
    }
    case "fax_machine": {
      const value = input as FeatureValues<"fax_machine">;
      return {
        ...common,
        name: value.name,
        settings: { faxNumber: value.faxNumber, emailToFax: value.emailToFax },
      };
    }
    case "ring_group": {
      const value = input as FeatureValues<"ring_group">;
      return {
        ...common,
        name: value.name,
        extension: value.extension,
        settings: {
          strategy: value.strategy,
          members: value.members,
          ringSeconds: value.ringSeconds,
        },
      };
    }
    default: {
      const value = input as FeatureValues<"voicemail_box">;
      return {
        ...common,
        name: `Mailbox ${value.mailboxNumber}`,
        extension: value.mailboxNumber,
        settings: { pin: value.pin, notificationEmail: value.notificationEmail },
      };
    }
  }
}

/**
 * A stored feature as its edit form shows it. The voicemail PIN stays empty: it is
 * never shown once saved, and an empty PIN keeps the one the box has.
 */
export function featureFormValues(feature: FeatureColumns): FeatureFormValues {
  const settings = feature.settings;
  switch (feature.kind) {
    case "phone_number":
      return {
        number: formatPhone(feature.phoneNumber ?? ""),
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
        maxParticipants: String(settings.maxParticipants ?? ""),
      };
    case "fax_machine":
      return {
        name: feature.name,
        faxNumber: formatPhone(text(settings.faxNumber)),
        emailToFax: text(settings.emailToFax),
      };
    case "ring_group":
      return {
        name: feature.name,
        extension: feature.extension ?? "",
        strategy: text(settings.strategy),
        members: ringGroupMembers(feature),
        ringSeconds: String(settings.ringSeconds ?? ""),
      };
    default:
      return {
        mailboxNumber: feature.extension ?? "",
        pin: "",
        notificationEmail: text(settings.notificationEmail),
      };
  }
}

/** The ids of a ring group's members (seats and devices). */
export function ringGroupMembers(feature: Pick<Feature, "settings">): string[] {
  const members = feature.settings.members;
  return Array.isArray(members) ? members.filter((id) => typeof id === "string") : [];
}

const ownerNouns: Partial<Record<FeatureKind, string>> = {
  conference_room: "conference room",
  ring_group: "ring group",
  voicemail_box: "voicemail box",
};

/** How an extension refusal names a feature: "ring group Sales", "voicemail box 201". */
export function extensionOwnerLabel(feature: Pick<FeatureColumns, "kind" | "name" | "extension">) {
  const noun = ownerNouns[feature.kind] ?? "feature";
  return feature.kind === "voicemail_box"
    ? `${noun} ${feature.extension}`
    : `${noun} ${feature.name}`;
}

/** The form field holding a kind's extension, where a refusal is shown. */
export function extensionField(kind: FeatureKind): string {
  return kind === "voicemail_box" ? "mailboxNumber" : "extension";
}

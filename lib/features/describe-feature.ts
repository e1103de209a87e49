import { formatPhone } from "@/lib/users/fields/phone";
import { type FeatureColumns, ringGroupMembers } from "./feature-columns";
import {
  deviceKindLabels,
  deviceKinds,
  featureKindLabels,
  ringStrategies,
  ringStrategyLabels,
} from "./kinds";

/** One piece of a feature's summary: plain text, or a phone number (shown as a call link). */
export type FeatureDetail = { text: string } | { phone: string };

const label = <T extends string>(
  labels: Record<T, string>,
  values: readonly T[],
  value: unknown,
) => (values.includes(value as T) ? labels[value as T] : "");

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * What a list shows of a feature besides its name. PINs are never part of it (a
 * voicemail PIN is secret, and a room's is not for every list viewer either): only
 * whether there is one.
 */
export function featureDetails(feature: FeatureColumns): FeatureDetail[] {
  const settings = feature.settings;
  const text = (value: unknown) =>
    typeof value === "string" && value !== "" ? [{ text: value }] : [];
  const extension = feature.extension ? [{ text: `Ext. ${feature.extension}` }] : [];
  switch (feature.kind) {
    case "phone_number":
      return [
        ...(feature.phoneNumber ? [{ phone: feature.phoneNumber }] : []),
        ...text(settings.callerIdName ? `Caller ID ${settings.callerIdName}` : ""),
      ];
    case "device":
      return [
        ...text(label(deviceKindLabels, deviceKinds, settings.deviceKind)),
        ...text(settings.model),
        ...text(feature.macAddress),
      ];
    case "conference_room":
      return [
        ...extension,
        ...text(
          typeof settings.maxParticipants === "number"
            ? `Up to ${settings.maxParticipants} people`
            : "",
        ),
        ...text(settings.pin ? "PIN required" : ""),
      ];
    case "fax_machine":
      return [
        ...(typeof settings.faxNumber === "string" && settings.faxNumber
          ? [{ phone: settings.faxNumber }]
          : []),
        ...text(settings.emailToFax),
      ];
    case "ring_group":
      return [
        ...extension,
        ...text(label(ringStrategyLabels, ringStrategies, settings.strategy)),
        { text: plural(ringGroupMembers(feature).length, "member") },
      ];
    default:
      // The mailbox PIN itself is never shown again: only that there is one.
      return [
        ...extension,
        ...text(settings.pin ? "PIN ••••" : ""),
        ...text(settings.notificationEmail),
      ];
  }
}

/** A one-line summary for lists and previews: "Device · Softphone · Anna's softphone". */
export function describeFeature(feature: FeatureColumns): string {
  const details = featureDetails(feature).map((detail) =>
    "phone" in detail ? formatPhone(detail.phone) : detail.text,
  );
  // A phone number without a label, or a mailbox, is already named by its details.
  const named = feature.kind === "voicemail_box" || details.includes(feature.name);
  return [featureKindLabels[feature.kind], ...details, ...(named ? [] : [feature.name])].join(
    " · ",
  );
}

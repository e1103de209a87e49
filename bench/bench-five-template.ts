import type { TemplateInput } from "../lib/templates/template-schema";

// No patterns: the feature kinds' own checks refuse a bad PIN or MAC address at Save.
const attribute = (
  key: string,
  label: string,
  type: "extension" | "text",
): NonNullable<TemplateInput["attributes"]>[number] => ({
  key,
  label,
  type,
  required: true,
  defaultValue: "",
  pattern: "",
  helpText: "",
  options: [],
});

/**
 * The seat the Save benchmark makes: five features, four created (a softphone, a desk phone
 * whose MAC address is a setup attribute, a voicemail box on the seat's extension, a meeting
 * room with an extension of its own) and a phone number taken from the instance's spares.
 */
export const benchFiveTemplate: TemplateInput = {
  name: "Bench Five",
  description: "Bench: a seat of five features, for timing the user form's Save.",
  attributes: [
    attribute("extension", "Extension", "extension"),
    attribute("voicemailPin", "Voicemail PIN", "text"),
    attribute("deskPhoneMac", "Desk phone MAC address", "text"),
    // The first Extension attribute is the seat's; this one is the meeting room's.
    attribute("roomExtension", "Meeting room extension", "extension"),
  ],
  features: [
    {
      kind: "device",
      source: "create",
      fields: { name: "{{firstName}} {{lastName}} softphone", deviceKind: "softphone" },
    },
    {
      kind: "device",
      source: "create",
      fields: {
        name: "{{firstName}} {{lastName}} desk phone",
        deviceKind: "desk_phone",
        macAddress: "{{deskPhoneMac}}",
        model: "Yealink T54W",
      },
    },
    {
      kind: "voicemail_box",
      source: "create",
      fields: {
        mailboxNumber: "{{extension}}",
        pin: "{{voicemailPin}}",
        notificationEmail: "{{email}}",
      },
    },
    {
      kind: "conference_room",
      source: "create",
      fields: {
        name: "{{firstName}} {{lastName}} room",
        extension: "{{roomExtension}}",
        maxParticipants: "10",
      },
    },
    { kind: "phone_number", source: "spare", fields: {} },
  ],
  callFlow: [
    { type: "ring_devices", value: "20" },
    { type: "voicemail", value: "" },
  ],
};

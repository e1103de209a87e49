"use client";

import { Select, TextInput } from "@/components/field";
import type { useServerForm } from "@/components/forms/use-server-form";
import { deviceKindLabels, deviceKinds, type FeatureKind } from "@/lib/features/kinds";
import type { RingGroupMemberChoice } from "@/lib/features/list-ring-group-member-choices";
import type { FeatureFormValues } from "@/lib/features/schemas";
import { RingGroupFields } from "./ring-group-fields";

export type FeatureServerForm = ReturnType<typeof useServerForm<FeatureFormValues>>;

type Props = {
  kind: FeatureKind;
  editing: boolean;
  server: FeatureServerForm;
  memberChoices: RingGroupMemberChoice[];
};

const phoneHelp = "Include the country code, such as +1 212 555 0100.";
const extensionHelp = "1 to 8 digits, not used by anything else in this instance.";
const digits = { inputMode: "numeric", autoComplete: "off" } as const;

/** The fields of one feature kind, named as the kind's schema names them. */
export function FeatureFields({ kind, editing, server, memberChoices }: Props) {
  const { field } = server;
  switch (kind) {
    case "phone_number":
      return (
        <>
          <TextInput
            label="Phone number"
            {...field("number")}
            type="tel"
            required
            help={phoneHelp}
          />
          <TextInput
            label="Label"
            {...field("label")}
            help="Shown instead of the number in lists, such as Main line."
          />
          <TextInput
            label="Caller ID name"
            {...field("callerIdName")}
            maxLength={15}
            help="Up to 15 plain characters, shown to the people this number calls."
          />
        </>
      );
    case "device":
      return (
        <>
          <TextInput label="Name" {...field("name")} required />
          <Select
            label="Kind"
            {...field("deviceKind")}
            options={deviceKinds.map((value) => ({ value, label: deviceKindLabels[value] }))}
          />
          <TextInput
            label="MAC address"
            {...field("macAddress")}
            autoComplete="off"
            spellCheck={false}
            help="Desk phones only, as printed on the phone: AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff."
          />
          <TextInput label="Model" {...field("model")} help="Optional, such as Yealink T54W." />
        </>
      );
    case "conference_room":
      return (
        <>
          <TextInput label="Name" {...field("name")} required />
          <TextInput
            label="Extension"
            {...field("extension")}
            {...digits}
            required
            help={extensionHelp}
          />
          <TextInput
            label="PIN"
            {...field("pin")}
            {...digits}
            help="4 to 8 digits callers enter to join; leave empty for none."
          />
          <TextInput
            label="Most participants"
            {...field("maxParticipants")}
            type="number"
            min={2}
            max={500}
            required
            help="From 2 to 500."
          />
        </>
      );
    case "fax_machine":
      return (
        <>
          <TextInput label="Name" {...field("name")} required />
          <TextInput
            label="Fax number"
            {...field("faxNumber")}
            type="tel"
            required
            help={phoneHelp}
          />
          <TextInput
            label="Email to fax"
            {...field("emailToFax")}
            type="email"
            help="Optional: mail sent from this address is faxed."
          />
        </>
      );
    case "ring_group":
      return <RingGroupFields server={server} memberChoices={memberChoices} />;
    default:
      return (
        <>
          <TextInput
            label="Mailbox number"
            {...field("mailboxNumber")}
            {...digits}
            required
            help={extensionHelp}
          />
          <TextInput
            label={editing ? "New PIN" : "PIN"}
            {...field("pin")}
            type="password"
            {...digits}
            autoComplete="new-password"
            required={!editing}
            help={
              editing
                ? "The PIN is never shown. Leave empty to keep it, or enter 4 to 8 digits to change it."
                : "4 to 8 digits, asked for when listening to messages. It is not shown again."
            }
          />
          <TextInput
            label="Notification email"
            {...field("notificationEmail")}
            type="email"
            help="Optional: told about each new message."
          />
        </>
      );
  }
}

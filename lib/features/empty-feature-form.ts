import type { FeatureKind } from "./kinds";
import type { FeatureFormValues } from "./schemas";

const empties: Record<FeatureKind, FeatureFormValues> = {
  phone_number: { number: "", label: "", callerIdName: "" },
  device: { name: "", deviceKind: "desk_phone", macAddress: "", model: "" },
  conference_room: { name: "", extension: "", pin: "", maxParticipants: "10" },
  fax_machine: { name: "", faxNumber: "", emailToFax: "" },
  ring_group: { name: "", extension: "", strategy: "simultaneous", members: [], ringSeconds: "20" },
  voicemail_box: { mailboxNumber: "", pin: "", notificationEmail: "" },
};

/** A new feature's form: empty, with the usual choices made (a desk phone, 20 seconds). */
export function emptyFeatureForm(kind: FeatureKind): FeatureFormValues {
  return { ...empties[kind] };
}

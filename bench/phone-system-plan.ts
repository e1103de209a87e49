import crypto from "node:crypto";
import type { CallFlowStep } from "../db/schema/seats";
import {
  extensionOwnerLabel,
  type FeatureColumns,
  featureColumns,
} from "../lib/features/feature-columns";
import type { FeatureKind } from "../lib/features/kinds";
import { parseFeatureFields } from "../lib/features/schemas";
import type { BenchInstanceSpec } from "./phone-system-specs";

export type SeatPersonRow = {
  userId: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
};

export type PlannedSeatRow = {
  id: string;
  user_id: string;
  user_name: string;
  extension: string | null;
  template_id: string | null;
  template_version: number | null;
  attributes: Record<string, string>;
  call_flow: CallFlowStep[];
  /** The seat.created activity row's details, as the Save records them. */
  details: Record<string, unknown>;
};

export type PlannedFeatureRow = FeatureColumns & {
  id: string;
  seat_id: string | null;
  /** The instance_extensions label, for kinds that claim an extension. */
  owner_label: string | null;
};

export type PhoneSystemPlan = { seats: PlannedSeatRow[]; features: PlannedFeatureRow[] };

const pad = (value: number, width: number) => String(value).padStart(width, "0");
const departments = ["Sales", "Support", "Finance", "Engineering", "Reception", "Operations"];
const deskModels = ["Yealink T54W", "Poly VVX 450", "Cisco 8845"];

/** A kind's fields through its schema and into columns, exactly as insertFeature stores them. */
function feature(kind: FeatureKind, input: Record<string, unknown>, seatId: string | null) {
  const parsed = parseFeatureFields(kind, input);
  if (!parsed.ok) {
    throw new Error(
      `Bench ${kind} ${JSON.stringify(input)}: ${JSON.stringify(parsed.fieldErrors)}`,
    );
  }
  const columns = featureColumns(kind, parsed.value);
  const claims = kind === "voicemail_box" || kind === "ring_group" || kind === "conference_room";
  return {
    ...columns,
    id: crypto.randomUUID(),
    seat_id: seatId,
    owner_label: claims ? extensionOwnerLabel(columns) : null,
  };
}

/**
 * The seats and features of one bench instance for the given people (one seat each). Ids
 * are made here so ring groups can name their member seats before anything is inserted.
 */
export function planPhoneSystem(
  spec: BenchInstanceSpec,
  people: SeatPersonRow[],
  template: { id: string; name: string; version: number },
): PhoneSystemPlan {
  let numbers = 0;
  let macs = 0;
  const nextNumber = () => `+${spec.numberBase + numbers++}`;
  // A unicast prefix of its own per instance, then the count in the last three bytes.
  const nextMac = () => {
    const n = macs++;
    const bytes = [n >> 16, n >> 8, n].map((byte) => (byte & 255).toString(16).padStart(2, "0"));
    return `${spec.macPrefix}:${bytes.join(":")}`.toUpperCase();
  };
  const seats: PlannedSeatRow[] = [];
  const features: PlannedFeatureRow[] = [];
  const instance = spec.name;
  for (const [index, person] of people.entries()) {
    const id = crypto.randomUUID();
    const fullName = `${person.firstName} ${person.lastName}`;
    const base = { id, user_id: person.userId, user_name: person.userName };
    if (index < spec.templateSeats) {
      const extension = String(10001 + index);
      const made = [
        feature("device", { name: `${fullName} softphone`, deviceKind: "softphone" }, id),
        feature(
          "voicemail_box",
          { mailboxNumber: extension, pin: "1357", notificationEmail: person.email },
          id,
        ),
        feature("phone_number", { number: nextNumber(), label: "", callerIdName: "" }, id),
      ];
      features.push(...made);
      seats.push({
        ...base,
        extension,
        template_id: template.id,
        template_version: template.version,
        attributes: { extension, voicemailPin: "1357", ringSeconds: "20", forwardNumber: "" },
        call_flow: [
          { type: "ring_devices", seconds: 20 },
          { type: "voicemail", mailboxNumber: extension },
        ],
        details: {
          instance,
          template: template.name,
          templateVersion: template.version,
          extension,
          features: made.map((row) => row.name),
        },
      });
      continue;
    }
    const added =
      index < spec.templateSeats + spec.deskSeats
        ? feature(
            "device",
            {
              name: `${fullName} desk phone`,
              deviceKind: "desk_phone",
              macAddress: nextMac(),
              model: deskModels[index % deskModels.length],
            },
            id,
          )
        : feature("phone_number", { number: nextNumber(), label: "", callerIdName: "" }, id);
    features.push(added);
    seats.push({
      ...base,
      extension: null,
      template_id: null,
      template_version: null,
      attributes: {},
      call_flow: [],
      details: { instance, added: [added.name] },
    });
  }
  const addedSeats = seats.filter((seat) => seat.template_id === null).map((seat) => seat.id);
  for (let n = 1; n <= spec.spareNumbers; n++) {
    features.push(feature("phone_number", { number: nextNumber() }, null));
  }
  for (let n = 1; n <= spec.spareDesks; n++) {
    features.push(
      feature(
        "device",
        { name: `Spare desk phone ${pad(n, 3)}`, deviceKind: "desk_phone", macAddress: nextMac() },
        null,
      ),
    );
  }
  for (let n = 1; n <= spec.ringGroups; n++) {
    const members = Array.from(
      { length: 4 },
      (_, k) => addedSeats[(n * 4 + k) % Math.max(1, addedSeats.length)],
    ).filter((member): member is string => member !== undefined);
    const input = {
      name: `${departments[n % departments.length]} team ${pad(n, 3)}`,
      extension: String(20000 + n),
      strategy: n % 2 === 0 ? "simultaneous" : "in_order",
      members: [...new Set(members)],
      ringSeconds: "30",
    };
    features.push(feature("ring_group", input, null));
  }
  for (let n = 1; n <= spec.conferenceRooms; n++) {
    const input = {
      name: `Meeting room ${pad(n, 3)}`,
      extension: String(30000 + n),
      pin: n % 3 === 0 ? "" : "2468",
      maxParticipants: "20",
    };
    features.push(feature("conference_room", input, null));
  }
  for (let n = 1; n <= spec.faxes; n++) {
    const input = { name: `Fax ${pad(n, 3)}`, faxNumber: nextNumber(), emailToFax: "" };
    features.push(feature("fax_machine", input, null));
  }
  return { seats, features };
}

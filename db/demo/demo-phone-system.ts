import { getDb } from "../../db/client";
import type { Actor } from "../../lib/auth/actor";
import { createFeature } from "../../lib/features/create-feature";
import { createInstance } from "../../lib/instances/create-instance";
import type { Region } from "../../lib/instances/regions";
import { createPendingSeats } from "../../lib/seats/create-pending-seats";
import { createStandardUserTemplate } from "../../lib/templates/standard-user-template";
import type { UserRecord } from "../../lib/users/user-record";

type DemoInstance = {
  name: string;
  region: Region;
  notes: string;
  /** Spare numbers: the seats take theirs from these. */
  numbers: string[];
  firstExtension: number;
};

const demoInstances: DemoInstance[] = [
  {
    name: "Headquarters",
    region: "us-east",
    notes: "Main office, New York.",
    numbers: Array.from(
      { length: 10 },
      (_, index) => `+1212555${String(100 + index).padStart(4, "0")}`,
    ),
    firstExtension: 201,
  },
  {
    name: "London Office",
    region: "eu-west",
    notes: "Sales and support for Europe.",
    numbers: Array.from({ length: 10 }, (_, index) => `+44207946${String(index).padStart(4, "0")}`),
    firstExtension: 301,
  },
];

/**
 * A living phone system for the demo organization: two instances with spare numbers and
 * desk phones, a conference room and a ring group each, the Standard User template, and
 * six seats per instance made from it the way the user form's Save makes them.
 */
export async function loadDemoPhoneSystem(actor: Actor, people: UserRecord[]) {
  const template = await createStandardUserTemplate(getDb(), { accountId: actor.accountId });
  let seatCount = 0;
  for (const [index, demo] of demoInstances.entries()) {
    const instance = await createInstance({
      actor,
      input: { name: demo.name, region: demo.region, notes: demo.notes },
    });
    const add = (
      kind: Parameters<typeof createFeature>[0]["kind"],
      input: Record<string, string>,
    ) => createFeature({ actor, instanceId: instance.id, kind, input });
    for (const number of demo.numbers)
      await add("phone_number", { number, label: "", callerIdName: "" });
    for (let desk = 1; desk <= 3; desk++) {
      await add("device", {
        name: `${demo.name} desk phone ${desk}`,
        deviceKind: "desk_phone",
        macAddress: `00:1A:2B:3C:${String(index).padStart(2, "0")}:${String(desk).padStart(2, "0")}`,
        model: "Yealink T54W",
      });
    }
    await add("conference_room", {
      name: `${demo.name} boardroom`,
      extension: String(demo.firstExtension + 80),
      pin: "2468",
      maxParticipants: "20",
    });
    const seated = people.slice(index * 6, index * 6 + 6);
    for (const [position, person] of seated.entries()) {
      await getDb().transaction((tx) =>
        createPendingSeats(tx, {
          actor,
          user: person,
          seats: [
            {
              instanceId: instance.id,
              templateId: template.id,
              templateVersion: template.version,
              attributes: {
                extension: String(demo.firstExtension + position),
                voicemailPin: "1357",
                ringSeconds: "20",
                forwardNumber: "",
              },
              addFeatureIds: [],
            },
          ],
        }),
      );
      seatCount++;
    }
  }
  return { instances: demoInstances.length, seats: seatCount };
}

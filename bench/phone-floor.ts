import type { Actor } from "../lib/auth/actor";
import { listFeatures } from "../lib/features/list-features";
import { getInstance } from "../lib/instances/get-instance";
import { listSeats } from "../lib/instances/list-instance-seats";
import { listInstances } from "../lib/instances/list-instances";
import type { PhoneFacts } from "./phone-facts";

export type FloorWork = [name: string, work: () => Promise<unknown>];

/** What each Instance Manager page asks of the services, for Bench Big and Bench Small. */
export function phoneFloorCases(phone: PhoneFacts, actor: Actor): FloorWork[] {
  const { big, small } = phone;
  const both = (title: string, work: (instanceId: string) => Promise<unknown>): FloorWork[] => [
    [title.replace("<instance>", "<big>"), () => work(big.id)],
    [title.replace("<instance>", "<small>"), () => work(small.id)],
  ];
  return [
    ["/instances", () => listInstances({ actor })],
    ...both("/instances/<instance>", (instanceId) =>
      Promise.all([listInstances({ actor }), getInstance({ actor, instanceId })]),
    ),
    ...both("/instances/<instance>/features", (instanceId) => listFeatures({ actor, instanceId })),
    [
      "/instances/<big>/features deep page",
      () => listFeatures({ actor, instanceId: big.id, cursor: big.deepFeatures.after }),
    ],
    ...both("/instances/<instance>/features?kind=devices", (instanceId) =>
      listFeatures({ actor, instanceId, kind: "device" }),
    ),
    ...both("/instances/<instance>/seats", (instanceId) =>
      Promise.all([getInstance({ actor, instanceId }), listSeats({ actor, instanceId })]),
    ),
    [
      "/instances/<big>/seats deep page",
      () =>
        Promise.all([
          getInstance({ actor, instanceId: big.id }),
          listSeats({ actor, instanceId: big.id, after: big.deepSeats.after }),
        ]),
    ],
  ];
}

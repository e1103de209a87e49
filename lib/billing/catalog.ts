/**
 * The plan catalog. Prices are integer minor units of `billingCurrency` per month. A seat is
 * an active user of the account (someone who can sign in), not a phone seat: people are
 * what the portal is sold by, and an account always has at least its Administrator.
 */
export const billingCurrency = "USD";

export const resourceKeys = [
  "instances",
  "phoneNumbers",
  "conferenceRooms",
  "faxMachines",
  "storageGb",
] as const;
export type ResourceKey = (typeof resourceKeys)[number];

/** What happens when use would pass what the plan includes. */
export type OveragePolicy = "refuse" | "addon";

export const resourceLabels: Record<ResourceKey, { one: string; many: string }> = {
  instances: { one: "instance", many: "instances" },
  phoneNumbers: { one: "phone number", many: "phone numbers" },
  conferenceRooms: { one: "conference room", many: "conference rooms" },
  faxMachines: { one: "fax machine", many: "fax machines" },
  storageGb: { one: "GB of storage", many: "GB of storage" },
};

/** Headings for tables and form fields. */
export const resourceTitles: Record<ResourceKey, string> = {
  instances: "Instances",
  phoneNumbers: "Phone numbers",
  conferenceRooms: "Conference rooms",
  faxMachines: "Fax machines",
  storageGb: "Storage (GB)",
};

/** "1 instance", "6 instances", "10 GB of storage". */
export function resourceCount(resource: ResourceKey, count: number): string {
  const label = resourceLabels[resource];
  return `${count} ${count === 1 ? label.one : label.many}`;
}

/** The monthly price of one unit beyond a plan's inclusion, whichever the plan. */
export const addOnUnitPriceMinor: Record<ResourceKey, number> = {
  instances: 2500,
  phoneNumbers: 300,
  conferenceRooms: 1000,
  faxMachines: 800,
  storageGb: 25,
};

export type Plan = {
  key: PlanKey;
  name: string;
  description: string;
  seatPriceMinor: number;
  included: Record<ResourceKey, number>;
  overage: Record<ResourceKey, OveragePolicy>;
};

export const planKeys = ["starter", "team", "enterprise"] as const;
export type PlanKey = (typeof planKeys)[number];

export const plans: Record<PlanKey, Plan> = {
  starter: {
    key: "starter",
    name: "Starter",
    description: "For a small office: fixed limits, no add-ons.",
    seatPriceMinor: 1200,
    included: {
      instances: 5,
      phoneNumbers: 10,
      conferenceRooms: 2,
      faxMachines: 1,
      storageGb: 10,
    },
    overage: {
      instances: "refuse",
      phoneNumbers: "refuse",
      conferenceRooms: "refuse",
      faxMachines: "refuse",
      storageGb: "refuse",
    },
  },
  team: {
    key: "team",
    name: "Team",
    description: "Generous limits; anything beyond them is billed as an add-on.",
    seatPriceMinor: 2400,
    included: {
      instances: 25,
      phoneNumbers: 100,
      conferenceRooms: 10,
      faxMachines: 5,
      storageGb: 100,
    },
    overage: {
      instances: "addon",
      phoneNumbers: "addon",
      conferenceRooms: "addon",
      faxMachines: "addon",
      storageGb: "addon",
    },
  },
  enterprise: {
    key: "enterprise",
    name: "Enterprise",
    description: "For many sites: large inclusions, add-ons for the rest.",
    seatPriceMinor: 4500,
    included: {
      instances: 500,
      phoneNumbers: 2000,
      conferenceRooms: 200,
      faxMachines: 100,
      storageGb: 1000,
    },
    overage: {
      instances: "addon",
      phoneNumbers: "addon",
      conferenceRooms: "addon",
      faxMachines: "addon",
      storageGb: "addon",
    },
  },
};

/**
 * The plan of an account that never chose one. Generous, and it never refuses, so accounts
 * created before billing existed keep doing what they did.
 */
export const defaultPlanKey: PlanKey = "team";

export function isPlanKey(value: string): value is PlanKey {
  return (planKeys as readonly string[]).includes(value);
}

/** A stored plan key; an unknown one (a retired plan) reads as the default plan. */
export function planFor(key: string): Plan {
  return isPlanKey(key) ? plans[key] : plans[defaultPlanKey];
}

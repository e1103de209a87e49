// What the seed writes and the run signs in with: one place, so the two always agree.

/** Every bench user's password (one argon2id hash is computed and shared by all). */
export const benchPassword = "bench-only-password-2026";

/** The big account's Administrator and a User in it (in the Helpdesk group: Users → View). */
export const benchAdminLogin = "bench-admin";
export const benchUserLogin = "bench-user";

export type BenchGroup = { name: string; description: string; permissions: string[] };

// Every account gets these groups; generated users join one or two of them.
export const benchGroups: BenchGroup[] = [
  {
    name: "Helpdesk",
    description: "First-line support",
    permissions: ["users:view", "users:edit", "activity:view_all"],
  },
  {
    name: "Telephony",
    description: "Runs the phone systems",
    permissions: ["instances:view", "instances:edit", "features:view", "templates:apply"],
  },
  {
    name: "Finance",
    description: "Pays the bills",
    permissions: ["billing:view", "billing:manage", "organization:view"],
  },
  { name: "Sales", description: "", permissions: ["users:view"] },
  { name: "Support", description: "", permissions: ["users:view", "groups:view"] },
  { name: "Engineering", description: "", permissions: ["instances:view", "features:view"] },
  {
    name: "Onboarding",
    description: "Creates accounts for new starters",
    permissions: ["users:view", "users:create", "groups:view"],
  },
  {
    name: "Managers",
    description: "",
    permissions: ["users:view", "users:inactivate", "permissions:view", "activity:view_all"],
  },
];

import type { UserRole } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";

// The portal's modules and their actions: the one registry every check refers to.
export const modules = {
  users: { label: "Users", actions: ["view", "create", "edit", "delete", "inactivate"] },
  groups: { label: "Groups", actions: ["view", "create", "edit", "delete"] },
  permissions: { label: "Permissions", actions: ["view", "edit"] },
  instances: { label: "Instances", actions: ["view", "create", "edit", "delete", "rebuild"] },
  features: { label: "Features", actions: ["view", "create", "edit", "delete"] },
  templates: { label: "Templates", actions: ["view", "create", "edit", "delete", "apply"] },
  activity: { label: "Account Activity", actions: ["view_own", "view_all"] },
  billing: { label: "Billing", actions: ["view", "manage"] },
  organization: { label: "Organization", actions: ["view", "edit"] },
  integrations: { label: "Integrations", actions: ["view", "manage"] },
} as const;

export type ModuleKey = keyof typeof modules;
export type ModuleAction<M extends ModuleKey> = (typeof modules)[M]["actions"][number];

// What the User role may do before any group or override (seed 001).
const userBaseline: { [M in ModuleKey]?: readonly ModuleAction<M>[] } = {
  activity: ["view_own"],
  instances: ["view", "rebuild"],
};

export type PermissionSubject = { role: UserRole };

export function can<M extends ModuleKey>(
  subject: PermissionSubject,
  module: M,
  action: ModuleAction<M>,
): boolean {
  if (subject.role === "administrator") return true;
  const granted = userBaseline[module] as readonly string[] | undefined;
  return granted?.includes(action) ?? false;
}

export function assertCan<M extends ModuleKey>(
  subject: PermissionSubject,
  module: M,
  action: ModuleAction<M>,
): void {
  if (!can(subject, module, action)) throw new ForbiddenError();
}

/** Every action the subject may perform, module by module (for "Display Permissions"). */
export function effectivePermissions(subject: PermissionSubject) {
  return (Object.keys(modules) as ModuleKey[]).map((key) => ({
    key,
    label: modules[key].label,
    actions: (modules[key].actions as readonly string[]).map((action) => ({
      action,
      allowed: can(subject, key, action as ModuleAction<typeof key>),
      source: subject.role === "administrator" ? "Administrator" : "User baseline",
    })),
  }));
}

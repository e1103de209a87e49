// The portal's modules and their actions: the one registry every check refers to.
// Modules whose pages arrive with later issues are listed now and enforced then.
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
/** "module:action", the key permissions are stored and compared by. */
export type PermissionKey = { [M in ModuleKey]: `${M}:${ModuleAction<M>}` }[ModuleKey];

export const moduleKeys = Object.keys(modules) as ModuleKey[];

export function permissionKey<M extends ModuleKey>(
  module: M,
  action: ModuleAction<M>,
): PermissionKey {
  return `${module}:${action}` as PermissionKey;
}

/** Every module:action pair of the registry, in display order. */
export const allPermissionKeys: PermissionKey[] = moduleKeys.flatMap((module) =>
  (modules[module].actions as readonly string[]).map(
    (action) => `${module}:${action}` as PermissionKey,
  ),
);

export function isPermissionKey(value: string): value is PermissionKey {
  return (allPermissionKeys as string[]).includes(value);
}

export const actionLabels: Record<string, string> = {
  view: "View",
  create: "Create",
  edit: "Edit",
  delete: "Delete",
  inactivate: "Inactivate",
  rebuild: "Rebuild",
  apply: "Apply",
  view_own: "View own",
  view_all: "View all",
  manage: "Manage",
};

/** What the User role may do before any group or override (seed 001). */
export const userBaseline: ReadonlySet<PermissionKey> = new Set<PermissionKey>([
  "activity:view_own",
  "instances:view",
  "instances:rebuild",
]);

/** "Billing: Manage", how people read a permission key. */
export function permissionLabel(key: PermissionKey): string {
  const [module, action] = key.split(":") as [ModuleKey, string];
  return `${modules[module].label}: ${actionLabels[action] ?? action}`;
}

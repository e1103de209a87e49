import { ForbiddenError } from "@/lib/errors";
import {
  actionLabels,
  type ModuleAction,
  type ModuleKey,
  moduleKeys,
  modules,
  type PermissionKey,
  permissionKey,
  permissionLabel,
} from "./modules";
import { type PermissionSubject, resolvePermission } from "./resolve-permission";

export type { ModuleAction, ModuleKey, PermissionSubject };
export { modules };

/** The one decision every page, action and route handler relies on. */
export function can<M extends ModuleKey>(
  subject: PermissionSubject,
  module: M,
  action: ModuleAction<M>,
): boolean {
  return resolvePermission(subject, permissionKey(module, action)).allowed;
}

export function canKey(subject: PermissionSubject, key: PermissionKey): boolean {
  return resolvePermission(subject, key).allowed;
}

/**
 * Only an Administrator may change an Administrator, whatever else the actor may do
 * (delegation: a User who manages users never manages the people above them).
 */
export function mayChangeUser(
  actor: { role: "user" | "administrator" },
  target: { role: "user" | "administrator" },
): boolean {
  return target.role !== "administrator" || actor.role === "administrator";
}

/** Refuses with the missing permission named ("You need Users: Delete."), for whoever asks. */
export function assertCan<M extends ModuleKey>(
  subject: PermissionSubject,
  module: M,
  action: ModuleAction<M>,
): void {
  if (can(subject, module, action)) return;
  const key = permissionKey(module, action);
  throw new ForbiddenError(`You need ${permissionLabel(key)}.`, key);
}

/** Every module's actions with the effective result and where it comes from. */
export function effectivePermissions(subject: PermissionSubject) {
  return moduleKeys.map((key) => ({
    key,
    label: modules[key].label,
    actions: (modules[key].actions as readonly string[]).map((action) => {
      const permission = `${key}:${action}` as PermissionKey;
      return {
        action,
        key: permission,
        label: actionLabels[action] ?? action,
        ...resolvePermission(subject, permission),
        override: subject.overrides?.get(permission),
      };
    }),
  }));
}

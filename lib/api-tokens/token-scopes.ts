import {
  actionLabels,
  allPermissionKeys,
  type ModuleKey,
  modules,
  type PermissionKey,
} from "@/lib/auth/modules";
import { canKey, type PermissionSubject } from "@/lib/auth/permissions";

/** The scopes `subject` may give a new token: the permissions they hold now. */
export function grantableScopes(subject: PermissionSubject): PermissionKey[] {
  return allPermissionKeys.filter((key) => canKey(subject, key));
}

/** Scopes in the registry's order, grouped by module, with their actions' words. */
export function scopesByModule(scopes: readonly string[]) {
  const held = new Set(scopes);
  return (Object.keys(modules) as ModuleKey[]).flatMap((module) => {
    const actions = (modules[module].actions as readonly string[]).filter((action) =>
      held.has(`${module}:${action}`),
    );
    return actions.length > 0
      ? [
          {
            module,
            label: modules[module].label,
            actions: actions.map((action) => ({
              key: `${module}:${action}` as PermissionKey,
              label: actionLabels[action] ?? action,
            })),
          },
        ]
      : [];
  });
}

/** A short line for a list: "Users: View, Create · Groups: View and 3 more modules". */
export function scopeSummary(scopes: readonly string[], shownModules = 2): string {
  const groups = scopesByModule(scopes);
  if (groups.length === 0) return "None";
  const shown = groups
    .slice(0, shownModules)
    .map((group) => `${group.label}: ${group.actions.map((action) => action.label).join(", ")}`)
    .join(" · ");
  const more = groups.length - shownModules;
  return more > 0 ? `${shown} and ${more} more module${more === 1 ? "" : "s"}` : shown;
}

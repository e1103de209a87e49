import type { UserRole } from "@/db/schema/users";
import { type PermissionKey, userBaseline } from "./modules";

export type OverrideEffect = "allow" | "deny";

/** Everything that decides what one user may do, loaded once per request. */
export type PermissionSubject = {
  role: UserRole;
  /** Group names granting each permission. */
  grants?: ReadonlyMap<PermissionKey, readonly string[]>;
  overrides?: ReadonlyMap<PermissionKey, OverrideEffect>;
  /** Set when acting through an API token: nothing outside them, whatever the user may do. */
  scopes?: ReadonlySet<PermissionKey>;
};

export type Resolution = { allowed: boolean; source: string };

/**
 * The rule: Administrator > Deny override > Allow override > any group grant >
 * role baseline. Administrators are not affected by overrides. An API token's scopes bound
 * all of it: the token does what its creator may do, and only within its scopes.
 */
export function resolvePermission(subject: PermissionSubject, key: PermissionKey): Resolution {
  if (subject.scopes && !subject.scopes.has(key)) {
    return { allowed: false, source: "not in the API token's scopes" };
  }
  if (subject.role === "administrator") return { allowed: true, source: "Administrator" };
  const override = subject.overrides?.get(key);
  if (override === "deny") return { allowed: false, source: "denied by user override" };
  if (override === "allow") return { allowed: true, source: "allowed by user override" };
  const groupNames = subject.grants?.get(key);
  if (groupNames && groupNames.length > 0) {
    const names = [...groupNames].sort((a, b) => a.localeCompare(b));
    return { allowed: true, source: `allowed by group ${names.join(", ")}` };
  }
  if (userBaseline.has(key)) return { allowed: true, source: "User baseline" };
  return { allowed: false, source: "not granted" };
}

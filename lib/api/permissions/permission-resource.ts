import { z } from "zod";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";
import type { OverrideEffect } from "@/lib/auth/resolve-permission";
import type { getUserPermissions } from "@/lib/permissions/get-user-permissions";
import { permissionKeySchema } from "./permission-key-schema";

const effect = z.enum(["allow", "deny"]);

export const overridesSchema = z.partialRecord(permissionKeySchema, effect).meta({
  id: "PermissionOverrides",
  description: "The user's Allow and Deny overrides; actions left out inherit.",
});

export type OverridesResource = z.infer<typeof overridesSchema>;

/** The overrides in the registry's order, so equal overrides always have the same ETag. */
export function toOverridesResource(
  overrides: ReadonlyMap<PermissionKey, OverrideEffect>,
): OverridesResource {
  const resource: OverridesResource = {};
  for (const key of allPermissionKeys) {
    const value = overrides.get(key);
    if (value) resource[key] = value;
  }
  return resource;
}

/** GET /users/{id}/permissions, and the answer to PUT: what the user may do, and why. */
export const userPermissionsSchema = z
  .object({
    userId: z.uuid(),
    role: z.enum(["user", "administrator"]),
    overrides: overridesSchema,
    permissions: z
      .array(
        z.object({
          key: permissionKeySchema,
          allowed: z.boolean(),
          source: z.string().meta({
            description:
              'Why: "Administrator", "denied by user override", "allowed by group Finance", "User baseline", "not granted"…',
          }),
          override: effect.nullable(),
        }),
      )
      .meta({ description: "Every module action, in the portal's order." }),
  })
  .meta({ id: "UserPermissions" });

export type UserPermissionsResource = z.infer<typeof userPermissionsSchema>;

type UserPermissions = Awaited<ReturnType<typeof getUserPermissions>>;

export function toUserPermissionsResource({
  user,
  modules,
}: UserPermissions): UserPermissionsResource {
  const actions = modules.flatMap((module) => module.actions);
  const overrides = new Map<PermissionKey, OverrideEffect>();
  for (const entry of actions) if (entry.override) overrides.set(entry.key, entry.override);
  return {
    userId: user.id,
    role: user.role,
    overrides: toOverridesResource(overrides),
    permissions: actions.map((entry) => ({
      key: entry.key,
      allowed: entry.allowed,
      source: entry.source,
      override: entry.override ?? null,
    })),
  };
}

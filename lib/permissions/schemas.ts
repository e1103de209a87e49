import { z } from "zod";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";

/** Inherit, Allow or Deny: one action's override, in the form and in the REST API. */
export const overrideChoice = z.enum(["inherit", "allow", "deny"], {
  error: "Choose Inherit, Allow or Deny.",
});
export type OverrideChoice = z.infer<typeof overrideChoice>;

/** One radio group per action, named "override:module:action"; absent ones are left alone. */
export const userOverridesSchema = z
  .object(
    Object.fromEntries(
      allPermissionKeys.map((key) => [`override:${key}`, overrideChoice.optional()]),
    ),
  )
  .transform((values) => {
    const overrides: Partial<Record<PermissionKey, OverrideChoice>> = {};
    for (const key of allPermissionKeys) {
      const value = values[`override:${key}`];
      if (value) overrides[key] = value;
    }
    return overrides;
  });
export type UserOverridesInput = z.output<typeof userOverridesSchema>;

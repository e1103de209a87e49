import { z } from "zod";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";

const choice = z.enum(["inherit", "allow", "deny"], { error: "Choose Inherit, Allow or Deny." });
export type OverrideChoice = z.infer<typeof choice>;

/** One radio group per action, named "override:module:action"; absent ones are left alone. */
export const userOverridesSchema = z
  .object(
    Object.fromEntries(allPermissionKeys.map((key) => [`override:${key}`, choice.optional()])),
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

import { z } from "zod";
import { allPermissionKeys } from "@/lib/auth/modules";
import { overrideChoice, type UserOverridesInput } from "@/lib/permissions/schemas";

// The Permissions form's own choice per action: the API validates exactly as the form does.
export const putUserPermissionsBodySchema = z
  .object({
    overrides: z
      .object(Object.fromEntries(allPermissionKeys.map((key) => [key, overrideChoice.optional()])))
      .strict()
      .meta({
        description:
          'Every override the user is to have, by "module:action": "allow", "deny" or "inherit". Actions left out inherit.',
        example: { "billing:view": "allow", "users:delete": "deny" },
      }),
  })
  .strict()
  .meta({ id: "PermissionOverridesChange" });

/** PUT replaces: every action the body leaves out goes back to Inherit. */
export function userOverridesInput(
  body: z.output<typeof putUserPermissionsBodySchema>,
): UserOverridesInput {
  const overrides: UserOverridesInput = {};
  for (const key of allPermissionKeys) overrides[key] = body.overrides[key] ?? "inherit";
  return overrides;
}

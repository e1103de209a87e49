import { z } from "zod";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";

/** One module action, as groups grant it and overrides name it. */
export const permissionKeySchema = z
  .enum(allPermissionKeys as [PermissionKey, ...PermissionKey[]], { error: "Unknown permission." })
  .meta({ id: "PermissionKey", description: '"module:action", such as "users:view".' });

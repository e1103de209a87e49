import { z } from "zod";
import { permissionKeys } from "@/lib/groups/schemas";
import { expiryDayProblem } from "./token-expiry";

export const apiTokenNameMax = 100;

/** The New token form, in the browser and on the server. */
export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name, such as the system that will use the token.")
    .max(apiTokenNameMax, `Use at most ${apiTokenNameMax} characters.`),
  scopes: permissionKeys.refine((keys) => keys.length > 0, "Choose at least one scope."),
  /** An empty date field: the token does not expire. */
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? "")
    .superRefine((value, context) => {
      const problem = value === "" ? undefined : expiryDayProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});
export type CreateApiTokenFormValues = z.input<typeof createApiTokenSchema>;
export type CreateApiTokenFormInput = z.output<typeof createApiTokenSchema>;

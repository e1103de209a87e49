import { z } from "zod";
import { isPermissionKey, type PermissionKey } from "@/lib/auth/modules";
import { isSingleLine } from "@/lib/form-values";

/** Check boxes named like "users:view"; FormData sends one, many or none. */
export const permissionKeys = z.preprocess(
  (value) => (value === undefined || value === false ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.string())
    .transform((values) => values.filter((value) => value !== ""))
    .refine((values) => values.every(isPermissionKey), "Unknown permission.")
    .transform((values) => [...new Set(values)] as PermissionKey[]),
);

export const groupFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a group name.")
    .max(80, "Use at most 80 characters.")
    .refine(isSingleLine, "Use one line of text, without control characters."),
  description: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .optional()
    .transform((value) => value ?? ""),
  permissions: permissionKeys,
});
export type GroupFormValues = z.input<typeof groupFormSchema>;
export type GroupInput = z.output<typeof groupFormSchema>;

export const addMemberSchema = z.object({
  userName: z.string().trim().min(1, "Enter a name, user name or email."),
});

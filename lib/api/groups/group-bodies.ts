import { z } from "zod";
import type { Group } from "@/db/schema";
import type { PermissionKey } from "@/lib/auth/modules";
import { type GroupInput, groupFormSchema } from "@/lib/groups/schemas";
import { isUuid } from "@/lib/uuid";
import { cursorParam, limitParam } from "../paging";

// The Group form's own field schemas: the API validates exactly as the form does.
const form = groupFormSchema.shape;

// The form's check boxes read as a list of "module:action" keys (unknown ones refused,
// repeats dropped); the document names the keys the list may hold.
const permissions = form.permissions.meta({
  description: 'The module actions the group grants, as "module:action" keys.',
  override: { items: { $ref: "#/components/schemas/PermissionKey" } },
});

export const createGroupBodySchema = z
  .object({ name: form.name, description: form.description, permissions: permissions.default([]) })
  .strict()
  .meta({ id: "NewGroup" });

export const updateGroupBodySchema = z
  .object({
    name: form.name,
    description: form.description,
    permissions: permissions.meta({ description: "Replaces the group's permissions." }),
  })
  .partial()
  .strict()
  .meta({ id: "GroupChanges" });

/** A PATCH applied to the stored group: what is not sent stays as it is. */
export function updateGroupInput(
  before: Group & { permissions: PermissionKey[] },
  changes: z.output<typeof updateGroupBodySchema>,
): GroupInput {
  return {
    name: changes.name ?? before.name,
    description: changes.description ?? before.description,
    permissions: changes.permissions ?? before.permissions,
  };
}

export const groupListQuerySchema = z.object({ limit: limitParam, cursor: cursorParam }).strict();

export const addGroupMemberBodySchema = z
  .object({
    userId: z
      .string({ error: "Send the user's id." })
      .refine(isUuid, "Not a user id.")
      .meta({ description: "The id of a user of the account." }),
  })
  .strict()
  .meta({ id: "NewGroupMember" });

export const groupMemberListQuerySchema = z
  .object({
    limit: limitParam,
    cursor: cursorParam.refine((value) => value === undefined || isUuid(value), {
      message: "Not a cursor of this list.",
    }),
  })
  .strict();

"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState, flash, formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { formDataObject } from "@/lib/form-values";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { addGroupMember, removeGroupMember } from "@/lib/groups/group-members";
import { addMemberSchema, groupFormSchema } from "@/lib/groups/schemas";
import { updateGroup } from "@/lib/groups/update-group";
import { pageData } from "@/lib/page-guard";

const groupId = (formData: FormData) => String(formData.get("id") ?? "");

export async function createGroupAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(groupFormSchema, formData, async (input, actor) => {
    const group = await createGroup({ actor, input });
    await flash("Group saved");
    redirect(`/groups/${group.id}`);
  });
}

export async function updateGroupAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(groupFormSchema, formData, async (input, actor) => {
    await updateGroup({ actor, groupId: groupId(formData), input });
    await flash("Group saved");
    redirect("/groups");
  });
}

export async function addGroupMemberAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(addMemberSchema, formData, async ({ userName }, actor) => {
    try {
      const user = await addGroupMember({ actor, groupId: groupId(formData), userName });
      await flash(`${user.userName} added to the group`);
    } catch (error) {
      // An unknown user name is a mistake in the field, not a missing page.
      if (error instanceof NotFoundError)
        return domainErrorState(
          new ConflictError(error.message, "userName"),
          formDataObject(formData),
        );
      throw error;
    }
    redirect(`/groups/${groupId(formData)}`);
  });
}

export async function removeGroupMemberAction(formData: FormData) {
  const actor = await requireActor();
  await pageData(() =>
    removeGroupMember({
      actor,
      groupId: groupId(formData),
      userId: String(formData.get("userId") ?? ""),
    }),
  );
  await flash("Member removed");
  redirect(`/groups/${groupId(formData)}`);
}

export async function deleteGroupAction(formData: FormData) {
  const actor = await requireActor();
  await pageData(() => deleteGroup({ actor, groupId: groupId(formData) }));
  await flash("Group deleted successfully");
  redirect("/groups");
}

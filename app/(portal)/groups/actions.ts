"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState, flash, formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { formDataObject } from "@/lib/form-values";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import {
  AmbiguousMemberError,
  addGroupMember,
  removeGroupMember,
} from "@/lib/groups/group-members";
import { addMemberSchema, groupFormSchema } from "@/lib/groups/schemas";
import { updateGroup } from "@/lib/groups/update-group";
import { pageData } from "@/lib/page-guard";
import { suggestUsers } from "@/lib/users/suggest-users";

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

/** A user the add-member form offers when what was typed names several, or nobody exactly. */
export type MemberChoice = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
};

export type AddMemberState =
  | ActionState
  | (Extract<ActionState, { ok: false }> & { choices: MemberChoice[]; more: boolean });

const asChoice = ({ id, userName, firstName, lastName, email }: MemberChoice): MemberChoice => ({
  id,
  userName,
  firstName,
  lastName,
  email,
});

export async function addGroupMemberAction(
  _state: AddMemberState | undefined,
  formData: FormData,
): Promise<AddMemberState> {
  return formAction(addMemberSchema, formData, async ({ userName: person }, actor) => {
    const values = formDataObject(formData);
    try {
      const user = await addGroupMember({ actor, groupId: groupId(formData), person });
      await flash(`${user.userName} added to the group`);
    } catch (error) {
      if (error instanceof AmbiguousMemberError) {
        const state = await domainErrorState(error, values);
        return { ...state, choices: error.candidates.map(asChoice), more: false };
      }
      // Nobody has exactly that name: a mistake in the field (not a missing page), and for
      // those who may view users a list of the people whose names contain it, to choose from.
      if (error instanceof NotFoundError) {
        const found = can(actor, "users", "view")
          ? await suggestUsers({ actor, q: person })
          : { users: [], more: false };
        const message =
          found.users.length > 0
            ? `No user has the user name, email or full name "${person.trim()}". Choose one of those it matches.`
            : `${error.message} Enter a user name, an email or a full name.`;
        const state = await domainErrorState(new ConflictError(message, "userName"), values);
        return found.users.length > 0
          ? { ...state, choices: found.users.map(asChoice), more: found.more }
          : state;
      }
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

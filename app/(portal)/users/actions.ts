"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { pageData } from "@/lib/page-guard";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";

// Only a query string produced by the User List may come back as returnTo.
function listUrl(formData: FormData): string {
  const returnTo = String(formData.get("returnTo") ?? "");
  return /^\?[\w=&%.+-]*$/.test(returnTo) ? `/users${returnTo}` : "/users";
}

export async function createUserAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(createUserSchema, formData, async (input, actor) => {
    await createUser({ actor, input });
    await flash("User saved");
    redirect(listUrl(formData));
  });
}

export async function updateUserAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(updateUserSchema, formData, async (input, actor) => {
    await updateUser({ actor, userId: String(formData.get("id") ?? ""), input });
    await flash("User saved");
    redirect(listUrl(formData));
  });
}

export async function setUserActiveAction(formData: FormData) {
  const actor = await requireActor();
  const active = formData.get("active") === "true";
  const userId = String(formData.get("id") ?? "");
  try {
    await pageData(() => setUserActive({ actor, userId, active }));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(`/users/${userId}`);
  }
  await flash(active ? "User reactivated" : "User inactivated");
  redirect(`/users${active ? "" : "?status=inactive"}`);
}

export async function deleteUserAction(formData: FormData) {
  const actor = await requireActor();
  const userId = String(formData.get("id") ?? "");
  try {
    await pageData(() => deleteUser({ actor, userId }));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(`/users/${userId}`);
  }
  await flash("User deleted successfully");
  redirect(listUrl(formData));
}

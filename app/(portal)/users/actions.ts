"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction, type ServerChecks } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { pageData } from "@/lib/page-guard";
import type { SeatFeatureDisposition } from "@/lib/seats/remove-user-seats";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { nameConflicts } from "@/lib/users/name-conflicts";
import { createUserSchema, updateUserSchema, userListQuerySchema } from "@/lib/users/schemas";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { encodeUserListCursor } from "@/lib/users/user-list-cursor";
import { listQueryString, listView, returnToOf } from "./list-href";
import { seatStep } from "./seat-step";

/** Names already in use, checked even when other fields are wrong (one Save, every problem). */
function nameChecks(exceptUserId?: string): ServerChecks<Actor> {
  return (values, schemaErrors, actor) =>
    nameConflicts({
      actor,
      userName: schemaErrors.userName ? undefined : String(values.userName ?? "").trim(),
      email: schemaErrors.email ? undefined : String(values.email ?? "").trim(),
      exceptUserId,
    });
}

const draftOf = (formData: FormData) => String(formData.get("draftId") ?? "") || undefined;

export async function createUserAction(_state: ActionState | undefined, formData: FormData) {
  if (formData.get("seatStep")) return seatStep(formData);
  return formAction(
    createUserSchema,
    formData,
    async (input, actor) => {
      const created = await createUser({ actor, input, draftId: draftOf(formData) });
      await flash("User created");
      // Open the new user, with the list starting at them so their row is in view.
      const query = userListQuerySchema.parse(
        Object.fromEntries(new URLSearchParams(returnToOf(formData))),
      );
      const at = encodeUserListCursor({
        value: created[query.sort].toLowerCase(),
        id: created.id,
      });
      const status = created.active ? "active" : "inactive";
      redirect(`/users/${created.id}${listQueryString({ ...listView(query), status, at })}`);
    },
    nameChecks(),
  );
}

export async function updateUserAction(_state: ActionState | undefined, formData: FormData) {
  const userId = String(formData.get("id") ?? "");
  if (formData.get("seatStep")) return seatStep(formData, userId);
  return formAction(
    updateUserSchema,
    formData,
    async (input, actor) => {
      await updateUser({ actor, userId, input, draftId: draftOf(formData) });
      await flash("User saved");
      // The user stays open where the Administrator was.
      redirect(`/users/${userId}${returnToOf(formData)}`);
    },
    nameChecks(userId),
  );
}

/** The leaving user's features, as the delete or inactivate question was answered. */
function seatFeaturesOf(formData: FormData): SeatFeatureDisposition | undefined {
  const value = formData.get("seatFeatures");
  return value === "keep" || value === "release" ? value : undefined;
}

export async function setUserActiveAction(formData: FormData) {
  const actor = await requireActor();
  const active = formData.get("active") === "true";
  const userId = String(formData.get("id") ?? "");
  const back = `/users/${userId}${returnToOf(formData)}`;
  try {
    await pageData(() =>
      setUserActive({ actor, userId, active, seatFeatures: seatFeaturesOf(formData) }),
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(back);
  }
  await flash(active ? "User reactivated" : "User inactivated");
  // Same user, same search and page: only their status changed.
  redirect(back);
}

export async function deleteUserAction(formData: FormData) {
  const actor = await requireActor();
  const userId = String(formData.get("id") ?? "");
  try {
    await pageData(() => deleteUser({ actor, userId, seatFeatures: seatFeaturesOf(formData) }));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(`/users/${userId}${returnToOf(formData)}`);
  }
  await flash("User deleted");
  redirect(`/users${returnToOf(formData)}`);
}

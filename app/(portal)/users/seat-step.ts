import "server-only";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { formDataObject } from "@/lib/form-values";
import { removePendingSeat } from "@/lib/seats/remove-pending-seat";
import { stashUserForm } from "@/lib/seats/stash-user-form";

/** The user form's page for a draft: the new-user form or the user's own. */
export function userFormHref(draftId: string, userId?: string | null): string {
  return `${userId ? `/users/${userId}` : "/users/new"}?draft=${draftId}`;
}

/**
 * A seat button of the user form (Add, Apply Template, Remove) instead of Save: the form's
 * values are kept in its draft and the wizard's page opens; nothing about the user is saved.
 */
export async function seatStep(formData: FormData, userId?: string): Promise<ActionState> {
  const step = String(formData.get("seatStep") ?? "");
  const values = formDataObject(formData);
  const draftId = String(formData.get("draftId") ?? "") || undefined;
  const instanceId = String(formData.get("seatInstanceId") ?? "");
  const actor = await requireActor();
  const removing = step.startsWith("remove:");
  if (!removing && instanceId === "") {
    return {
      ok: false,
      message: "Choose an instance first.",
      fieldErrors: { seatInstanceId: "Choose an instance first." },
      values,
    };
  }
  let id: string;
  try {
    if (removing) {
      if (!draftId) return { ok: true };
      id = await stashUserForm({ actor, values, userId, draftId });
      await removePendingSeat({ actor, draftId: id, index: Number(step.slice("remove:".length)) });
    } else {
      id = await stashUserForm({
        actor,
        values,
        userId,
        draftId,
        wizard: { instanceId, step: step === "add" ? "add" : "template" },
      });
    }
  } catch (error) {
    return domainErrorState(error, values);
  }
  if (removing) redirect(userFormHref(id, userId));
  redirect(`/users/seat/${id}/${step === "add" ? "add" : "template"}`);
}

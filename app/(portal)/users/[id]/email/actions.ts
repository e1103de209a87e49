"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { userEmailSchema } from "@/lib/users/schemas";
import { sendUserEmail } from "@/lib/users/send-user-email";
import { returnToOf } from "../../list-href";

export async function sendUserEmailAction(_state: ActionState | undefined, formData: FormData) {
  const userId = String(formData.get("id") ?? "");
  return formAction(userEmailSchema, formData, async (input, actor) => {
    await sendUserEmail({ actor, userId, input });
    await flash("Email queued");
    redirect(`/users/${userId}${returnToOf(formData)}`);
  });
}

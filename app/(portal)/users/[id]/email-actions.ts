"use server";

import { redirect } from "next/navigation";
import { flash } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { clearUndeliverable } from "@/lib/email/clear-undeliverable";
import { ConflictError } from "@/lib/errors";
import { pageData } from "@/lib/page-guard";
import { resendLoginInstructions } from "@/lib/users/resend-login-instructions";
import { returnToOf } from "../list-href";

export async function resendLoginInstructionsAction(formData: FormData) {
  const actor = await requireActor();
  const userId = String(formData.get("id") ?? "");
  const back = `/users/${userId}${returnToOf(formData)}`;
  try {
    await pageData(() => resendLoginInstructions({ actor, userId }));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(back);
  }
  await flash("Login instructions sent");
  redirect(back);
}

export async function clearUndeliverableAction(formData: FormData) {
  const actor = await requireActor();
  const userId = String(formData.get("id") ?? "");
  await pageData(() => clearUndeliverable({ actor, userId }));
  await flash("The mark is cleared: messages go to this address again");
  redirect(`/users/${userId}${returnToOf(formData)}`);
}

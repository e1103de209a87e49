"use server";

import { notFound, redirect } from "next/navigation";
import { flash, flashRefusal } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { retryEmail } from "@/lib/email/retry-email";
import { isUuid } from "@/lib/uuid";

/** Retry, a plain form post: the answer is the message's page again with a toast. */
export async function retryEmailAction(formData: FormData) {
  const actor = await requireActor();
  const id = String(formData.get("id") ?? "");
  if (!isUuid(id)) notFound();
  try {
    await retryEmail({ actor, emailId: id });
    await flash("Message queued to be sent again");
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(`/emails/${id}`);
}

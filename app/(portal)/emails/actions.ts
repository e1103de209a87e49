"use server";

import { notFound, redirect } from "next/navigation";
import { flash, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { retryEmail } from "@/lib/email/retry-email";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
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
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) await flash(refusalMessage(error));
    else if (error instanceof ConflictError) await flash(error.message);
    else throw error;
  }
  redirect(`/emails/${id}`);
}

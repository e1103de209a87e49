"use server";

import { redirect } from "next/navigation";
import { flash } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { formDataObject } from "@/lib/form-values";
import { pageData } from "@/lib/page-guard";
import { userOverridesSchema } from "@/lib/permissions/schemas";
import { setUserOverrides } from "@/lib/permissions/set-user-overrides";

export async function saveUserOverridesAction(formData: FormData) {
  const actor = await requireActor();
  const userId = String(formData.get("id") ?? "");
  const page = `/users/${userId}/permissions`;
  const parsed = userOverridesSchema.safeParse(formDataObject(formData));
  if (!parsed.success) {
    await flash("Choose Inherit, Allow or Deny for each action.");
    redirect(page);
  }
  try {
    await pageData(() => setUserOverrides({ actor, userId, overrides: parsed.data }));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await flash(error.message);
    redirect(page);
  }
  await flash("Permissions saved");
  redirect(page);
}

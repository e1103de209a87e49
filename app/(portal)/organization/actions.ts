"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState, flash, formAction, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import { maxLogoBytes } from "@/lib/organization/logo-image";
import { removeOrganizationLogo } from "@/lib/organization/remove-organization-logo";
import { organizationSchema } from "@/lib/organization/schemas";
import { setOrganizationLogo } from "@/lib/organization/set-organization-logo";
import { updateOrganization } from "@/lib/organization/update-organization";

export async function updateOrganizationAction(
  _state: ActionState | undefined,
  formData: FormData,
) {
  return formAction(organizationSchema, formData, async (input, actor) => {
    await updateOrganization({ actor, input });
    await flash("Organization saved");
    redirect("/organization");
  });
}

/** The logo form, a multipart post: the file's bytes decide its type, not its name. */
export async function setOrganizationLogoAction(
  _state: ActionState | undefined,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireActor();
  const file = formData.get("logo");
  try {
    if (!(file instanceof File) || file.size === 0) {
      const message = "Choose an image file for the logo.";
      throw new InvalidError(message, { logo: message });
    }
    // Checked before reading, so an oversized file is not copied into memory again.
    if (file.size > maxLogoBytes) {
      const message = `The logo is ${Math.ceil(file.size / 1024)} KB: it may be at most ${maxLogoBytes / 1024} KB.`;
      throw new InvalidError(message, { logo: message });
    }
    await setOrganizationLogo({ actor, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    return domainErrorState(error, {});
  }
  await flash("Logo saved");
  redirect("/organization");
}

/** Remove, a plain form post: the answer is the page again with a toast. */
export async function removeOrganizationLogoAction(_formData: FormData) {
  const actor = await requireActor();
  try {
    await removeOrganizationLogo({ actor });
    await flash("Logo removed");
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    await flash(refusalMessage(error));
  }
  redirect("/organization");
}

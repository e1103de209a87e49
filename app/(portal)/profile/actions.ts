"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { signOut } from "@/lib/auth/next-auth";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changePasswordSchema, profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";

export async function updateProfileAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(profileSchema, formData, async (input, actor) => {
    await updateProfile({ actor, input });
    await flash("Profile saved");
    redirect("/profile");
  });
}

export async function changePasswordAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(changePasswordSchema, formData, async (input, actor) => {
    await changeOwnPassword({ actor, input });
    // Every session of this user ended with the change, this one included.
    await signOut({ redirectTo: "/sign-in?notice=password-changed" });
    return undefined;
  });
}

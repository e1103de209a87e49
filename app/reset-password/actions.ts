"use server";

import type { ActionState } from "@/lib/actions/action-state";
import { completePasswordLink } from "../set-password/complete-password-link";

export async function resetPasswordAction(_state: ActionState | undefined, formData: FormData) {
  return completePasswordLink("reset_password", formData);
}

"use server";

import type { ActionState } from "@/lib/actions/action-state";
import { completePasswordLink } from "./complete-password-link";

export async function setPasswordAction(_state: ActionState | undefined, formData: FormData) {
  return completePasswordLink("set_password", formData);
}

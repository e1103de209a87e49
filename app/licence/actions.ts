"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState, flash, formAction } from "@/lib/actions/form-action";
import { currentSession } from "@/lib/auth/current-user";
import { endSession } from "@/lib/auth/end-sessions";
import { signOut } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { formDataObject } from "@/lib/form-values";
import { acceptLicence } from "@/lib/licence/accept-licence";
import { publishLicence } from "@/lib/licence/publish-licence";
import { publishLicenceSchema } from "@/lib/licence/schemas";

async function signedIn() {
  const session = await currentSession();
  if (session.status === "anonymous") redirect("/sign-in");
  return session;
}

export async function acceptLicenceAction(_state: ActionState | undefined, formData: FormData) {
  const { actor } = await signedIn();
  const next = safeRedirectPath(formData.get("next"), "/");
  try {
    await acceptLicence({
      actor,
      versionId: String(formData.get("versionId") ?? ""),
      userAgent: (await headers()).get("user-agent") ?? "",
    });
  } catch (error) {
    return await domainErrorState(error, formDataObject(formData));
  }
  redirect(next);
}

export async function declineLicenceAction() {
  const { user, sessionId } = await signedIn();
  await endSession({ sessionId, userId: user.id });
  await signOut({ redirectTo: "/sign-in?notice=licence-declined" });
}

export async function publishLicenceAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(publishLicenceSchema, formData, async (input, actor) => {
    const published = await publishLicence({ actor, input });
    await flash(`Licence version ${published.version} published`);
    redirect("/licence");
  });
}

"use server";

import { notFound, redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createInstance } from "@/lib/instances/create-instance";
import { deleteInstance } from "@/lib/instances/delete-instance";
import { requestRebuild } from "@/lib/instances/request-rebuild";
import { instanceFormSchema } from "@/lib/instances/schemas";
import { updateInstance } from "@/lib/instances/update-instance";
import { pageData } from "@/lib/page-guard";
import { isUuid } from "@/lib/uuid";
import { formatInstanceTime } from "./instance-time";

const instanceId = (formData: FormData) => String(formData.get("id") ?? "");

export async function createInstanceAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(instanceFormSchema, formData, async (input, actor) => {
    const instance = await createInstance({ actor, input });
    await flash("Instance saved");
    redirect(`/instances/${instance.id}`);
  });
}

export async function updateInstanceAction(_state: ActionState | undefined, formData: FormData) {
  return formAction(instanceFormSchema, formData, async (input, actor) => {
    const instance = await updateInstance({ actor, instanceId: instanceId(formData), input });
    await flash("Instance saved");
    redirect(`/instances/${instance.id}`);
  });
}

export async function deleteInstanceAction(formData: FormData) {
  const actor = await requireActor();
  const instance = await pageData(() =>
    deleteInstance({ actor, instanceId: instanceId(formData) }),
  );
  await flash(`Instance ${instance.name} deleted successfully`);
  redirect("/instances");
}

/**
 * Force Rebuild, a plain form post: the answer is the instance's page again with a toast
 * (started, already running since when, or why it is not allowed).
 */
export async function requestRebuildAction(formData: FormData) {
  const actor = await requireActor();
  const id = instanceId(formData);
  if (!isUuid(id)) notFound();
  try {
    const result = await requestRebuild({ actor, instanceId: id });
    await flash(
      result.started
        ? "Rebuild started"
        : `A rebuild is already running since ${result.since ? formatInstanceTime(result.since) : "a moment ago"}.`,
    );
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof ForbiddenError)) throw error;
    await flash(refusalMessage(error));
  }
  redirect(`/instances/${id}`);
}

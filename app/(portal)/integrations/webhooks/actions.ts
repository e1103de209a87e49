"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, flashRefusal, formAction, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { enableWebhookEndpoint } from "@/lib/webhooks/enable-webhook-endpoint";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { webhookEndpointSchema } from "@/lib/webhooks/schemas";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { webhookDeliveryConfig } from "@/lib/webhooks/webhook-config";
import type { CreatedEndpointState } from "./created-endpoint";

const endpointId = (formData: FormData) => String(formData.get("id") ?? "");
const formSchema = () =>
  webhookEndpointSchema({ allowHttp: webhookDeliveryConfig().allowPrivateUrls });

/**
 * Add Endpoint. No redirect on success: the answer itself shows the signing secret, once,
 * so it never travels in a URL or a cookie and a reload cannot show it again.
 */
export async function createWebhookEndpointAction(
  _state: ActionState | undefined,
  formData: FormData,
): Promise<ActionState> {
  return formAction(formSchema(), formData, async (input, actor) => {
    const { endpoint, secret } = await createWebhookEndpoint({ actor, input });
    revalidatePath("/integrations/webhooks");
    const created: CreatedEndpointState = {
      ok: true,
      message: "Endpoint created",
      created: { id: endpoint.id, url: endpoint.url, secret },
    };
    return created;
  });
}

export async function updateWebhookEndpointAction(
  _state: ActionState | undefined,
  formData: FormData,
) {
  return formAction(formSchema(), formData, async (input, actor) => {
    const endpoint = await updateWebhookEndpoint({
      actor,
      endpointId: endpointId(formData),
      input,
    });
    await flash("Endpoint saved");
    redirect(`/integrations/webhooks/${endpoint.id}`);
  });
}

/**
 * The endpoint's one-button forms (Enable, Send test event, Redeliver): plain posts answered
 * with the endpoint's page again and a toast saying what happened or why not.
 */
async function endpointCommand(
  formData: FormData,
  run: (id: string) => Promise<string>,
): Promise<never> {
  const id = endpointId(formData);
  if (!isUuid(id)) notFound();
  try {
    await flash(await run(id));
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(`/integrations/webhooks/${id}`);
}

export async function deleteWebhookEndpointAction(formData: FormData) {
  const actor = await requireActor();
  try {
    await deleteWebhookEndpoint({ actor, endpointId: endpointId(formData) });
    await flash("Webhook endpoint deleted");
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof ForbiddenError)) throw error;
    await flash(refusalMessage(error));
    redirect(`/integrations/webhooks/${endpointId(formData)}`);
  }
  redirect("/integrations/webhooks");
}

export async function enableWebhookEndpointAction(formData: FormData) {
  const actor = await requireActor();
  return endpointCommand(formData, async (id) => {
    await enableWebhookEndpoint({ actor, endpointId: id });
    return "Endpoint enabled: it gets events again";
  });
}

export async function sendTestWebhookAction(formData: FormData) {
  const actor = await requireActor();
  return endpointCommand(formData, async (id) => {
    await sendTestWebhook({ actor, endpointId: id });
    return "Test event queued: it shows in the delivery log";
  });
}

export async function redeliverWebhookAction(formData: FormData) {
  const actor = await requireActor();
  const deliveryId = String(formData.get("deliveryId") ?? "");
  return endpointCommand(formData, async (id) => {
    await redeliverWebhook({ actor, endpointId: id, deliveryId });
    return "Delivery queued again, with the same webhook-id";
  });
}

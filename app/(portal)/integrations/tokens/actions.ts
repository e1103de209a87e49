"use server";

import { refresh } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction, refusalMessage } from "@/lib/actions/form-action";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { requireActor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** What the creator sees once, and only in this answer: never in a URL, cookie or log. */
export type NewApiToken = {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
};

export type CreateApiTokenState =
  | ActionState
  | { ok: true; message?: string; created: NewApiToken };

/**
 * New token. Success answers with the token in the action's state, which the form shows
 * on the same page (with scripts, and without: the page is rendered again with the state),
 * instead of redirecting, which would need the token in a URL or cookie.
 */
export async function createApiTokenAction(
  _state: CreateApiTokenState | undefined,
  formData: FormData,
): Promise<CreateApiTokenState> {
  let created = undefined as NewApiToken | undefined;
  const state = await formAction(createApiTokenSchema, formData, async (input, actor) => {
    const { token, apiToken } = await createApiToken({ actor, input });
    created = {
      id: apiToken.id,
      name: apiToken.name,
      token,
      expiresAt: apiToken.expiresAt?.toISOString() ?? null,
    };
    return undefined;
  });
  if (!state.ok || !created) return state;
  // The list beside the form shows the new token too.
  refresh();
  return { ok: true, message: "Token created", created };
}

/** Revoke, a plain form post: the answer is the token's page again with a toast. */
export async function revokeApiTokenAction(formData: FormData) {
  const actor = await requireActor();
  const id = String(formData.get("id") ?? "");
  if (!isUuid(id)) notFound();
  try {
    const result = await revokeApiToken({ actor, tokenId: id });
    await flash(
      result.revoked ? `Token ${result.name} revoked` : `Token ${result.name} was already revoked`,
    );
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof ForbiddenError)) throw error;
    await flash(refusalMessage(error));
  }
  redirect(`/integrations/tokens/${id}`);
}

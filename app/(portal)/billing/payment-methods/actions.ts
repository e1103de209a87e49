"use server";

import { redirect } from "next/navigation";
import { flash, flashRefusal } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { cardLabel } from "@/lib/payments/card-label";
import { removePaymentMethod } from "@/lib/payments/remove-payment-method";
import { setDefaultPaymentMethod } from "@/lib/payments/set-default-payment-method";
import { startAddingCard } from "@/lib/payments/start-adding-card";
import { portalOrigin } from "@/lib/users/portal-origin";

const listPath = "/billing/payment-methods";

/** Sends the browser to the provider's page, where the card number is typed. */
export async function addCardAction() {
  const actor = await requireActor();
  let target = listPath;
  try {
    target = await startAddingCard({ actor, origin: await portalOrigin() });
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(target);
}

export async function setDefaultCardAction(formData: FormData) {
  const actor = await requireActor();
  try {
    const card = await setDefaultPaymentMethod({ actor, id: String(formData.get("id") ?? "") });
    await flash(`${cardLabel(card)} is now the default card`);
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(listPath);
}

export async function removeCardAction(formData: FormData) {
  const actor = await requireActor();
  try {
    const card = await removePaymentMethod({ actor, id: String(formData.get("id") ?? "") });
    await flash(`${cardLabel(card)} removed`);
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(listPath);
}

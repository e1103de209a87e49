"use server";

import { redirect } from "next/navigation";
import { flash, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { changePlan } from "@/lib/billing/change-plan";
import { describeProrated } from "@/lib/billing/money";
import { planChangeSchema } from "@/lib/billing/schemas";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { formDataObject } from "@/lib/form-values";
import { previewHref } from "./preview-href";

/**
 * Confirm on the preview, a plain form post: applies the previewed change and returns to
 * the plan with a toast. A refused change goes back to the preview, recomputed, with
 * everything chosen still in place and the reason as the toast.
 */
export async function confirmPlanChangeAction(formData: FormData) {
  const actor = await requireActor();
  const values = formDataObject(formData);
  const parsed = planChangeSchema.safeParse(values);
  if (!parsed.success) redirect("/billing/plan");
  let message: string;
  try {
    const { change, plan } = await changePlan({ actor, input: parsed.data });
    message = `Plan changed to ${plan.name}: ${describeProrated(change.proratedMinor, change.currency)} for the rest of the month.`;
  } catch (error) {
    if (error instanceof ForbiddenError) {
      await flash(refusalMessage(error));
      redirect("/billing/plan");
    }
    if (!(error instanceof ConflictError || error instanceof InvalidError)) throw error;
    await flash(`${error.message} Nothing was changed.`);
    redirect(previewHref(parsed.data));
  }
  await flash(message);
  redirect("/billing/plan");
}

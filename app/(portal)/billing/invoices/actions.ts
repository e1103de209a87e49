"use server";

import { notFound, redirect } from "next/navigation";
import { flash, flashRefusal, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { issueInvoiceNow } from "@/lib/billing/issue-invoice-now";
import { voidInvoice } from "@/lib/billing/void-invoice";
import { ForbiddenError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** Issues this month's invoice (or finds it issued) and opens it. */
export async function issueInvoiceNowAction() {
  const actor = await requireActor();
  let target: string;
  try {
    const { invoice, issued } = await issueInvoiceNow({ actor });
    await flash(
      issued
        ? `Invoice ${invoice.number} issued`
        : `This month's invoice ${invoice.number} was already issued`,
    );
    target = `/billing/invoices/${invoice.id}`;
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    await flash(refusalMessage(error));
    target = "/billing/invoices";
  }
  redirect(target);
}

/** Voids an open invoice; the confirmation dialog (or its page without scripts) posts here. */
export async function voidInvoiceAction(formData: FormData) {
  const actor = await requireActor();
  const id = String(formData.get("id") ?? "");
  if (!isUuid(id)) notFound();
  try {
    const invoice = await voidInvoice({ actor, invoiceId: id });
    await flash(`Invoice ${invoice.number} voided`);
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(`/billing/invoices/${id}`);
}

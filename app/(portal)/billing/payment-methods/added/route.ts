import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { flash, refusalMessage } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { addCard } from "@/lib/payments/add-card";
import { cardLabel } from "@/lib/payments/card-label";

/**
 * Where the provider's page sends the browser back once the card is saved there. The
 * reference is checked with the provider and bound to this account, so a link made for
 * another account saves nothing.
 */
export async function GET(request: NextRequest) {
  const actor = await requireActor();
  const reference = request.nextUrl.searchParams.get("reference") ?? "";
  try {
    const { method, added } = await addCard({ actor, reference });
    await flash(added ? `${cardLabel(method)} added` : `${cardLabel(method)} was already saved`);
  } catch (error) {
    if (error instanceof ForbiddenError) await flash(refusalMessage(error));
    else if (error instanceof InvalidError || error instanceof ConflictError) {
      await flash(`The card was not added: ${error.message}`);
    } else throw error;
  }
  redirect("/billing/payment-methods");
}

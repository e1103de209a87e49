import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { cardLabel } from "@/lib/payments/card-label";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { removeCardAction } from "../../actions";

export const metadata: Metadata = { title: "Remove card" };

// The confirmation page used when scripts are off.
export default async function RemoveCardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  pageRequires(actor, "billing", "manage");
  const cards = await pageData(() => listPaymentMethods({ actor }));
  const card = cards.find((candidate) => candidate.id === id);
  if (!card) notFound();
  const label = cardLabel(card);
  return (
    <Pane title={`Remove ${label}?`}>
      <form action={removeCardAction} className="space-y-4 p-4">
        <input type="hidden" name="id" value={card.id} />
        <p className="text-sm text-neutral-700">
          It can no longer pay invoices. Payments made with it stay on their invoices.
        </p>
        <div className="flex justify-end gap-2">
          <ButtonLink href="/billing/payment-methods" variant="secondary">
            Cancel
          </ButtonLink>
          <Button type="submit" variant="danger">
            Remove card
          </Button>
        </div>
      </form>
    </Pane>
  );
}

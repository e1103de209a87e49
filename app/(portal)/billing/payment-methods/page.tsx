import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { ConfirmDialog } from "@/components/dialog";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData, pageRequires } from "@/lib/page-guard";
import { brandLabel, cardExpired, cardExpiry, cardLabel } from "@/lib/payments/card-label";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { addCardAction, removeCardAction, setDefaultCardAction } from "./actions";

export const metadata: Metadata = { title: "Payment methods" };

export default async function PaymentMethodsPage() {
  const actor = await requireActor();
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const cards = await pageData(() => listPaymentMethods({ actor }));
  const mayManage = can(actor, "billing", "manage");
  const now = new Date();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Payment methods"
        description="Cards that pay invoices. The card number is typed on the payment provider's page and never stored here: we keep the provider's token, the brand, the last four digits and the expiry."
        actions={
          mayManage ? (
            <form action={addCardAction}>
              <Button type="submit" size="sm">
                Add a card
              </Button>
            </form>
          ) : null
        }
      />
      <Pane title="Saved cards">
        {cards.length === 0 ? (
          <EmptyState title="No cards yet">
            {mayManage
              ? "Add a card to pay invoices with it. "
              : "An Administrator with Billing: Manage adds cards. "}
            Invoices are on the <Link href="/billing/invoices">Invoices</Link> page.
          </EmptyState>
        ) : (
          <Table caption="Saved cards, the default first">
            <THead>
              <tr>
                <TH>Card</TH>
                <TH>Expires</TH>
                <TH>Name on card</TH>
                <TH>Added by</TH>
                {mayManage ? <TH className="text-right">Actions</TH> : null}
              </tr>
            </THead>
            <tbody>
              {cards.map((card) => {
                const label = cardLabel(card);
                const expired = cardExpired(card, now);
                return (
                  <TR key={card.id}>
                    <TD>
                      <span className="font-medium">{label}</span>
                      {card.isDefault ? (
                        <span className="ml-2 rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-800 ring-1 ring-accent-600/30 ring-inset">
                          Default
                        </span>
                      ) : null}
                      <span className="sr-only"> ({brandLabel(card.brand)})</span>
                    </TD>
                    <TD>
                      {cardExpiry(card)}
                      {expired ? <span className="ml-2 text-red-700">Expired</span> : null}
                    </TD>
                    <TD>{card.holderName || "—"}</TD>
                    <TD>{card.createdByLabel || "—"}</TD>
                    {mayManage ? (
                      <TD className="text-right">
                        <div className="flex justify-end gap-2">
                          {card.isDefault ? null : (
                            <form action={setDefaultCardAction}>
                              <input type="hidden" name="id" value={card.id} />
                              <Button
                                type="submit"
                                variant="secondary"
                                size="sm"
                                aria-label={`Make ${label} the default`}
                              >
                                Make default
                              </Button>
                            </form>
                          )}
                          <ConfirmDialog
                            triggerLabel="Remove"
                            triggerAriaLabel={`Remove ${label}`}
                            triggerVariant="danger"
                            triggerSize="sm"
                            title={`Remove ${label}?`}
                            description="It can no longer pay invoices. Payments made with it stay on their invoices."
                            confirmLabel="Remove card"
                            fallbackHref={`/billing/payment-methods/${card.id}/remove`}
                            action={removeCardAction}
                            hiddenFields={{ id: card.id }}
                          />
                        </div>
                      </TD>
                    ) : null}
                  </TR>
                );
              })}
            </tbody>
          </Table>
        )}
      </Pane>
    </div>
  );
}

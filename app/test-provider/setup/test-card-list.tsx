import { groupedCardNumber, type TestCard, testCards } from "@/lib/payments/providers/test-cards";

/** The numbers the page accepts, and what each does when charged. */
export function TestCardList() {
  return (
    <section aria-labelledby="test-cards-heading" className="border-t border-neutral-200 pt-5">
      <h2 id="test-cards-heading" className="text-sm font-semibold text-neutral-900">
        Test card numbers
      </h2>
      <p className="mt-1 text-sm text-neutral-700">
        Use any expiry date in the future, any name, and any 3-digit CVC (4 digits for American
        Express).
      </p>
      <CardNumbers
        title="Saved, and paid when charged"
        cards={testCards.filter((card) => card.behaviour === "succeeds")}
      />
      <CardNumbers
        title="Saved, then declined when charged"
        note="These cards are saved like any other, so you can see how a declined payment looks."
        cards={testCards.filter((card) => card.behaviour !== "succeeds")}
      />
    </section>
  );
}

function CardNumbers({ title, note, cards }: { title: string; note?: string; cards: TestCard[] }) {
  return (
    <>
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-neutral-600">
        {title}
      </h3>
      {note ? <p className="mt-1 text-sm text-neutral-700">{note}</p> : null}
      <ul className="mt-2 space-y-1 text-sm">
        {cards.map((card) => (
          <li key={card.number} className="flex justify-between gap-4">
            <span className="font-mono tabular-nums">{groupedCardNumber(card.number)}</span>
            <span className="text-right text-neutral-700">{card.description}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

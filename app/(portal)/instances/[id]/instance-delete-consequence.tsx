const count = (n: number, noun: string) =>
  `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

/** What deleting an instance takes with it, said the same in the dialog and on the page. */
export function deleteConsequence(usage: { featureTotal: number; seatCount: number }): string {
  if (usage.featureTotal === 0 && usage.seatCount === 0) {
    return "It has no features or seats. This cannot be undone.";
  }
  return `Its ${count(usage.featureTotal, "feature")} and ${count(usage.seatCount, "seat")} are deleted with it; the users keep their accounts. This cannot be undone.`;
}

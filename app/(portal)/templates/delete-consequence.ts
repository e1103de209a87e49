/** What deleting a template does to the seats made from it, for the dialog and the page. */
export function deleteConsequence(seatCount: number): string {
  if (seatCount === 0) return "No seats were made from it.";
  const seats =
    seatCount === 1 ? "The seat made from it keeps" : `The ${seatCount} seats made from it keep`;
  return `${seats} their features and call flow; the template cannot be applied again.`;
}
